//! The `resources-in-containers` scenario's Rust guest: handles inside lists, records and options.

knit_rt::generate!({ path: "../test.wit" });

use core::sync::atomic::{AtomicU32, Ordering};
use exports::knit::resources_in_containers::bag::{self, GuestMarble, Marble};
use knit::resources_in_containers::pool;

static LIVE: AtomicU32 = AtomicU32::new(0);

struct Component;

struct MyMarble(u32);

impl GuestMarble for MyMarble {
    fn new(weight: u32) -> Self {
        LIVE.fetch_add(1, Ordering::Relaxed);
        MyMarble(weight)
    }

    fn weight(&self) -> u32 {
        self.0
    }
}

impl Drop for MyMarble {
    fn drop(&mut self) {
        LIVE.fetch_sub(1, Ordering::Relaxed);
    }
}

impl bag::Guest for Component {
    type Marble = MyMarble;

    fn fill(n: u32) -> Vec<Marble> {
        (1..=n).map(|w| Marble::new(MyMarble::new(w))).collect()
    }

    fn weigh(marbles: Vec<Marble>) -> u32 {
        marbles.iter().map(|m| m.get::<MyMarble>().0).sum()
    }

    fn heaviest(marbles: Vec<Marble>) -> Option<Marble> {
        marbles.into_iter().max_by_key(|m| m.get::<MyMarble>().0)
    }

    fn live() -> u32 {
        LIVE.load(Ordering::Relaxed)
    }
}

impl Guest for Component {
    fn sum(items: Vec<Item>) -> u32 {
        items.iter().map(|i| i.value()).sum()
    }

    fn unwrap(l: Labelled) -> (String, u32) {
        (l.label.clone(), l.item.value())
    }

    fn exercise() -> Result<(), String> {
        let before = pool::live();
        let items = pool::make(5);
        if items.iter().map(|i| i.value()).collect::<Vec<_>>() != [0, 1, 2, 3, 4] {
            return Err("make(5) returned the wrong items".into());
        }
        let total = pool::total(items);
        if total != 10 || pool::live() != before {
            return Err(format!(
                "total returned {total}; {} items live",
                pool::live()
            ));
        }
        let mine: Vec<Item> = (10..13).map(Item::new).collect();
        if pool::total(mine) != 33 {
            return Err("total of guest-made items is wrong".into());
        }
        let l = pool::make_labelled("ő", 9);
        if l.label != "ő" || l.item.value() != 9 || pool::live() != before + 1 {
            return Err("make-labelled returned the wrong record".into());
        }
        drop(l);
        if pool::live() != before {
            return Err("dropping a record did not drop its item".into());
        }
        Ok(())
    }
}

export!(Component);
