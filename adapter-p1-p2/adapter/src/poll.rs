//! `poll_oneoff` over `wasi:io/poll`: clock subscriptions become timer
//! pollables, fd subscriptions the pollables of their streams. Regular files
//! and directories are always ready, as in POSIX.

use crate::fd::lookup;
use crate::imports;
use crate::misc::clock;
use crate::p1::{self, Errno, get, put};
use crate::state::{Kind, state};
use crate::streams::{self, Ret};

const SUB_SIZE: usize = 48;
const EVENT_SIZE: usize = 32;

/// Writes one event record.
fn event(out: *mut u8, userdata: u64, error: Errno, ty: u8, nbytes: u64) {
    unsafe {
        put::<u64>(out, 0, userdata);
        put::<u16>(out, 8, error);
        put::<u8>(out, 10, ty);
        put::<u64>(out, 16, nbytes);
        put::<u16>(out, 24, 0);
    }
}

/// What a subscription waits on: a pollable, or nothing because it is ready
/// (or failed) already.
enum Wait {
    Pollable(u32),
    Now(Errno, u64),
}

fn subscribe(sub: *const u8) -> Wait {
    let tag = unsafe { get::<u8>(sub, 8) };
    if tag == p1::EVENTTYPE_CLOCK {
        let id = unsafe { get::<u32>(sub, 16) };
        let timeout = unsafe { get::<u64>(sub, 24) };
        let flags = unsafe { get::<u16>(sub, 40) };
        let abs = flags & p1::SUBCLOCKFLAGS_ABSTIME != 0;
        let p = match (id, abs) {
            (p1::CLOCK_MONOTONIC, true) => unsafe { imports::subscribe_instant(timeout) },
            (p1::CLOCK_REALTIME, true) => match clock(id, false) {
                Ok(now) => unsafe { imports::subscribe_duration(timeout.saturating_sub(now)) },
                Err(e) => return Wait::Now(e, 0),
            },
            (p1::CLOCK_MONOTONIC | p1::CLOCK_REALTIME, false) => unsafe {
                imports::subscribe_duration(timeout)
            },
            _ => return Wait::Now(p1::EINVAL, 0),
        };
        return Wait::Pollable(p);
    }
    let fd = unsafe { get::<u32>(sub, 16) };
    let d = match lookup(state(), fd) {
        Ok(d) => d,
        Err(e) => return Wait::Now(e, 0),
    };
    let read = tag == p1::EVENTTYPE_FD_READ;
    match (d.kind, read) {
        (Kind::Stdin, true) => {
            if d.input == 0 {
                d.input = unsafe { imports::get_stdin() };
            }
            Wait::Pollable(unsafe { imports::input_stream_subscribe(d.input) })
        }
        (Kind::Stdout | Kind::Stderr, false) | (Kind::File, false)
            if d.output != 0 || d.kind != Kind::File =>
        {
            if d.output == 0 {
                d.output = unsafe {
                    if d.kind == Kind::Stdout {
                        imports::get_stdout()
                    } else {
                        imports::get_stderr()
                    }
                };
            }
            Wait::Pollable(unsafe { imports::output_stream_subscribe(d.output) })
        }
        (Kind::File | Kind::Dir, _) => Wait::Now(p1::SUCCESS, 0),
        _ => Wait::Now(p1::EBADF, 0),
    }
}

/// preview1 `poll_oneoff`: Waits for the first of the subscribed clocks and descriptors.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn poll_oneoff(
    subs: *const u8,
    events: *mut u8,
    n: usize,
    out: *mut usize,
) -> Errno {
    if n == 0 {
        return p1::EINVAL;
    }
    let st = state();
    st.arena_reset();
    // handles[i]: the pollable of subscription i, or 0 when it is ready now.
    let handles = st.arena_alloc(n * 4, 4) as *mut u32;
    let mut written = 0;
    let mut waiting = 0;
    for i in 0..n {
        let sub = unsafe { subs.add(i * SUB_SIZE) };
        match subscribe(sub) {
            Wait::Pollable(p) => {
                unsafe { handles.add(i).write(p) };
                waiting += 1;
            }
            Wait::Now(err, nbytes) => {
                unsafe { handles.add(i).write(0) };
                let (ud, ty) = unsafe { (get::<u64>(sub, 0), get::<u8>(sub, 8)) };
                event(
                    unsafe { events.add(written * EVENT_SIZE) },
                    ud,
                    err,
                    ty,
                    nbytes,
                );
                written += 1;
            }
        }
    }
    if written == 0 && waiting > 0 {
        // Block until at least one pollable is ready; the list of borrowed
        // handles must be contiguous, so compact it first.
        let list = st.arena_alloc(waiting * 4, 4) as *mut u32;
        let index = st.arena_alloc(waiting * 4, 4) as *mut u32;
        let mut k = 0;
        for i in 0..n {
            let h = unsafe { handles.add(i).read() };
            if h != 0 {
                unsafe {
                    list.add(k).write(h);
                    index.add(k).write(i as u32);
                }
                k += 1;
            }
        }
        let mut ret = Ret::new();
        unsafe { imports::poll(list, waiting, ret.p()) };
        let (ready, count) = (ret.at::<*const u32>(0), ret.at::<usize>(4));
        for j in 0..count {
            let k = unsafe { ready.add(j).read() } as usize;
            if k >= waiting {
                continue;
            }
            let i = unsafe { index.add(k).read() } as usize;
            let sub = unsafe { subs.add(i * SUB_SIZE) };
            let (ud, ty) = unsafe { (get::<u64>(sub, 0), get::<u8>(sub, 8)) };
            let mut nbytes = 0;
            if ty == p1::EVENTTYPE_FD_WRITE {
                let fd = unsafe { get::<u32>(sub, 16) };
                if let Ok(d) = lookup(st, fd) {
                    nbytes = streams::check_write(d.output);
                }
            }
            event(
                unsafe { events.add(written * EVENT_SIZE) },
                ud,
                p1::SUCCESS,
                ty,
                nbytes,
            );
            written += 1;
        }
    }
    for i in 0..n {
        let h = unsafe { handles.add(i).read() };
        if h != 0 {
            unsafe { imports::pollable_drop(h) };
        }
    }
    unsafe { out.write(written) };
    p1::SUCCESS
}
