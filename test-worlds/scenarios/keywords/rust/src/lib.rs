//! The `keywords` scenario's Rust guest: every WIT name a Rust keyword.

knit_rt::generate!({ path: "../test.wit" });

use knit::keywords::r#type;

struct Component;

fn pick(s: &Struct, e: &Enum) -> Loop {
    match (s.r#async, e) {
        (true, _) => Loop::Yield,
        (false, Enum::Static) => Loop::Break,
        _ => Loop::Continue,
    }
}

impl Guest for Component {
    fn r#match(r#if: Struct, r#else: Enum) -> Loop {
        pick(&r#if, &r#else)
    }

    fn r#while(r#for: Where) -> Where {
        !r#for
    }

    fn check_imports() -> Result<(), String> {
        let s = Struct {
            r#type: 1,
            r#use: "use".into(),
            r#mod: 2,
            r#async: false,
        };
        let cases = [
            (r#type::r#impl(s.clone(), Enum::Static), Loop::Break),
            (r#type::r#impl(s.clone(), Enum::Self_(3)), Loop::Continue),
            (
                r#type::r#impl(
                    Struct {
                        r#async: true,
                        ..s.clone()
                    },
                    Enum::Match("m".into()),
                ),
                Loop::Yield,
            ),
        ];
        for (i, (got, want)) in cases.into_iter().enumerate() {
            if got != want {
                return Err(format!("impl case {i}: got {got:?}, want {want:?}"));
            }
        }
        let back = r#type::r#return(Where::IN | Where::LET);
        if back != Where::FN {
            return Err(format!("return gave {back:?}"));
        }
        Ok(())
    }
}

export!(Component);
