//! The `flags-1` scenario's Rust guest: flags with 1 members, both ways.

knit_rt::generate!({ path: "../test.wit" });

use knit::flags_1::host;

struct Component;

impl Guest for Component {
    fn echo(s: Set) -> Set {
        s
    }

    fn intersect(a: Set, b: Set) -> (Set, bool) {
        let both = a & b;
        (both, both.is_empty())
    }

    fn check_imports() -> Result<(), String> {
        let all = Set::all();
        let without = |member: Set| {
            let mut s = all;
            s.remove(member);
            s
        };
        let checks = [
            (host::complement(Set::empty()), all),
            (host::complement(all), Set::empty()),
            (host::complement(without(Set::F0)), Set::F0),
            (host::complement(without(Set::F0)), Set::F0),
            (host::union_all(&[]), Set::empty()),
            (
                host::union_all(&[Set::F0, Set::F0, Set::F0]),
                Set::F0 | Set::F0,
            ),
        ];
        for (i, (got, want)) in checks.into_iter().enumerate() {
            if got != want {
                return Err(format!("check {i}: got {got:?}, want {want:?}"));
            }
        }
        Ok(())
    }
}

export!(Component);
