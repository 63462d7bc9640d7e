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
