//! The benchmark guest with wit-bindgen's bindings.

wit_bindgen::generate!({ path: "../wit" });

use core::cell::Cell;
use exports::knit::bench::calls::{Guest, GuestCounter, Point};

struct Component;

struct Counter(Cell<u32>);

impl GuestCounter for Counter {
    fn new(start: u32) -> Self {
        Counter(Cell::new(start))
    }

    fn bump(&self) -> u32 {
        self.0.set(self.0.get() + 1);
        self.0.get()
    }
}

impl Guest for Component {
    type Counter = Counter;

    fn empty() {}

    fn echo(s: String) -> String {
        s
    }

    fn sum(points: Vec<Point>) -> i64 {
        points.iter().map(|p| p.x as i64 + p.y as i64 + p.tag as i64).sum()
    }

    fn points(n: u32) -> Vec<Point> {
        (0..n)
            .map(|i| Point {
                x: i as i32,
                y: -(i as i32),
                tag: i as u8,
            })
            .collect()
    }
}

export!(Component);
