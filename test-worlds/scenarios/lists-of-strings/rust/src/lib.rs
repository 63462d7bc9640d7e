//! The `lists-of-strings` scenario's Rust guest.

knit_rt::generate!({ path: "../test.wit" });

use knit::lists_of_strings::host;

struct Component;

fn check<T: PartialEq + core::fmt::Debug>(what: &str, got: T, want: T) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, want {want:?}"))
    }
}

impl Guest for Component {
    fn join(xs: Vec<String>, sep: String) -> String {
        xs.join(&sep)
    }

    fn measure(xs: Vec<String>) -> Vec<(String, u32)> {
        xs.into_iter()
            .map(|s| {
                let n = s.chars().count() as u32;
                (s, n)
            })
            .collect()
    }

    fn check_imports() -> Result<(), String> {
        check(
            "split",
            host::split("a,,bé,", ","),
            vec!["a".to_string(), "".into(), "bé".into(), "".into()],
        )?;
        check("split('')", host::split("", ","), vec![String::new()])?;
        let many: Vec<String> = (0..500).rev().map(|i| format!("{i:04}")).collect();
        let sorted = host::sorted(&many);
        check("sorted len", sorted.len(), 500)?;
        check("sorted first", sorted[0].as_str(), "0000")?;
        check("sorted last", sorted[499].as_str(), "0499")?;
        check("sorted([])", host::sorted(&[]), vec![])?;
        Ok(())
    }
}

export!(Component);
