//! Files and directories over `wasi:filesystem`: preopens, `path_*`, and the
//! `fd_*` functions that only make sense on files and directories.
//! Preopens are fetched lazily, by the first function here that needs them.

use crate::fd::lookup;
use crate::p1::{self, Errno, Iovec, get, iovec, put};
use crate::state::{Desc, Kind, POS_AT_END, State, new_desc, state};
use crate::streams::Ret;
use crate::{errno, imports};

const DF_READ: u32 = 1;
const DF_WRITE: u32 = 2;

/// Preview1 errno of a `wasi:filesystem` `error-code` (its enum index).
/// The table is packed into immediates: adapters may not carry data.
pub fn fs_errno(code: u8) -> Errno {
    let i = code as u32;
    let w: u64 = if i < 8 {
        0x1413_100a_0807_0602
    } else if i < 16 {
        0x201f_1d1c_1b1a_1916
    } else if i < 24 {
        0x3330_2e2c_2b25_2322
    } else if i < 32 {
        0x3f3d_3c3b_3a38_3736
    } else if i < 37 {
        0x004b_4a46_4540
    } else {
        return p1::EIO;
    };
    ((w >> ((i & 7) * 8)) & 0xff) as Errno
}

/// Checks a `result<_, error-code>`-shaped return area whose error code sits
/// at `off`.
fn check(ret: &mut Ret, off: usize) -> Result<(), Errno> {
    if ret.at::<u8>(0) == 0 {
        Ok(())
    } else {
        Err(fs_errno(ret.at::<u8>(off)))
    }
}

/// Preview1 filetype of a WASI 0.2 `descriptor-type`: unknown, block and
/// character devices and directories keep their number, fifo becomes
/// unknown, symlink 7, regular file 4, socket 6 (one nibble per type, so
/// no lookup table lands in a data segment).
fn ftype(t: u8) -> u8 {
    if t > 7 {
        return p1::FILETYPE_UNKNOWN;
    }
    ((0x6470_3210u32 >> (t as u32 * 4)) & 0xf) as u8
}

/// Drops the filesystem resources of a descriptor (its streams are dropped
/// by the caller).
pub fn release(d: &mut Desc) {
    unsafe {
        if d.dir_stream != 0 {
            imports::dir_stream_drop(d.dir_stream);
        }
        if matches!(d.kind, Kind::File | Kind::Dir) {
            imports::descriptor_drop(d.handle);
        }
    }
}

/// Opens a stream of the file at its position.
fn open_stream(d: &Desc, write: bool) -> Result<u32, Errno> {
    let mut ret = Ret::new();
    unsafe {
        if !write {
            imports::read_via_stream(d.handle, d.pos, ret.p());
        } else if d.fdflags & p1::FDFLAGS_APPEND != 0 {
            imports::append_via_stream(d.handle, ret.p());
        } else {
            imports::write_via_stream(d.handle, d.pos, ret.p());
        }
    }
    check(&mut ret, 4)?;
    Ok(ret.at::<u32>(4))
}

/// The input stream of a readable file, opened at the file position.
pub fn file_input(_st: &mut State, d: &mut Desc) -> Result<u32, Errno> {
    if d.dflags & DF_READ == 0 {
        return Err(p1::EBADF);
    }
    if d.input == 0 {
        settle_pos(d);
        d.input = open_stream(d, false)?;
    }
    Ok(d.input)
}

/// Moves the output stream of a file to its (changed) position.
fn reposition(d: &mut Desc) -> Result<(), Errno> {
    if d.input != 0 {
        unsafe { imports::input_stream_drop(d.input) };
        d.input = 0;
    }
    if d.output != 0 {
        unsafe { imports::output_stream_drop(d.output) };
        d.output = 0;
    }
    if d.dflags & DF_WRITE != 0 {
        d.output = open_stream(d, true)?;
    }
    Ok(())
}

