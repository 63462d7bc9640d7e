//! The `resources-import` scenario's Rust guest: a host-defined resource used from the guest.

knit_rt::generate!({ path: "../test.wit" });

use core::cell::RefCell;
use knit::resources_import::blobs::{self, Blob};

struct Component;

std::thread_local! {
    static HELD: RefCell<Vec<Blob>> = const { RefCell::new(Vec::new()) };
}

fn check<T: PartialEq + core::fmt::Debug>(what: &str, got: T, want: T) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, want {want:?}"))
    }
}

impl Guest for Component {
    fn exercise() -> Result<(), String> {
        let before = blobs::live();
        let a = Blob::new(&[1, 2, 3]);
        check("size", a.size(), 3)?;
        a.append(&[4]);
        a.append(&[]);
        check("read", a.read(), vec![1, 2, 3, 4])?;
        let b = Blob::from_string("héllo");
        check("from-string size", b.size(), 6)?;
        check("live with two", blobs::live(), before + 2)?;
        drop(a);
        check("live after drop", blobs::live(), before + 1)?;
        drop(b);
        check("live after both", blobs::live(), before)?;
        Ok(())
    }

    fn hold(n: u32) {
        HELD.with(|held| {
            held.borrow_mut()
                .extend((0..n).map(|i| Blob::new(&[i as u8])))
        });
    }

    fn release() {
        HELD.with(|held| held.borrow_mut().clear());
    }
}

export!(Component);
