//! `cabi_realloc`: the allocator export the canonical ABI calls to place values in our memory.

use alloc::alloc::{Layout, alloc, dealloc as raw_dealloc, realloc};

/// Allocates, grows or shrinks a block in linear memory, as the canonical ABI's `realloc` requires:
/// `(old pointer, old size, alignment, new size) -> new pointer`. A zero new size yields a suitably
/// aligned dangling pointer and allocates nothing. Allocation failure traps.
///
/// # Safety
///
/// `old_ptr`/`old_len`/`align` must describe a block this function returned earlier (or be
/// `(null, 0)`), as the canonical ABI guarantees.
#[cfg_attr(target_arch = "wasm32", unsafe(no_mangle))]
pub unsafe extern "C" fn cabi_realloc(
    old_ptr: *mut u8,
    old_len: usize,
    align: usize,
    new_len: usize,
) -> *mut u8 {
    let Ok(layout) = Layout::from_size_align(new_len, align) else {
        trap()
    };
    let ptr = if old_len == 0 {
        if new_len == 0 {
            return align as *mut u8;
        }
        // SAFETY: the layout has a non-zero size.
        unsafe { alloc(layout) }
    } else {
        // SAFETY: the caller passes back a block we allocated with this alignment and size.
        unsafe {
            realloc(
                old_ptr,
                Layout::from_size_align_unchecked(old_len, align),
                new_len,
            )
        }
    };
    if ptr.is_null() {
        trap();
    }
    ptr
}

/// Frees `size` bytes at `ptr` allocated with alignment `align`; a zero size frees nothing.
///
/// # Safety
///
/// The block must have been allocated by [`cabi_realloc`] or the global allocator with this size and
/// alignment, and not freed before.
#[inline]
pub unsafe fn dealloc(ptr: i32, size: usize, align: usize) {
    if size == 0 {
        return;
    }
    // SAFETY: guaranteed by the caller.
    unsafe {
        raw_dealloc(
            ptr as usize as *mut u8,
            Layout::from_size_align_unchecked(size, align),
        )
    }
}

/// Makes sure the object that defines `cabi_realloc` is part of the link. Generated code calls it
/// from a function the linker keeps.
#[inline(never)]
pub fn link_cabi_realloc() {
    core::hint::black_box(
        cabi_realloc as unsafe extern "C" fn(*mut u8, usize, usize, usize) -> *mut u8,
    );
}

/// Stops the program: the canonical ABI's trap.
#[cold]
pub fn trap() -> ! {
    #[cfg(target_arch = "wasm32")]
    core::arch::wasm32::unreachable();
    #[cfg(not(target_arch = "wasm32"))]
    panic!("knit-rt: trap")
}