/// After a read moved the position, the output stream must follow.
pub fn after_read(_st: &mut State, d: &mut Desc) -> Result<(), Errno> {
    if d.output != 0 && d.fdflags & p1::FDFLAGS_APPEND == 0 {
        unsafe { imports::output_stream_drop(d.output) };
        d.output = open_stream(d, true)?;
    }
    Ok(())
}

/// Fetches the preopened directories once, as descriptors 3, 4, ...
fn ensure_preopens(st: &mut State) {
    if st.preopens_done {
        return;
    }
    st.preopens_done = true;
    st.arena_reset();
    let mut ret = Ret::new();
    unsafe { imports::get_directories(ret.p()) };
    let (list, n) = (ret.at::<*const u8>(0), ret.at::<usize>(4));
    for i in 0..n {
        unsafe {
            let e = list.add(i * 12);
            let (h, p, l) = (get::<u32>(e, 0), get::<*const u8>(e, 4), get::<usize>(e, 8));
            let name = st.perm_alloc(l, 1);
            core::ptr::copy_nonoverlapping(p, name, l);
            let mut d = new_desc(Kind::Dir);
            d.handle = h;
            d.ftype = p1::FILETYPE_DIRECTORY;
            d.name_ptr = name;
            d.name_len = l;
            let mut fr = Ret::new();
            imports::get_flags(h, fr.p());
            d.dflags = if fr.at::<u8>(0) == 0 {
                fr.at::<u8>(1) as u32
            } else {
                DF_READ
            };
            st.insert(d);
        }
    }
}

/// A descriptor after preopens are known.
fn desc(fd: u32) -> Result<&'static mut Desc, Errno> {
    let st = state();
    ensure_preopens(st);
    lookup(st, fd)
}

/// The `wasi:filesystem` handle of a file or directory descriptor.
fn handle(fd: u32) -> Result<u32, Errno> {
    let d = desc(fd)?;
    match d.kind {
        Kind::File | Kind::Dir => Ok(d.handle),
        _ => Err(p1::EBADF),
    }
}

/// The handle of a directory descriptor.
fn dir(fd: u32) -> Result<u32, Errno> {
    let d = desc(fd)?;
    match d.kind {
        Kind::Dir => Ok(d.handle),
        Kind::File => Err(p1::ENOTDIR),
        _ => Err(p1::EBADF),
    }
}

/// A regular-file descriptor (directories give `EISDIR`, stdio `ESPIPE`).
fn file(fd: u32) -> Result<&'static mut Desc, Errno> {
    let d = desc(fd)?;
    match d.kind {
        Kind::File => Ok(d),
        Kind::Dir => Err(p1::EISDIR),
        _ => Err(p1::ESPIPE),
    }
}

/// preview1 `fd_prestat_get`: Describes a preopened directory (fetching preopens on first use).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_prestat_get(fd: u32, out: *mut u8) -> Errno {
    errno((|| {
        let d = desc(fd)?;
        if d.kind != Kind::Dir || d.name_ptr.is_null() {
            return Err(p1::EBADF);
        }
        unsafe {
            put::<u32>(out, 0, 0);
            put::<u32>(out, 4, d.name_len as u32);
        }
        Ok(())
    })())
}

/// preview1 `fd_prestat_dir_name`: Copies a preopen's name (without a NUL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_prestat_dir_name(fd: u32, path: *mut u8, len: usize) -> Errno {
    errno((|| {
        let d = desc(fd)?;
        if d.kind != Kind::Dir || d.name_ptr.is_null() {
            return Err(p1::EBADF);
        }
        if len < d.name_len {
            return Err(37); // ENAMETOOLONG
        }
        unsafe { core::ptr::copy_nonoverlapping(d.name_ptr, path, d.name_len) };
        Ok(())
    })())
}

