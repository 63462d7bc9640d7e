//! Lifting and lowering helpers for values the generated code moves through linear memory.

use crate::realloc::{dealloc, trap};
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::mem::MaybeUninit;

/// Takes ownership of `len` UTF-8 bytes at `ptr` (allocated through `cabi_realloc` with alignment 1)
/// as a `String`.
///
/// The canonical ABI only ever writes valid UTF-8 into a component's memory (the side that lowers a
/// string validates it), so release builds take the bytes as they are; debug builds check them and
/// trap on invalid UTF-8.
///
/// # Safety
///
/// The bytes must be an allocation of exactly `len` bytes of UTF-8 handed to this component.
#[inline]
pub unsafe fn string_lift(ptr: i32, len: i32) -> String {
    // SAFETY: guaranteed by the caller; a zero length never frees.
    let bytes = unsafe { list_canon_lift::<u8>(ptr, len) };
    if cfg!(debug_assertions) {
        match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(_) => trap(),
        }
    } else {
        // SAFETY: the canonical ABI guarantees the bytes are UTF-8.
        unsafe { String::from_utf8_unchecked(bytes) }
    }
}

/// Takes ownership of `len` elements at `ptr` as a `Vec<T>`.
///
/// # Safety
///
/// Every byte pattern of `T`'s size must be a valid `T` with the canonical ABI's layout: an integer
/// or float type, or a `#[repr(C)]` record of them. The memory must be an allocation of exactly
/// `len` elements of `T` with `T`'s alignment, handed to this component (or dangling when `len` is
/// zero).
#[inline]
pub unsafe fn list_canon_lift<T>(ptr: i32, len: i32) -> Vec<T> {
    let len = len as u32 as usize;
    if len == 0 {
        return Vec::new();
    }
    // SAFETY: guaranteed by the caller.
    unsafe { Vec::from_raw_parts(ptr as u32 as usize as *mut T, len, len) }
}

/// Hands a string's bytes to linear memory for a caller that frees them in post-return; returns
/// `(pointer, length)`.
#[inline]
pub fn string_give(s: String) -> (i32, i32) {
    list_give(s.into_bytes())
}

/// Hands a list of integers or floats to linear memory for a caller that frees them in post-return;
/// returns `(pointer, length)`.
#[inline]
pub fn list_give<T>(v: Vec<T>) -> (i32, i32) {
    let boxed: Box<[T]> = v.into_boxed_slice();
    let len = boxed.len();
    let ptr = Box::into_raw(boxed) as *mut T;
    (ptr as usize as i32, len as i32)
}

/// Allocates an uninitialised buffer of `len` elements of `size` bytes aligned to `align`, for
/// lowering a list element by element. Returns the address (dangling when empty).
#[inline]
pub fn list_alloc(len: usize, size: usize, align: usize) -> i32 {
    let bytes = len.checked_mul(size).unwrap_or_else(|| trap());
    // SAFETY: a fresh allocation.
    unsafe { crate::cabi_realloc(core::ptr::null_mut(), 0, align, bytes) as usize as i32 }
}

/// Lifts a `char`, trapping on a surrogate or a value above `U+10FFFF`.
#[inline]
pub fn char_lift(value: i32) -> char {
    match char::from_u32(value as u32) {
        Some(c) => c,
        None => trap(),
    }
}

/// Traps on a variant or enum discriminant out of range.
#[cold]
pub fn invalid_discriminant() -> ! {
    trap()
}

/// Frees a list's buffer after its elements were lifted.
///
/// # Safety
///
/// As for [`dealloc`]: the buffer must hold `len` elements of `size` bytes aligned to `align`.
#[inline]
pub unsafe fn list_free(ptr: i32, len: i32, size: usize, align: usize) {
    // SAFETY: guaranteed by the caller.
    unsafe { dealloc(ptr, len as u32 as usize * size, align) }
}

/// Memory for a call's parameters or results: `N` bytes aligned to 8, the largest alignment of the
/// canonical ABI.
#[repr(C, align(8))]
pub struct Area<const N: usize>(pub [MaybeUninit<u8>; N]);

impl<const N: usize> Area<N> {
    /// An uninitialised area.
    pub const fn new() -> Self {
        Area([MaybeUninit::uninit(); N])
    }

    /// The area's address in linear memory.
    #[inline]
    pub fn addr(&mut self) -> i32 {
        self.0.as_mut_ptr() as usize as i32
    }
}

impl<const N: usize> Default for Area<N> {
    fn default() -> Self {
        Self::new()
    }
}

/// The return area of an export, which must outlive the call until post-return. A guest runs one
/// export at a time, so one static per function is enough.
#[repr(transparent)]
pub struct StaticArea<const N: usize>(core::cell::UnsafeCell<Area<N>>);

