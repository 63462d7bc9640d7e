//! The `lists-of-lists` scenario's Rust guest: nested lists, both ways.

knit_rt::generate!({ path: "../test.wit" });

use knit::lists_of_lists::host;

struct Component;

fn check<T: PartialEq + core::fmt::Debug>(what: &str, got: T, want: T) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, want {want:?}"))
    }
}

impl Guest for Component {
    fn flatten(xs: Vec<Vec<u32>>) -> Vec<u32> {
        xs.into_iter().flatten().collect()
    }

    fn triangle(n: u32) -> Vec<Vec<u32>> {
        (1..=n).map(|row| (0..row).collect()).collect()
    }

    fn echo_deep(x: Vec<Vec<Vec<u8>>>) -> Vec<Vec<Vec<u8>>> {
        x
    }

    fn check_imports() -> Result<(), String> {
        check(
            "transpose",
            host::transpose(&[vec![1, 2, 3], vec![4, 5, 6]]),
            vec![vec![1, 4], vec![2, 5], vec![3, 6]],
        )?;
        check("transpose([])", host::transpose(&[]), vec![])?;
        let groups = vec![vec!["a".to_string(), "b".into()], vec![], vec!["ü".into()]];
        check(
            "join-each",
            host::join_each(&groups, "–"),
            vec!["a–b".to_string(), String::new(), "ü".into()],
        )?;
        Ok(())
    }
}

export!(Component);
