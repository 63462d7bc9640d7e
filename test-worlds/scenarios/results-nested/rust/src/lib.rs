//! The `results-nested` scenario's Rust guest: results inside results, bare results, both ways.

knit_rt::generate!({ path: "../test.wit" });

use knit::results_nested::host;

struct Component;

type Nested = Result<Result<u32, i8>, Option<String>>;

fn check<T: PartialEq + core::fmt::Debug>(what: &str, got: T, want: T) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, want {want:?}"))
    }
}

impl Guest for Component {
    fn echo(r: Nested) -> Nested {
        r
    }

    fn bare(ok: bool) -> Result<(), ()> {
        if ok { Ok(()) } else { Err(()) }
    }

    fn ok_only(x: u16) -> Result<u16, ()> {
        if x % 2 == 0 { Ok(x) } else { Err(()) }
    }

    fn err_only(x: u16) -> Result<(), u16> {
        if x % 2 == 0 { Ok(()) } else { Err(x) }
    }

    fn parse_all(xs: Vec<String>) -> Vec<Result<i64, String>> {
        xs.iter().map(|s| host::parse(s)).collect()
    }

    fn check_imports() -> Result<(), String> {
        check("parse", host::parse("-9223372036854775808"), Ok(i64::MIN))?;
        check("parse empty", host::parse(""), Err("empty".to_string()))?;
        check(
            "classify ok ok",
            host::classify(Ok(Ok(255))).as_str(),
            "ok ok 255",
        )?;
        check(
            "classify ok err",
            host::classify(Ok(Err("ë".into()))).as_str(),
            "ok err ë",
        )?;
        check("classify err", host::classify(Err(())).as_str(), "err")?;
        Ok(())
    }
}

export!(Component);