// SAFETY: a component instance runs on one thread.
unsafe impl<const N: usize> Sync for StaticArea<N> {}

impl<const N: usize> Default for StaticArea<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> StaticArea<N> {
    /// An uninitialised area.
    pub const fn new() -> Self {
        StaticArea(core::cell::UnsafeCell::new(Area::new()))
    }

    /// The area's address in linear memory.
    #[inline]
    pub fn addr(&self) -> i32 {
        self.0.get() as usize as i32
    }
}

/// Buffers allocated while lowering an import's parameters, freed when the call has returned.
#[derive(Default)]
pub struct Cleanup(Vec<(i32, usize, usize)>);

impl Cleanup {
    /// No buffers yet.
    pub const fn new() -> Self {
        Cleanup(Vec::new())
    }

    /// Records a buffer of `size` bytes aligned to `align` at `ptr`.
    pub fn push(&mut self, ptr: i32, size: usize, align: usize) {
        self.0.push((ptr, size, align));
    }
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        for (ptr, size, align) in self.0.drain(..) {
            // SAFETY: every entry was allocated by `list_alloc` with this size and alignment.
            unsafe { dealloc(ptr, size, align) }
        }
    }
}

/// Converts a scalar, or a reference to one, to the `i32` the canonical ABI passes.
// Implemented for values and references alike, so `self` is taken by value on purpose.
#[allow(clippy::wrong_self_convention)]
pub trait AsI32 {
    /// The `i32` value.
    fn as_i32(self) -> i32;
}

/// Converts a 64-bit integer, or a reference to one, to `i64`.
// Implemented for values and references alike, so `self` is taken by value on purpose.
#[allow(clippy::wrong_self_convention)]
pub trait AsI64 {
    /// The `i64` value.
    fn as_i64(self) -> i64;
}

macro_rules! as_i32 {
    ($($t:ty),*) => {$(
        impl AsI32 for $t { #[inline] fn as_i32(self) -> i32 { self as i32 } }
        impl AsI32 for &$t { #[inline] fn as_i32(self) -> i32 { *self as i32 } }
    )*};
}
as_i32!(bool, u8, i8, u16, i16, u32, i32, char);

macro_rules! as_i64 {
    ($($t:ty),*) => {$(
        impl AsI64 for $t { #[inline] fn as_i64(self) -> i64 { self as i64 } }
        impl AsI64 for &$t { #[inline] fn as_i64(self) -> i64 { *self as i64 } }
    )*};
}
as_i64!(u64, i64);

/// Converts a float, or a reference to one, to itself (so generated code can take either).
// Implemented for values and references alike, so `self` is taken by value on purpose.
#[allow(clippy::wrong_self_convention)]
pub trait AsFloat<F> {
    /// The float value.
    fn as_float(self) -> F;
}

impl AsFloat<f32> for f32 {
    #[inline]
    fn as_float(self) -> f32 {
        self
    }
}
impl AsFloat<f32> for &f32 {
    #[inline]
    fn as_float(self) -> f32 {
        *self
    }
}
impl AsFloat<f64> for f64 {
    #[inline]
    fn as_float(self) -> f64 {
        self
    }
}
impl AsFloat<f64> for &f64 {
    #[inline]
    fn as_float(self) -> f64 {
        *self
    }
}

/// `i32` of a scalar or a reference to one.
#[inline]
pub fn as_i32<T: AsI32>(t: T) -> i32 {
    t.as_i32()
}

/// `i64` of a 64-bit integer or a reference to one.
#[inline]
pub fn as_i64<T: AsI64>(t: T) -> i64 {
    t.as_i64()
}

/// `f32` of an `f32` or a reference to one.
#[inline]
pub fn as_f32<T: AsFloat<f32>>(t: T) -> f32 {
    t.as_float()
}

/// `f64` of an `f64` or a reference to one.
#[inline]
pub fn as_f64<T: AsFloat<f64>>(t: T) -> f64 {
    t.as_float()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_lift_accepts_scalar_values() {
        assert_eq!(char_lift(0x41), 'A');
        assert_eq!(char_lift(0x10FFFF), '\u{10FFFF}');
        assert_eq!(char_lift(0xD7FF), '\u{D7FF}');
    }

    #[test]
    #[should_panic]
    fn char_lift_rejects_surrogates() {
        char_lift(0xD800);
    }

    #[test]
    // References are what is being tested.
    #[allow(clippy::needless_borrows_for_generic_args)]
    fn scalars_convert_by_value_and_reference() {
        assert_eq!(as_i32(true), 1);
        assert_eq!(as_i32(&200u8), 200);
        assert_eq!(as_i32(-1i8), -1);
        assert_eq!(as_i32(u32::MAX), -1);
        assert_eq!(as_i64(&u64::MAX), -1);
        assert_eq!(as_f32(&1.5f32), 1.5);
    }
}