/// preview1 `path_open`: Opens a file or directory relative to a directory descriptor.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn path_open(
    fd: u32,
    lookup_flags: u32,
    path: *const u8,
    path_len: usize,
    oflags: u32,
    rights: u64,
    _inheriting: u64,
    fdflags: u32,
    out: *mut u32,
) -> Errno {
    errno((|| {
        let parent = desc(fd)?;
        if parent.kind != Kind::Dir {
            return Err(if parent.kind == Kind::File {
                p1::ENOTDIR
            } else {
                p1::EBADF
            });
        }
        let (ph, pflags) = (parent.handle, parent.dflags);
        let mut df = 0;
        if rights & (p1::RIGHT_FD_READ | p1::RIGHT_FD_READDIR) != 0 {
            df |= DF_READ;
        }
        const WRITE_RIGHTS: u64 = 1 | p1::RIGHT_FD_WRITE | (1 << 8) | (1 << 22);
        if rights & WRITE_RIGHTS != 0 {
            df |= DF_WRITE;
        }
        let fdflags = fdflags as u16;
        if fdflags & p1::FDFLAGS_SYNC != 0 {
            df |= 4;
        }
        if fdflags & p1::FDFLAGS_DSYNC != 0 {
            df |= 8;
        }
        if fdflags & p1::FDFLAGS_RSYNC != 0 {
            df |= 16;
        }
        df |= pflags & 32; // mutate-directory is inherited
        let mut ret = Ret::new();
        unsafe {
            imports::open_at(
                ph,
                lookup_flags & 1,
                path,
                path_len,
                oflags & 0xf,
                df,
                ret.p(),
            );
        }
        check(&mut ret, 4)?;
        let h = ret.at::<u32>(4);
        let mut tr = Ret::new();
        unsafe { imports::get_type(h, tr.p()) };
        let t = if tr.at::<u8>(0) == 0 {
            tr.at::<u8>(1)
        } else {
            0
        };
        let mut d = new_desc(if t == 3 { Kind::Dir } else { Kind::File });
        d.handle = h;
        d.ftype = ftype(t);
        d.dflags = df;
        d.fdflags = fdflags;
        if d.kind == Kind::File && df & DF_WRITE != 0 {
            if fdflags & p1::FDFLAGS_APPEND != 0 {
                d.pos = stat_size(h);
            }
            match open_stream(&d, true) {
                Ok(s) => d.output = s,
                Err(e) => {
                    unsafe { imports::descriptor_drop(h) };
                    return Err(e);
                }
            }
        }
        let n = state().insert(d);
        unsafe { out.write(n) };
        Ok(())
    })())
}

/// Size of a file (0 when it cannot be read).
fn stat_size(h: u32) -> u64 {
    let mut ret = Ret::new();
    unsafe { imports::stat(h, ret.p()) };
    if ret.at::<u8>(0) == 0 {
        ret.at::<u64>(24)
    } else {
        0
    }
}

/// Resolves a position left at the end of the file by appends.
fn settle_pos(d: &mut Desc) {
    if d.dflags & POS_AT_END != 0 {
        d.dflags &= !POS_AT_END;
        d.pos = stat_size(d.handle);
    }
}

/// preview1 `fd_seek`: Moves the file position; the file's streams follow it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_seek(fd: u32, offset: i64, whence: u32, out: *mut u64) -> Errno {
    errno((|| {
        let d = file(fd)?;
        settle_pos(d);
        let base = match whence {
            p1::WHENCE_SET => 0,
            p1::WHENCE_CUR => d.pos as i64,
            p1::WHENCE_END => stat_size(d.handle) as i64,
            _ => return Err(p1::EINVAL),
        };
        let new = base.checked_add(offset).ok_or(p1::EINVAL)?;
        if new < 0 {
            return Err(p1::EINVAL);
        }
        if new as u64 != d.pos || whence != p1::WHENCE_CUR {
            d.pos = new as u64;
            reposition(d)?;
        }
        unsafe { out.write(d.pos) };
        Ok(())
    })())
}

/// preview1 `fd_tell`: The file position.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_tell(fd: u32, out: *mut u64) -> Errno {
    errno((|| {
        let d = file(fd)?;
        settle_pos(d);
        unsafe { out.write(d.pos) };
        Ok(())
    })())
}

