//! Arguments, environment, clocks, randomness and process control.

use crate::imports;
use crate::p1::{self, Errno, get, put};
use crate::state::{State, state};
use crate::streams::Ret;

/// Fetches `get-arguments` (`env == false`) or `get-environment` into the
/// arena; returns the list pointer and length. Elements are 8 bytes
/// (one string) or 16 bytes (key and value).
#[cfg(not(feature = "proxy"))]
fn fetch(st: &mut State, env: bool) -> (*const u8, usize) {
    st.arena_reset();
    let mut ret = Ret::new();
    unsafe {
        if env {
            imports::get_environment(ret.p());
        } else {
            imports::get_arguments(ret.p());
        }
    }
    (ret.at::<*const u8>(0), ret.at::<usize>(4))
}

/// The proxy world has no arguments or environment: both are empty.
#[cfg(feature = "proxy")]
fn fetch(_st: &mut State, _env: bool) -> (*const u8, usize) {
    (core::ptr::null(), 0)
}

/// Number of entries and total bytes of the `\0`-terminated strings
/// (`KEY=VALUE\0` for the environment).
fn sizes(env: bool, out_count: *mut usize, out_size: *mut usize) -> Errno {
    let (list, n) = fetch(state(), env);
    let mut size = 0;
    for i in 0..n {
        unsafe {
            if env {
                let e = list.add(i * 16);
                size += get::<usize>(e, 4) + get::<usize>(e, 12) + 2;
            } else {
                size += get::<usize>(list.add(i * 8), 4) + 1;
            }
        }
    }
    unsafe {
        out_count.write(n);
        out_size.write(size);
    }
    p1::SUCCESS
}

/// Copies the entries into the caller's pointer array and string buffer.
fn strings(env: bool, ptrs: *mut *mut u8, mut buf: *mut u8) -> Errno {
    let (list, n) = fetch(state(), env);
    unsafe {
        for i in 0..n {
            ptrs.add(i).write(buf);
            let e = list.add(i * if env { 16 } else { 8 });
            let (p, l) = (get::<*const u8>(e, 0), get::<usize>(e, 4));
            core::ptr::copy_nonoverlapping(p, buf, l);
            buf = buf.add(l);
            if env {
                buf.write(b'=');
                let (vp, vl) = (get::<*const u8>(e, 8), get::<usize>(e, 12));
                core::ptr::copy_nonoverlapping(vp, buf.add(1), vl);
                buf = buf.add(vl + 1);
            }
            buf.write(0);
            buf = buf.add(1);
        }
    }
    p1::SUCCESS
}

/// preview1 `args_sizes_get`: Number of arguments and the bytes they need, NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn args_sizes_get(count: *mut usize, size: *mut usize) -> Errno {
    sizes(false, count, size)
}

/// preview1 `args_get`: Copies the arguments into the caller's pointer array and buffer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn args_get(ptrs: *mut *mut u8, buf: *mut u8) -> Errno {
    strings(false, ptrs, buf)
}

/// preview1 `environ_sizes_get`: Number of environment entries and the bytes `KEY=VALUE\0` needs.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn environ_sizes_get(count: *mut usize, size: *mut usize) -> Errno {
    sizes(true, count, size)
}

/// preview1 `environ_get`: Copies `KEY=VALUE\0` entries into the caller's pointer array and buffer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn environ_get(ptrs: *mut *mut u8, buf: *mut u8) -> Errno {
    strings(true, ptrs, buf)
}

/// Nanoseconds of a `datetime` return area.
fn datetime_ns(ret: &mut Ret) -> Result<u64, Errno> {
    let secs = ret.at::<u64>(0);
    let ns = ret.at::<u32>(8) as u64;
    secs.checked_mul(1_000_000_000)
        .and_then(|s| s.checked_add(ns))
        .ok_or(p1::EOVERFLOW)
}

/// Current time (or resolution) of a preview1 clock in nanoseconds.
pub fn clock(id: u32, resolution: bool) -> Result<u64, Errno> {
    match id {
        p1::CLOCK_REALTIME => {
            let mut ret = Ret::new();
            unsafe {
                if resolution {
                    imports::wall_resolution(ret.p())
                } else {
                    imports::wall_now(ret.p())
                }
            }
            datetime_ns(&mut ret)
        }
        p1::CLOCK_MONOTONIC => Ok(unsafe {
            if resolution {
                imports::monotonic_resolution()
            } else {
                imports::monotonic_now()
            }
        }),
        // WASI 0.2 has no CPU-time clocks; wasmtime's own preview1 answers EBADF.
        p1::CLOCK_PROCESS_CPUTIME | p1::CLOCK_THREAD_CPUTIME => Err(p1::EBADF),
        _ => Err(p1::EINVAL),
    }
}

/// preview1 `clock_time_get`: Realtime or monotonic time in nanoseconds; CPU-time clocks are `EBADF`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn clock_time_get(id: u32, _precision: u64, out: *mut u64) -> Errno {
    match clock(id, false) {
        Ok(t) => {
            unsafe { out.write(t) };
            p1::SUCCESS
        }
        Err(e) => e,
    }
}

/// preview1 `clock_res_get`: Resolution of the realtime or monotonic clock in nanoseconds.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn clock_res_get(id: u32, out: *mut u64) -> Errno {
    match clock(id, true) {
        Ok(t) => {
            unsafe { out.write(t) };
            p1::SUCCESS
        }
        Err(e) => e,
    }
}

/// preview1 `random_get`: Fills the buffer from `wasi:random`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn random_get(buf: *mut u8, len: usize) -> Errno {
    let st = state();
    st.arena_reset();
    st.direct_next(buf, len);
    let mut ret = Ret::new();
    unsafe { imports::get_random_bytes(len as u64, ret.p()) };
    st.arena_reset();
    let (p, n) = (ret.at::<*mut u8>(0), ret.at::<usize>(4));
    if p != buf {
        unsafe { core::ptr::copy_nonoverlapping(p, buf, n.min(len)) };
    }
    p1::SUCCESS
}

/// preview1 `sched_yield`: Nothing to yield to: succeeds.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sched_yield() -> Errno {
    p1::SUCCESS
}

/// preview1 `proc_raise`: Signals do not exist in WASI 0.2: `ENOTSUP`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn proc_raise(_sig: u32) -> Errno {
    p1::ENOTSUP
}

#[cfg(not(feature = "proxy"))]
/// preview1 `proc_exit`: Exits with the status code (see the crate docs for codes other than 0 and 1).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn proc_exit(code: u32) -> ! {
    unsafe {
        match code {
            0 => imports::exit(0),
            1 => imports::exit(1),
            c => imports::exit_with_code(c.min(255)),
        }
    }
    crate::fatal!("knit adapter: proc_exit: the host did not exit")
}

#[cfg(feature = "proxy")]
/// preview1 `proc_exit`: Exits with the status code (see the crate docs for codes other than 0 and 1).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn proc_exit(_code: u32) -> ! {
    crate::fatal!("knit adapter: proc_exit: the proxy world cannot exit")
}

/// Writes `v` into an out-pointer and reports success.
#[allow(dead_code)]
pub fn ok_u64(out: *mut u8, v: u64) -> Errno {
    unsafe { put::<u64>(out, 0, v) };
    p1::SUCCESS
}
