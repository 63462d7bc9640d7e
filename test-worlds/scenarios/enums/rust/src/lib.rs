//! The `enums` scenario's Rust guest.

knit_rt::generate!({ path: "../test.wit" });

use knit::enums::host;

struct Component;

impl Guest for Component {
    fn echo(c: Color) -> Color {
        c
    }

    fn name(l: Level) -> String {
        match l {
            Level::Low => "low",
            Level::Type => "type",
            Level::High => "high",
        }
        .into()
    }

    fn check_imports() -> Result<(), String> {
        let cycle = [
            host::next(Color::Red),
            host::next(Color::Green),
            host::next(Color::Blue),
        ];
        if cycle != [Color::Green, Color::Blue, Color::Red] {
            return Err(format!("next cycled {cycle:?}"));
        }
        let got = host::distinct(&[Level::High, Level::Low, Level::High, Level::Type]);
        if got != [Level::Low, Level::Type, Level::High] {
            return Err(format!("distinct returned {got:?}"));
        }
        Ok(())
    }
}

export!(Component);