/// preview1 `fd_fdstat_set_flags`: Changes `APPEND` and `NONBLOCK`; sync flags are `EINVAL`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_fdstat_set_flags(fd: u32, flags: u32) -> Errno {
    errno((|| {
        // Only files and directories have changeable flags (stdio: EBADF, as
        // in wasmtime's preview1); every read and write blocks regardless.
        let d = handle(fd).and_then(|_| desc(fd))?;
        let flags = flags as u16;
        if flags & (p1::FDFLAGS_DSYNC | p1::FDFLAGS_RSYNC | p1::FDFLAGS_SYNC) != 0 {
            return Err(p1::EINVAL);
        }
        let keep = d.fdflags & !(p1::FDFLAGS_APPEND | p1::FDFLAGS_NONBLOCK);
        let changed = (d.fdflags ^ flags) & p1::FDFLAGS_APPEND != 0;
        d.fdflags = keep | flags;
        if changed && d.kind == Kind::File && d.output != 0 {
            if flags & p1::FDFLAGS_APPEND != 0 {
                d.pos = stat_size(d.handle);
            }
            reposition(d)?;
        }
        Ok(())
    })())
}

/// Runs a `result<_, error-code>` call on a file or directory handle.
fn simple(fd: u32, f: impl FnOnce(u32, *mut u8)) -> Errno {
    errno((|| {
        let h = handle(fd)?;
        let mut ret = Ret::new();
        f(h, ret.p());
        check(&mut ret, 1)
    })())
}

/// preview1 `fd_advise`: Passes access-pattern advice to the host.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_advise(fd: u32, offset: u64, len: u64, advice: u32) -> Errno {
    if advice > 5 {
        return p1::EINVAL;
    }
    simple(fd, |h, r| unsafe {
        imports::advise(h, offset, len, advice, r)
    })
}

/// preview1 `fd_allocate`: Not in WASI 0.2: `ENOTSUP` on an open file or directory.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_allocate(fd: u32, _offset: u64, _len: u64) -> Errno {
    errno((|| {
        handle(fd)?;
        Err(p1::ENOTSUP)
    })())
}

/// preview1 `fd_datasync`: Flushes file data.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_datasync(fd: u32) -> Errno {
    simple(fd, |h, r| unsafe { imports::sync_data(h, r) })
}

/// preview1 `fd_sync`: Flushes file data and metadata.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_sync(fd: u32) -> Errno {
    simple(fd, |h, r| unsafe { imports::sync(h, r) })
}

/// preview1 `fd_filestat_set_size`: Truncates or extends a file.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_filestat_set_size(fd: u32, size: u64) -> Errno {
    simple(fd, |h, r| unsafe { imports::set_size(h, size, r) })
}

/// A `new-timestamp` from preview1 time and flags (`now` and `set` bits).
fn timestamp(t: u64, flags: u32, set: u32, now: u32) -> Result<(u32, u64, u32), Errno> {
    match (flags & set != 0, flags & now != 0) {
        (true, true) => Err(p1::EINVAL),
        (false, true) => Ok((1, 0, 0)),
        (true, false) => Ok((2, t / 1_000_000_000, (t % 1_000_000_000) as u32)),
        (false, false) => Ok((0, 0, 0)),
    }
}

/// preview1 `fd_filestat_set_times`: Sets or keeps access and modification times.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_filestat_set_times(fd: u32, atim: u64, mtim: u64, flags: u32) -> Errno {
    let (a, m) = match (
        timestamp(atim, flags, p1::FSTFLAGS_ATIM, p1::FSTFLAGS_ATIM_NOW),
        timestamp(mtim, flags, p1::FSTFLAGS_MTIM, p1::FSTFLAGS_MTIM_NOW),
    ) {
        (Ok(a), Ok(m)) => (a, m),
        _ => return p1::EINVAL,
    };
    simple(fd, |h, r| unsafe {
        imports::set_times(h, a.0, a.1, a.2, m.0, m.1, m.2, r)
    })
}

