//! The `options-nested` scenario's Rust guest: options inside options, both ways.

knit_rt::generate!({ path: "../test.wit" });

use knit::options_nested::host;

struct Component;

fn check<T: PartialEq + core::fmt::Debug>(what: &str, got: T, want: T) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, want {want:?}"))
    }
}

impl Guest for Component {
    fn echo(x: Option<Option<Option<i16>>>) -> Option<Option<Option<i16>>> {
        x
    }

    fn present(xs: Vec<Option<String>>) -> Vec<u32> {
        xs.into_iter().flatten().map(|s| s.len() as u32).collect()
    }

    fn maybe_pair(a: Option<u8>, b: Option<f64>) -> Option<(u8, f64)> {
        Some((a?, b?))
    }

    fn check_imports() -> Result<(), String> {
        check("flatten(none)", host::flatten(None), None)?;
        check("flatten(some(none))", host::flatten(Some(None)), None)?;
        check(
            "flatten(some(some(max)))",
            host::flatten(Some(Some(u32::MAX))),
            Some(u32::MAX),
        )?;
        check("deepen 0", host::deepen("x", 0), None)?;
        check("deepen 1", host::deepen("x", 1), Some(None))?;
        check("deepen 2", host::deepen("x", 2), Some(Some(None)))?;
        check(
            "deepen 3",
            host::deepen("ÿ", 3),
            Some(Some(Some("ÿ".to_string()))),
        )?;
        Ok(())
    }
}

export!(Component);
