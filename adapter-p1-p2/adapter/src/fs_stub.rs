//! The proxy variant has no filesystem: no descriptor is ever a file or a
//! directory, there are no preopens, and the file functions answer `EBADF`
//! for closed descriptors and `ENOTSUP` (or the stdio answer) for stdio.

use crate::fd::lookup;
use crate::p1::{self, Errno};
use crate::state::{Desc, State, state};

/// Nothing to release: stdio holds only streams.
pub fn release(_d: &mut Desc) {}

/// Unreachable in practice: no descriptor is a file.
pub fn file_input(_st: &mut State, _d: &mut Desc) -> Result<u32, Errno> {
    Err(p1::EBADF)
}

/// Unreachable in practice: no descriptor is a file.
pub fn after_read(_st: &mut State, _d: &mut Desc) -> Result<(), Errno> {
    Ok(())
}

/// `EBADF` for a closed descriptor, `open` for an open one.
fn on_fd(fd: u32, open: Errno) -> Errno {
    match lookup(state(), fd) {
        Ok(_) => open,
        Err(e) => e,
    }
}

macro_rules! stubs {
    ($($name:ident($fd:ident $(, $arg:ident: $ty:ty)*) => $open:expr;)*) => {
        $(
            #[doc = concat!("preview1 `", stringify!($name), "` without a filesystem.")]
            #[unsafe(no_mangle)]
            pub unsafe extern "C" fn $name($fd: u32 $(, $arg: $ty)*) -> Errno {
                $(let _ = $arg;)*
                on_fd($fd, $open)
            }
        )*
    };
}

stubs! {
    fd_prestat_get(fd, _o: *mut u8) => p1::EBADF;
    fd_prestat_dir_name(fd, _p: *mut u8, _l: usize) => p1::EBADF;
    path_open(fd, _lf: u32, _p: *const u8, _l: usize, _of: u32, _r: u64, _i: u64, _ff: u32, _o: *mut u32) => p1::ENOTDIR;
    fd_seek(fd, _off: i64, _w: u32, _o: *mut u64) => p1::ESPIPE;
    fd_tell(fd, _o: *mut u64) => p1::ESPIPE;
    fd_fdstat_set_flags(fd, _f: u32) => p1::EBADF;
    fd_advise(fd, _o: u64, _l: u64, _a: u32) => p1::ESPIPE;
    fd_allocate(fd, _o: u64, _l: u64) => p1::ENOTSUP;
    fd_datasync(fd) => p1::EINVAL;
    fd_sync(fd) => p1::EINVAL;
    fd_filestat_set_size(fd, _s: u64) => p1::EINVAL;
    fd_filestat_set_times(fd, _a: u64, _m: u64, _f: u32) => p1::ENOTSUP;
    path_filestat_set_times(fd, _f: u32, _p: *const u8, _l: usize, _a: u64, _m: u64, _s: u32) => p1::ENOTDIR;
    path_create_directory(fd, _p: *const u8, _l: usize) => p1::ENOTDIR;
    path_remove_directory(fd, _p: *const u8, _l: usize) => p1::ENOTDIR;
    path_unlink_file(fd, _p: *const u8, _l: usize) => p1::ENOTDIR;
    path_rename(fd, _o: *const u8, _ol: usize, _nfd: u32, _n: *const u8, _nl: usize) => p1::ENOTDIR;
    path_link(fd, _f: u32, _o: *const u8, _ol: usize, _nfd: u32, _n: *const u8, _nl: usize) => p1::ENOTDIR;
    path_readlink(fd, _p: *const u8, _l: usize, _b: *mut u8, _bl: usize, _o: *mut usize) => p1::ENOTDIR;
    path_filestat_get(fd, _f: u32, _p: *const u8, _l: usize, _o: *mut u8) => p1::ENOTDIR;
    fd_pread(fd, _i: *const u8, _n: usize, _o: u64, _out: *mut usize) => p1::ESPIPE;
    fd_pwrite(fd, _i: *const u8, _n: usize, _o: u64, _out: *mut usize) => p1::ESPIPE;
    fd_readdir(fd, _b: *mut u8, _bl: usize, _c: u64, _o: *mut usize) => p1::ENOTDIR;
}

/// Stdio has no file metadata: all zeros, filetype unknown.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_filestat_get(fd: u32, out: *mut u8) -> Errno {
    match lookup(state(), fd) {
        Ok(_) => {
            unsafe { core::ptr::write_bytes(out, 0, 64) };
            p1::SUCCESS
        }
        Err(e) => e,
    }
}

/// `path_symlink` takes its directory third.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn path_symlink(
    _o: *const u8,
    _ol: usize,
    fd: u32,
    _n: *const u8,
    _nl: usize,
) -> Errno {
    on_fd(fd, p1::ENOTDIR)
}