/// preview1 `path_filestat_set_times`: Sets or keeps access and modification times of a path.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn path_filestat_set_times(
    fd: u32,
    flags: u32,
    path: *const u8,
    len: usize,
    atim: u64,
    mtim: u64,
    fst: u32,
) -> Errno {
    let (a, m) = match (
        timestamp(atim, fst, p1::FSTFLAGS_ATIM, p1::FSTFLAGS_ATIM_NOW),
        timestamp(mtim, fst, p1::FSTFLAGS_MTIM, p1::FSTFLAGS_MTIM_NOW),
    ) {
        (Ok(a), Ok(m)) => (a, m),
        _ => return p1::EINVAL,
    };
    path_call(fd, |h, r| unsafe {
        imports::set_times_at(h, flags & 1, path, len, a.0, a.1, a.2, m.0, m.1, m.2, r)
    })
}

/// Runs a `result<_, error-code>` call on a directory handle.
fn path_call(fd: u32, f: impl FnOnce(u32, *mut u8)) -> Errno {
    errno((|| {
        let h = dir(fd)?;
        let mut ret = Ret::new();
        f(h, ret.p());
        check(&mut ret, 1)
    })())
}

/// preview1 `path_create_directory`: Creates a directory.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn path_create_directory(fd: u32, path: *const u8, len: usize) -> Errno {
    path_call(fd, |h, r| unsafe {
        imports::create_directory_at(h, path, len, r)
    })
}

/// preview1 `path_remove_directory`: Removes an empty directory.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn path_remove_directory(fd: u32, path: *const u8, len: usize) -> Errno {
    path_call(fd, |h, r| unsafe {
        imports::remove_directory_at(h, path, len, r)
    })
}

/// preview1 `path_unlink_file`: Removes a file or symlink.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn path_unlink_file(fd: u32, path: *const u8, len: usize) -> Errno {
    path_call(fd, |h, r| unsafe {
        imports::unlink_file_at(h, path, len, r)
    })
}

/// preview1 `path_symlink`: Creates a symlink at `new` in the directory `fd`, pointing to `old`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn path_symlink(
    old: *const u8,
    old_len: usize,
    fd: u32,
    new: *const u8,
    new_len: usize,
) -> Errno {
    path_call(fd, |h, r| unsafe {
        imports::symlink_at(h, old, old_len, new, new_len, r)
    })
}

/// preview1 `path_rename`: Renames a path, possibly into another directory.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn path_rename(
    fd: u32,
    old: *const u8,
    old_len: usize,
    new_fd: u32,
    new: *const u8,
    new_len: usize,
) -> Errno {
    match dir(new_fd) {
        Ok(nh) => path_call(fd, |h, r| unsafe {
            imports::rename_at(h, old, old_len, nh, new, new_len, r)
        }),
        Err(e) => e,
    }
}

/// preview1 `path_link`: Creates a hard link.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn path_link(
    old_fd: u32,
    flags: u32,
    old: *const u8,
    old_len: usize,
    new_fd: u32,
    new: *const u8,
    new_len: usize,
) -> Errno {
    match dir(new_fd) {
        Ok(nh) => path_call(old_fd, |h, r| unsafe {
            imports::link_at(h, flags & 1, old, old_len, nh, new, new_len, r)
        }),
        Err(e) => e,
    }
}

/// preview1 `path_readlink`: Reads a symlink's target, truncated to the buffer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn path_readlink(
    fd: u32,
    path: *const u8,
    len: usize,
    buf: *mut u8,
    buf_len: usize,
    out: *mut usize,
) -> Errno {
    errno((|| {
        let h = dir(fd)?;
        let st = state();
        st.arena_reset();
        let mut ret = Ret::new();
        unsafe { imports::readlink_at(h, path, len, ret.p()) };
        check(&mut ret, 4)?;
        let (p, n) = (ret.at::<*const u8>(4), ret.at::<usize>(8));
        let n = n.min(buf_len);
        unsafe {
            core::ptr::copy_nonoverlapping(p, buf, n);
            out.write(n);
        }
        Ok(())
    })())
}

