//! knit's `wasi_snapshot_preview1` adapter: a core module that exports the 46
//! preview1 functions and implements them over WASI 0.2.0 imports, shaped for
//! `wit_component::ComponentEncoder::adapter`.
//!
//! Contract (see wit-component's `encoding.rs`): the module imports the main
//! module's memory as `env.memory`, has no data or element segments and no
//! tables, keeps its shadow stack in a global named `__stack_pointer` (the
//! encoder allocates the stack), and exports `cabi_import_realloc` for list
//! and string results of its imports. Its only other static state is one
//! pointer global made by knit's build post-processor from the
//! `knit:globals` imports.
//!
//! Every path is written so that wit-component's dead-code pass can drop
//! what a module does not use: writing to stdout reaches no filesystem
//! import, and preopens are only fetched by the functions that use paths.

#![no_std]

mod fd;
#[cfg(not(feature = "proxy"))]
mod fs;
#[cfg(feature = "proxy")]
mod fs_stub;
mod imports;
mod misc;
mod p1;
mod poll;
mod state;
mod streams;

use p1::Errno;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

/// Packs bytes `8 * i .. 8 * i + 8` of `s` into a little-endian word, so
/// messages are built from immediates rather than data segments.
#[doc(hidden)]
pub const fn word(s: &[u8], i: usize) -> u64 {
    let mut w = 0u64;
    let mut k = 0;
    while k < 8 {
        let j = i * 8 + k;
        if j < s.len() {
            w |= (s[j] as u64) << (k * 8);
        }
        k += 1;
    }
    w
}

/// Writes a message (at most 64 bytes) to stderr and stops the program.
#[macro_export]
macro_rules! fatal {
    ($s:literal) => {{
        const S: &[u8] = $s.as_bytes();
        const _: () = assert!(S.len() <= 64);
        let mut buf = core::mem::MaybeUninit::<[u64; 8]>::uninit();
        let p = buf.as_mut_ptr() as *mut u64;
        $crate::fatal!(@w p S 0 1 2 3 4 5 6 7);
        unsafe { $crate::fatal_write(p as *const u8, S.len()) }
    }};
    (@w $p:ident $s:ident $($i:literal)*) => {
        $(
            if $i * 8 < $s.len() {
                unsafe { core::ptr::write_volatile($p.add($i), const { $crate::word($s, $i) }) };
            }
        )*
    };
}

/// Writes `len` bytes at `ptr` and a newline to stderr, then traps.
///
/// # Safety
/// `ptr` must point to `len` readable bytes.
#[doc(hidden)]
#[inline(never)]
pub unsafe fn fatal_write(ptr: *const u8, len: usize) -> ! {
    unsafe {
        let err = imports::get_stderr();
        let mut ret = streams::Ret::new();
        imports::output_stream_blocking_write_and_flush(err, ptr, len, ret.p());
        let nl = 10u8;
        imports::output_stream_blocking_write_and_flush(err, &nl, 1, ret.p());
    }
    core::arch::wasm32::unreachable()
}

/// Turns a `Result` into the preview1 return value.
fn errno(r: Result<(), Errno>) -> Errno {
    match r {
        Ok(()) => p1::SUCCESS,
        Err(e) => e,
    }
}

/// The canonical ABI's allocator for results of the adapter's imports.
///
/// # Safety
/// Called by the canonical ABI only: `old_ptr` is null or an earlier result.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cabi_import_realloc(
    old_ptr: *mut u8,
    old_len: usize,
    align: usize,
    new_len: usize,
) -> *mut u8 {
    let st = state::state();
    let p = st.import_alloc(new_len, align);
    if !old_ptr.is_null() {
        unsafe { core::ptr::copy_nonoverlapping(old_ptr, p, old_len.min(new_len)) };
    }
    p
}

/// `wasi:cli/run#run`: runs the main module's `_start`.
#[cfg(feature = "command")]
#[unsafe(export_name = "wasi:cli/run@0.2.0#run")]
pub extern "C" fn run() -> u32 {
    unsafe { imports::main_start() };
    0
}
