//! `wasi_snapshot_preview1` constants and record layouts (see the witx in
//! WebAssembly/WASI, `wasi_snapshot_preview1.witx`).

#![allow(dead_code)]

/// A preview1 error number.
pub type Errno = u16;

pub const SUCCESS: Errno = 0;
pub const EACCES: Errno = 2;
pub const EBADF: Errno = 8;
pub const EEXIST: Errno = 20;
pub const EINVAL: Errno = 28;
pub const EIO: Errno = 29;
pub const EISDIR: Errno = 31;
pub const ENOMEM: Errno = 48;
pub const ENOTDIR: Errno = 54;
pub const ENOTSOCK: Errno = 57;
pub const ENOTSUP: Errno = 58;
pub const EOVERFLOW: Errno = 61;
pub const EPIPE: Errno = 64;
pub const ESPIPE: Errno = 70;

pub const FILETYPE_UNKNOWN: u8 = 0;
pub const FILETYPE_CHARACTER_DEVICE: u8 = 2;
pub const FILETYPE_DIRECTORY: u8 = 3;
pub const FILETYPE_REGULAR_FILE: u8 = 4;
pub const FILETYPE_SYMBOLIC_LINK: u8 = 7;

pub const FDFLAGS_APPEND: u16 = 1;
pub const FDFLAGS_DSYNC: u16 = 2;
pub const FDFLAGS_NONBLOCK: u16 = 4;
pub const FDFLAGS_RSYNC: u16 = 8;
pub const FDFLAGS_SYNC: u16 = 16;

pub const RIGHT_FD_READ: u64 = 1 << 1;
pub const RIGHT_FD_SEEK: u64 = 1 << 2;
pub const RIGHT_FD_TELL: u64 = 1 << 5;
pub const RIGHT_FD_WRITE: u64 = 1 << 6;
pub const RIGHT_FD_READDIR: u64 = 1 << 14;
pub const RIGHT_POLL_FD_READWRITE: u64 = 1 << 27;
/// Every right preview1 defines (bits 0..=29).
pub const RIGHTS_ALL: u64 = (1 << 30) - 1;
/// Rights that only make sense on a directory.
pub const RIGHTS_DIR_ONLY: u64 = (1 << 9)
    | (1 << 10)
    | (1 << 11)
    | (1 << 12)
    | (1 << 13)
    | (1 << 14)
    | (1 << 15)
    | (1 << 16)
    | (1 << 17)
    | (1 << 18)
    | (1 << 19)
    | (1 << 20)
    | (1 << 21)
    | (1 << 23)
    | (1 << 24)
    | (1 << 25)
    | (1 << 26);

pub const CLOCK_REALTIME: u32 = 0;
pub const CLOCK_MONOTONIC: u32 = 1;
pub const CLOCK_PROCESS_CPUTIME: u32 = 2;
pub const CLOCK_THREAD_CPUTIME: u32 = 3;

pub const WHENCE_SET: u32 = 0;
pub const WHENCE_CUR: u32 = 1;
pub const WHENCE_END: u32 = 2;

pub const FSTFLAGS_ATIM: u32 = 1;
pub const FSTFLAGS_ATIM_NOW: u32 = 2;
pub const FSTFLAGS_MTIM: u32 = 4;
pub const FSTFLAGS_MTIM_NOW: u32 = 8;

pub const EVENTTYPE_CLOCK: u8 = 0;
pub const EVENTTYPE_FD_READ: u8 = 1;
pub const EVENTTYPE_FD_WRITE: u8 = 2;
pub const SUBCLOCKFLAGS_ABSTIME: u16 = 1;

/// `iovec` / `ciovec`: pointer and length.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Iovec {
    pub ptr: *mut u8,
    pub len: usize,
}

/// Reads the `i`th iovec of an array.
pub unsafe fn iovec(base: *const Iovec, i: usize) -> Iovec {
    unsafe { *base.add(i) }
}

/// Writes a value of any plain type at `base + off`.
#[inline(always)]
pub unsafe fn put<T>(base: *mut u8, off: usize, v: T) {
    unsafe { (base.add(off) as *mut T).write_unaligned(v) }
}

/// Reads a value of any plain type at `base + off`.
#[inline(always)]
pub unsafe fn get<T>(base: *const u8, off: usize) -> T {
    unsafe { (base.add(off) as *const T).read_unaligned() }
}