/// Writes a preview1 `filestat` from a `descriptor-stat` at offset 8 of `ret`.
fn filestat(ret: &mut Ret, ino: u64, out: *mut u8) {
    let time = |ret: &mut Ret, off: usize| -> u64 {
        if ret.at::<u8>(off) == 0 {
            return 0;
        }
        ret.at::<u64>(off + 8)
            .wrapping_mul(1_000_000_000)
            .wrapping_add(ret.at::<u32>(off + 16) as u64)
    };
    unsafe {
        put::<u64>(out, 0, 0);
        put::<u64>(out, 8, ino);
        put::<u64>(out, 16, ftype(ret.at::<u8>(8)) as u64);
        put::<u64>(out, 24, ret.at::<u64>(16));
        put::<u64>(out, 32, ret.at::<u64>(24));
        put::<u64>(out, 40, time(ret, 32));
        put::<u64>(out, 48, time(ret, 56));
        put::<u64>(out, 56, time(ret, 80));
    }
}

/// The lower half of a `metadata-hash-value` return area, used as the inode.
fn hash_lower(ret: &mut Ret) -> u64 {
    if ret.at::<u8>(0) == 0 {
        ret.at::<u64>(8)
    } else {
        0
    }
}

/// preview1 `fd_filestat_get`: File metadata; stdio descriptors report zeros.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_filestat_get(fd: u32, out: *mut u8) -> Errno {
    errno((|| {
        let d = desc(fd)?;
        if !matches!(d.kind, Kind::File | Kind::Dir) {
            unsafe { core::ptr::write_bytes(out, 0, 64) };
            return Ok(());
        }
        let mut ret = Ret::new();
        unsafe { imports::stat(d.handle, ret.p()) };
        check(&mut ret, 8)?;
        let mut hr = Ret::new();
        unsafe { imports::metadata_hash(d.handle, hr.p()) };
        filestat(&mut ret, hash_lower(&mut hr), out);
        Ok(())
    })())
}

/// preview1 `path_filestat_get`: Metadata of a path, following symlinks when asked.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn path_filestat_get(
    fd: u32,
    flags: u32,
    path: *const u8,
    len: usize,
    out: *mut u8,
) -> Errno {
    errno((|| {
        let h = dir(fd)?;
        let mut ret = Ret::new();
        unsafe { imports::stat_at(h, flags & 1, path, len, ret.p()) };
        check(&mut ret, 8)?;
        let mut hr = Ret::new();
        unsafe { imports::metadata_hash_at(h, flags & 1, path, len, hr.p()) };
        filestat(&mut ret, hash_lower(&mut hr), out);
        Ok(())
    })())
}

/// Reads into the first non-empty iovec at `offset`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_pread(
    fd: u32,
    iovs: *const Iovec,
    n: usize,
    offset: u64,
    out: *mut usize,
) -> Errno {
    errno((|| {
        let d = file(fd)?;
        if d.dflags & DF_READ == 0 {
            return Err(p1::EBADF);
        }
        let mut got = 0;
        for i in 0..n {
            let v = unsafe { iovec(iovs, i) };
            if v.len == 0 {
                continue;
            }
            let st = state();
            st.arena_reset();
            st.direct_next(v.ptr, v.len);
            let mut ret = Ret::new();
            unsafe { imports::read(d.handle, v.len as u64, offset, ret.p()) };
            st.arena_reset();
            check(&mut ret, 4)?;
            let (p, l) = (ret.at::<*const u8>(4), ret.at::<usize>(8).min(v.len));
            if !core::ptr::eq(p, v.ptr) {
                unsafe { core::ptr::copy_nonoverlapping(p, v.ptr, l) };
            }
            got = l;
            break;
        }
        unsafe { out.write(got) };
        Ok(())
    })())
}

