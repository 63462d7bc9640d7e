//! The `compose-polyglot` scenario's Rust application component: its `run` export calls the
//! JavaScript relay, which calls the Go component, and checks every answer against what the Go
//! component's contract (and the relay's additions) say it must be.

knit_rt::generate!({ path: "../test.wit", world: "rust-app" });

use knit::compose_polyglot::relay;
use knit::compose_polyglot::values::{Color, Item, Perms, Shape};

struct Component;

fn item(id: u64, name: &str) -> Item {
    Item {
        id,
        delta: -7,
        name: name.into(),
        tags: vec!["a".into(), "β".into()],
        color: Color::Blue,
        perms: Perms::READ | Perms::EXEC,
        shape: Shape::Rect((1.5, -2.0)),
        weight: Some(0.25),
    }
}

fn check<T: PartialEq + std::fmt::Debug>(what: &str, got: T, want: T) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, want {want:?}"))
    }
}

impl Guest for Component {
    fn run() -> Result<String, String> {
        let sent = vec![
            item(u64::MAX - 1, "knit ✓"),
            Item {
                id: 0,
                delta: i32::MIN + 1,
                name: String::new(),
                tags: vec![],
                color: Color::Red,
                perms: Perms::empty(),
                shape: Shape::Circle(0.5),
                weight: None,
            },
            Item {
                shape: Shape::Dot,
                perms: Perms::all(),
                color: Color::Green,
                ..item(1 << 53, "big")
            },
        ];
        let want = vec![
            Item {
                id: u64::MAX,
                delta: 7,
                name: "KNIT ✓".into(),
                tags: vec!["β".into(), "a".into(), "js".into()],
                color: Color::Red,
                perms: Perms::READ | Perms::WRITE | Perms::EXEC,
                shape: Shape::Rect((3.0, -4.0)),
                weight: Some(0.5),
            },
            Item {
                id: 1,
                delta: i32::MAX,
                name: String::new(),
                tags: vec!["js".into()],
                color: Color::Green,
                perms: Perms::WRITE,
                shape: Shape::Circle(1.0),
                weight: None,
            },
            Item {
                id: (1 << 53) + 1,
                delta: 7,
                name: "BIG".into(),
                tags: vec!["β".into(), "a".into(), "js".into()],
                color: Color::Blue,
                perms: Perms::READ | Perms::EXEC,
                shape: Shape::Dot,
                weight: Some(0.5),
            },
        ];
        check("relay-transform", relay::relay_transform(&sent), want)?;
        check("relay-transform([])", relay::relay_transform(&[]), vec![])?;
        check("relay-divide(-84, 2)", relay::relay_divide(-84, 2), Ok(-42))?;
        check(
            "relay-divide(1, 0)",
            relay::relay_divide(1, 0),
            Err("js: go: cannot divide 1 by zero".into()),
        )?;
        let bytes: Vec<u8> = (0..=255).collect();
        check("relay-checksum", relay::relay_checksum(&bytes), (32640, 0))?;
        check("relay-checksum([7])", relay::relay_checksum(&[7]), (7, 7))?;
        Ok("Rust -> JavaScript -> Go: every answer checked".into())
    }
}

export!(Component);
