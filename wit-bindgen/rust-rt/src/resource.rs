//! Owned handles to resources.

use core::marker::PhantomData;
use core::sync::atomic::{AtomicU32, Ordering};

/// A resource type with a way to drop a handle: implemented by generated code for each resource.
pub trait ResourceHandle {
    /// Drops the handle (the component-level `resource.drop`).
    ///
    /// # Safety
    ///
    /// `handle` must be a live owned handle of this resource type, dropped once.
    unsafe fn drop_handle(handle: u32);
}

/// Access to the handle inside a generated resource type. Generated code uses these through
/// [`handle_of`] and [`take_handle_of`], so WIT methods with the same names never collide with them.
pub trait AsHandle {
    /// The handle, still owned by `self` (for passing as a `borrow`).
    fn handle(&self) -> u32;
    /// Hands the owned handle over; `self` will not drop it.
    fn take_handle(&self) -> u32;
}

impl<T: AsHandle + ?Sized> AsHandle for &T {
    fn handle(&self) -> u32 {
        (**self).handle()
    }
    fn take_handle(&self) -> u32 {
        (**self).take_handle()
    }
}

/// Building a generated resource type from a handle.
pub trait FromHandle: Sized {
    /// Wraps an owned handle.
    ///
    /// # Safety
    ///
    /// `handle` must be a live owned handle of this resource type that nothing else will drop.
    unsafe fn from_handle(handle: u32) -> Self;
}

/// The handle of a resource value or a reference to one.
#[inline]
pub fn handle_of<T: AsHandle>(value: &T) -> u32 {
    value.handle()
}

/// Hands over the handle of a resource value or a reference to one.
#[inline]
pub fn take_handle_of<T: AsHandle>(value: &T) -> u32 {
    value.take_handle()
}

/// An owned handle to a resource of type `T`. Dropping it drops the handle.
///
/// The handle sits in an atomic so that ownership can be handed over (with [`Resource::take_handle`])
/// from behind a shared reference, which is how a handle inside a borrowed record is passed on.
pub struct Resource<T: ResourceHandle> {
    handle: AtomicU32,
    _type: PhantomData<T>,
}

/// The value a handle holds once it was handed over.
const TAKEN: u32 = u32::MAX;

impl<T: ResourceHandle> Resource<T> {
    /// Wraps an owned handle.
    ///
    /// # Safety
    ///
    /// `handle` must be a live owned handle of `T` that nothing else will drop.
    #[inline]
    pub unsafe fn from_handle(handle: u32) -> Self {
        // The canonical ABI never hands out this value, so only debug builds check it.
        debug_assert!(handle != TAKEN, "invalid resource handle");
        Resource {
            handle: AtomicU32::new(handle),
            _type: PhantomData,
        }
    }

    /// The handle, still owned by `self` (for passing as a `borrow`).
    #[inline]
    pub fn handle(&self) -> u32 {
        let handle = self.handle.load(Ordering::Relaxed);
        assert!(
            handle != TAKEN,
            "resource handle used after it was handed over"
        );
        handle
    }

    /// Hands the owned handle over; `self` will not drop it.
    #[inline]
    pub fn take_handle(&self) -> u32 {
        let handle = self.handle.swap(TAKEN, Ordering::Relaxed);
        assert!(handle != TAKEN, "resource handle handed over twice");
        handle
    }
}

impl<T: ResourceHandle> Drop for Resource<T> {
    fn drop(&mut self) {
        let handle = *self.handle.get_mut();
        if handle != TAKEN {
            // SAFETY: we own the live handle and drop it once.
            unsafe { T::drop_handle(handle) }
        }
    }
}

impl<T: ResourceHandle> core::fmt::Debug for Resource<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Resource")
            .field("handle", &self.handle.load(Ordering::Relaxed))
            .finish()
    }
}

/// Handles lent to an export inside a container (an `option`, a variant case, a list element),
/// kept until the export returns and dropped then, as the canonical ABI requires of every borrow
/// a call receives.
///
/// A borrow lent at the top level of a parameter list is a plain local of the entry point; one
/// found inside a container is lifted inside a nested block (a `match` arm, a loop body), which
/// would drop it before the user's function runs. `keep` moves it to the heap instead, at an
/// address that stays fixed until the `Lent` itself is dropped, and hands out a reference that
/// lives as long as the `Lent`.
#[derive(Default)]
pub struct Lent {
    kept: core::cell::RefCell<alloc::vec::Vec<alloc::boxed::Box<dyn core::any::Any>>>,
}

impl Lent {
    /// An empty set of lent handles.
    #[inline]
    pub fn new() -> Self {
        Lent::default()
    }

    /// Keeps `value` until `self` is dropped and returns a reference to it.
    pub fn keep<T: 'static>(&self, value: T) -> &T {
        let boxed = alloc::boxed::Box::new(value);
        let at: *const T = &*boxed;
        self.kept.borrow_mut().push(boxed);
        // SAFETY: the box is never removed or moved out of `kept` before `self` is dropped, and a
        // box's contents do not move when the box itself moves, so `at` stays valid for `&self`.
        unsafe { &*at }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::sync::atomic::AtomicUsize;

    static DROPPED: AtomicUsize = AtomicUsize::new(0);

    struct Counted(u32);
    impl Drop for Counted {
        fn drop(&mut self) {
            DROPPED.fetch_add(1, Ordering::SeqCst);
        }
    }

    #[test]
    fn lent_values_live_until_the_set_is_dropped() {
        let lent = Lent::new();
        let refs: alloc::vec::Vec<&Counted> = (0..100).map(|i| lent.keep(Counted(i))).collect();
        assert_eq!(DROPPED.load(Ordering::SeqCst), 0);
        assert!(refs.iter().enumerate().all(|(i, c)| c.0 == i as u32));
        drop(refs);
        drop(lent);
        assert_eq!(DROPPED.load(Ordering::SeqCst), 100);
    }
}