/// Writes every iovec, in order, starting at `offset`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_pwrite(
    fd: u32,
    iovs: *const Iovec,
    n: usize,
    offset: u64,
    out: *mut usize,
) -> Errno {
    errno((|| {
        let d = file(fd)?;
        if d.dflags & DF_WRITE == 0 {
            return Err(p1::EBADF);
        }
        let mut total = 0usize;
        for i in 0..n {
            let v = unsafe { iovec(iovs, i) };
            let mut done = 0;
            while done < v.len {
                let mut ret = Ret::new();
                let at = offset + (total + done) as u64;
                unsafe { imports::write(d.handle, v.ptr.add(done), v.len - done, at, ret.p()) };
                check(&mut ret, 8)?;
                let w = ret.at::<u64>(8) as usize;
                if w == 0 {
                    return Err(p1::EIO);
                }
                done += w;
            }
            total += v.len;
        }
        unsafe { out.write(total) };
        Ok(())
    })())
}

const DIRENT_SIZE: usize = 24;

/// Reads the next entry of a directory stream into (type, name ptr, len).
fn next_entry(stream: u32) -> Result<Option<(u8, *const u8, usize)>, Errno> {
    let mut ret = Ret::new();
    unsafe { imports::read_directory_entry(stream, ret.p()) };
    check(&mut ret, 4)?;
    if ret.at::<u8>(4) == 0 {
        return Ok(None);
    }
    Ok(Some((
        ret.at::<u8>(8),
        ret.at::<*const u8>(12),
        ret.at::<usize>(16),
    )))
}

/// Entries are numbered 0 (`.`), 1 (`..`), then the directory stream's
/// entries from 2; a cookie is the number of the entry to start at. The
/// stream is kept open between calls and restarted when a cookie does not
/// continue where it stopped.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_readdir(
    fd: u32,
    buf: *mut u8,
    buf_len: usize,
    cookie: u64,
    out: *mut usize,
) -> Errno {
    errno((|| {
        let d = desc(fd)?;
        if d.kind != Kind::Dir {
            return Err(if d.kind == Kind::File {
                p1::ENOTDIR
            } else {
                p1::EBADF
            });
        }
        let st = state();
        st.arena_reset();
        let start = cookie.max(2);
        if d.dir_stream == 0 || d.pos != start {
            if d.dir_stream != 0 {
                unsafe { imports::dir_stream_drop(d.dir_stream) };
                d.dir_stream = 0;
            }
            let mut ret = Ret::new();
            unsafe { imports::read_directory(d.handle, ret.p()) };
            check(&mut ret, 4)?;
            d.dir_stream = ret.at::<u32>(4);
            d.pos = 2;
            while d.pos < start {
                if next_entry(d.dir_stream)?.is_none() {
                    break;
                }
                d.pos += 1;
            }
        }
        let mut used = 0usize;
        let mut index = cookie;
        let dot = [b'.', b'.'];
        while used < buf_len {
            let (t, name, len, ino) = if index < 2 {
                let mut hr = Ret::new();
                unsafe { imports::metadata_hash(d.handle, hr.p()) };
                let ino = if index == 0 { hash_lower(&mut hr) } else { 0 };
                (3u8, dot.as_ptr(), index as usize + 1, ino)
            } else {
                match next_entry(d.dir_stream)? {
                    None => break,
                    Some((t, name, len)) => {
                        d.pos += 1;
                        let mut hr = Ret::new();
                        unsafe { imports::metadata_hash_at(d.handle, 0, name, len, hr.p()) };
                        (t, name, len, hash_lower(&mut hr))
                    }
                }
            };
            index += 1;
            let mut head = [0u8; DIRENT_SIZE];
            let hp = head.as_mut_ptr();
            unsafe {
                put::<u64>(hp, 0, index);
                put::<u64>(hp, 8, ino);
                put::<u32>(hp, 16, len as u32);
                put::<u8>(hp, 20, ftype(t));
                let n = DIRENT_SIZE.min(buf_len - used);
                core::ptr::copy_nonoverlapping(hp, buf.add(used), n);
                used += n;
                let n = len.min(buf_len - used);
                core::ptr::copy_nonoverlapping(name, buf.add(used), n);
                used += n;
            }
        }
        unsafe { out.write(used) };
        Ok(())
    })())
}
