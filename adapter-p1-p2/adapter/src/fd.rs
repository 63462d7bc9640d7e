//! Descriptor functions that work on every kind of descriptor: reads and
//! writes through streams, close, renumber, fdstat, and the socket calls.
//! Nothing here names a filesystem import directly, so a module that only
//! writes to stdout stays free of `wasi:filesystem`.

use crate::p1::{self, Errno, Iovec, iovec};
use crate::state::{self, Desc, Kind, State, state};
use crate::{errno, imports, streams};

#[cfg(not(feature = "proxy"))]
use crate::fs as files;
#[cfg(feature = "proxy")]
use crate::fs_stub as files;

/// Looks up an open descriptor (without fetching preopens).
pub fn lookup(st: &mut State, fd: u32) -> Result<&'static mut Desc, Errno> {
    st.fd(fd).ok_or(p1::EBADF)
}

/// The output stream of a writable descriptor.
fn output_of(d: &mut Desc) -> Result<u32, Errno> {
    if d.output == 0 {
        d.output = match d.kind {
            Kind::Stdout => unsafe { imports::get_stdout() },
            Kind::Stderr => unsafe { imports::get_stderr() },
            _ => return Err(p1::EBADF),
        };
    }
    Ok(d.output)
}

/// Releases every resource a descriptor holds and frees its slot.
pub fn release(d: &mut Desc) {
    unsafe {
        if d.input != 0 {
            imports::input_stream_drop(d.input);
        }
        if d.output != 0 {
            imports::output_stream_drop(d.output);
        }
    }
    files::release(d);
    state::clear(d);
}

/// preview1 `fd_write`: Writes every iovec, in order, to the descriptor's output stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_write(fd: u32, iovs: *const Iovec, n: usize, out: *mut usize) -> Errno {
    errno((|| {
        let st = state();
        let d = lookup(st, fd)?;
        let stream = output_of(d)?;
        let mut total = 0usize;
        for i in 0..n {
            let v = unsafe { iovec(iovs, i) };
            streams::write_all(stream, v.ptr, v.len)?;
            total += v.len;
        }
        if d.kind == Kind::File {
            d.pos += total as u64;
            if d.fdflags & p1::FDFLAGS_APPEND != 0 {
                // Appends land at the end, wherever that is now.
                d.dflags |= state::POS_AT_END;
            }
            if d.input != 0 {
                // The input stream is now behind the file position.
                unsafe { imports::input_stream_drop(d.input) };
                d.input = 0;
            }
        }
        unsafe { out.write(total) };
        Ok(())
    })())
}

/// preview1 `fd_read`: Reads into the first non-empty iovec (a short read, as POSIX allows).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_read(fd: u32, iovs: *const Iovec, n: usize, out: *mut usize) -> Errno {
    errno((|| {
        let st = state();
        let d = lookup(st, fd)?;
        let stream = match d.kind {
            Kind::Stdin => {
                if d.input == 0 {
                    d.input = unsafe { imports::get_stdin() };
                }
                d.input
            }
            Kind::File => files::file_input(st, d)?,
            // Like wasmtime's native preview1: reading a directory is EBADF.
            _ => return Err(p1::EBADF),
        };
        let mut got = 0;
        for i in 0..n {
            let v = unsafe { iovec(iovs, i) };
            if v.len > 0 {
                got = streams::read(st, stream, v.ptr, v.len)?;
                break;
            }
        }
        if d.kind == Kind::File {
            d.pos += got as u64;
            files::after_read(st, d)?;
        }
        unsafe { out.write(got) };
        Ok(())
    })())
}

/// preview1 `fd_close`: Closes a descriptor and releases its streams and handles.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_close(fd: u32) -> Errno {
    errno((|| {
        let d = lookup(state(), fd)?;
        release(d);
        Ok(())
    })())
}

/// preview1 `fd_renumber`: Moves descriptor `from` onto the open descriptor `to`, closing `to` first.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_renumber(from: u32, to: u32) -> Errno {
    errno((|| {
        let st = state();
        let src = lookup(st, from)?;
        let dst = lookup(st, to)?;
        if from == to {
            return Ok(());
        }
        release(dst);
        *dst = *src;
        state::clear(src);
        Ok(())
    })())
}

/// Writes a preview1 `fdstat` for a descriptor.
fn fdstat(d: &Desc, out: *mut u8) {
    use p1::*;
    // Computed with selects rather than one `match` of constants, which LLVM
    // would turn into a lookup table (a data segment adapters may not have).
    let is_dir = d.kind == Kind::Dir;
    let base = if is_dir {
        RIGHTS_ALL
    } else if d.kind == Kind::File {
        let mut r = RIGHTS_ALL & !RIGHTS_DIR_ONLY;
        if d.dflags & 1 == 0 {
            r &= !RIGHT_FD_READ;
        }
        if d.dflags & 2 == 0 {
            r &= !RIGHT_FD_WRITE;
        }
        r
    } else if d.kind == Kind::Stdin {
        RIGHT_FD_READ | RIGHT_POLL_FD_READWRITE
    } else {
        RIGHT_FD_WRITE | RIGHT_POLL_FD_READWRITE
    };
    let inheriting = if is_dir { RIGHTS_ALL } else { 0 };
    unsafe {
        put::<u8>(out, 0, d.ftype);
        put::<u16>(out, 2, d.fdflags);
        put::<u64>(out, 8, base);
        put::<u64>(out, 16, inheriting);
    }
}

/// preview1 `fd_fdstat_get`: Filetype, flags and rights of a descriptor.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_fdstat_get(fd: u32, out: *mut u8) -> Errno {
    errno((|| {
        let d = lookup(state(), fd)?;
        fdstat(d, out);
        Ok(())
    })())
}

/// preview1 `fd_fdstat_set_rights`: Rights cannot be changed: `ENOTSUP` (as wasmtime's preview1).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_fdstat_set_rights(fd: u32, _base: u64, _inheriting: u64) -> Errno {
    errno((|| {
        lookup(state(), fd)?;
        Err(p1::ENOTSUP)
    })())
}

/// Preview1 sockets: WASI 0.2 hands out no preopened sockets, so no
/// descriptor is ever a socket; open descriptors answer `ENOTSOCK`.
fn not_socket(fd: u32) -> Errno {
    errno((|| {
        lookup(state(), fd)?;
        Err(p1::ENOTSOCK)
    })())
}

/// preview1 `sock_accept`: No descriptor is a socket: `ENOTSOCK` (or `EBADF`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sock_accept(fd: u32, _flags: u32, _out: *mut u32) -> Errno {
    not_socket(fd)
}

/// preview1 `sock_recv`: No descriptor is a socket: `ENOTSOCK` (or `EBADF`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sock_recv(
    fd: u32,
    _iovs: *const Iovec,
    _n: usize,
    _flags: u32,
    _out: *mut usize,
    _oflags: *mut u16,
) -> Errno {
    not_socket(fd)
}

/// preview1 `sock_send`: No descriptor is a socket: `ENOTSOCK` (or `EBADF`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sock_send(
    fd: u32,
    _iovs: *const Iovec,
    _n: usize,
    _flags: u32,
    _out: *mut usize,
) -> Errno {
    not_socket(fd)
}

/// preview1 `sock_shutdown`: No descriptor is a socket: `ENOTSOCK` (or `EBADF`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sock_shutdown(fd: u32, _how: u32) -> Errno {
    not_socket(fd)
}
