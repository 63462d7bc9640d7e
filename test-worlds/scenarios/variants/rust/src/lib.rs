//! The `variants` scenario's Rust guest: variants with payloads of mixed width, both ways.

knit_rt::generate!({ path: "../test.wit" });

use knit::variants::host;
use knit::variants::types::ShapeLeaf;

struct Component;

fn all() -> Vec<Shape> {
    vec![
        Shape::Nothing,
        Shape::Small(u8::MAX),
        Shape::Wide(u64::MAX),
        Shape::Float(-1.5),
        Shape::Double(-0.125),
        Shape::Text("ünï".into()),
        Shape::Pair((7, i64::MIN)),
        Shape::Many(vec![ShapeLeaf::Flag(true), ShapeLeaf::Code('\u{10ffff}')]),
    ]
}

impl Guest for Component {
    fn echo(s: Shape) -> Shape {
        s
    }

    fn all_cases() -> Vec<Shape> {
        all()
    }

    fn check_imports() -> Result<(), String> {
        let want = [
            "nothing",
            "small 255",
            "wide 18446744073709551615",
            "float -1.5",
            "double -0.125",
            "text ünï",
            "pair 7 -9223372036854775808",
            "many [Flag(true), Code('\\u{10ffff}')]",
        ];
        for (shape, want) in all().into_iter().zip(want) {
            let got = host::describe(shape.clone());
            if got != want {
                return Err(format!(
                    "describe({shape:?}) returned {got:?}, want {want:?}"
                ));
            }
        }
        let mut shape = Shape::Nothing;
        let mut seen = Vec::new();
        for _ in 0..9 {
            shape = host::next(shape);
            seen.push(format!("{shape:?}"));
        }
        let want = "[Small(0), Wide(1), Float(2.0), Double(3.0), Text(\"4\"), Pair((5, 6)), Many([Flag(false), Code('7')]), Nothing, Small(0)]";
        if format!("[{}]", seen.join(", ")) != want {
            return Err(format!("next went through {seen:?}"));
        }
        Ok(())
    }
}

export!(Component);
