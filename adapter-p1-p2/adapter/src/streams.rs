//! Blocking reads and writes over `wasi:io/streams`, and the return area
//! type every import call uses.

use crate::imports;
use crate::p1::{self, Errno, get};
use crate::state::State;
use core::mem::MaybeUninit;

/// A return area large enough and aligned for every import result used here.
#[repr(C, align(8))]
pub struct Ret(MaybeUninit<[u8; 112]>);

impl Ret {
    /// An uninitialised return area.
    #[inline(always)]
    pub fn new() -> Ret {
        Ret(MaybeUninit::uninit())
    }
    /// Its address, for passing to an import.
    #[inline(always)]
    pub fn p(&mut self) -> *mut u8 {
        self.0.as_mut_ptr() as *mut u8
    }
    /// Reads a value at `off`.
    #[inline(always)]
    pub fn at<T>(&mut self, off: usize) -> T {
        unsafe { get::<T>(self.p(), off) }
    }
}

/// Decodes a `stream-error` at `off`: `closed` gives `closed`, a failed
/// operation drops its error resource and gives `EIO`.
fn stream_error(ret: &mut Ret, off: usize, closed: Errno) -> Errno {
    if ret.at::<u8>(off) == 0 {
        unsafe { imports::error_drop(ret.at::<u32>(off + 4)) };
        p1::EIO
    } else {
        closed
    }
}

/// Reads at most `len` bytes into `buf`, blocking until some arrive;
/// `Ok(0)` at end of stream.
pub fn read(st: &mut State, stream: u32, buf: *mut u8, len: usize) -> Result<usize, Errno> {
    st.arena_reset();
    st.direct_next(buf, len);
    let mut ret = Ret::new();
    unsafe { imports::input_stream_blocking_read(stream, len as u64, ret.p()) };
    st.arena_reset();
    if ret.at::<u8>(0) != 0 {
        return match stream_error(&mut ret, 4, 0) {
            0 => Ok(0),
            e => Err(e),
        };
    }
    let (p, n) = (ret.at::<*mut u8>(4), ret.at::<usize>(8));
    let n = n.min(len);
    if p != buf {
        unsafe { core::ptr::copy_nonoverlapping(p, buf, n) };
    }
    Ok(n)
}

/// Writes all of `len` bytes at `buf`, in chunks the host accepts.
pub fn write_all(stream: u32, mut buf: *const u8, mut len: usize) -> Result<(), Errno> {
    while len > 0 {
        let n = len.min(4096);
        let mut ret = Ret::new();
        unsafe { imports::output_stream_blocking_write_and_flush(stream, buf, n, ret.p()) };
        if ret.at::<u8>(0) != 0 {
            return Err(stream_error(&mut ret, 4, p1::EPIPE));
        }
        buf = unsafe { buf.add(n) };
        len -= n;
    }
    Ok(())
}

/// Bytes the stream accepts now without blocking (0 when it failed).
pub fn check_write(stream: u32) -> u64 {
    let mut ret = Ret::new();
    unsafe { imports::output_stream_check_write(stream, ret.p()) };
    if ret.at::<u8>(0) != 0 {
        stream_error(&mut ret, 8, 0);
        return 0;
    }
    ret.at::<u64>(8)
}
