//! The `hard-borrow-in-containers` scenario's Rust guest: host handles lent inside options,
//! records, variants, tuples, results and lists. Every function reads each lent handle once.

knit_rt::generate!({ path: "../test.wit" });

use exports::knit::hard_borrow_in_containers::takes::{self, Holder, Which};

/// `some(V)` or `none`, reading the handle.
fn opt(z: Option<&Z>) -> String {
    match z {
        Some(z) => format!("some({})", z.value()),
        None => "none".into(),
    }
}

struct Component;

impl takes::Guest for Component {
    fn maybe_with_z(a: Option<&Z>) -> String {
        opt(a)
    }

    fn in_record(h: Holder<'_>) -> String {
        format!("a={} b={}", h.a.value(), opt(h.b))
    }

    fn in_variant(w: Which<'_>) -> String {
        match w {
            Which::None => "none".into(),
            Which::One(z) => format!("one({})", z.value()),
            Which::Deep(None) => "deep(none)".into(),
            Which::Deep(Some(inner)) => format!("deep(some({}))", opt(inner)),
        }
    }

    fn in_tuple(t: (&Z, Option<&Z>)) -> String {
        format!("({}, {})", t.0.value(), opt(t.1))
    }

    fn in_result(r: Result<&Z, &Z>) -> String {
        match r {
            Ok(z) => format!("ok({})", z.value()),
            Err(z) => format!("err({})", z.value()),
        }
    }

    fn in_list(zs: Vec<&Z>, more: Vec<Option<&Z>>) -> String {
        let zs: Vec<String> = zs.iter().map(|z| z.value().to_string()).collect();
        let more: Vec<String> = more.into_iter().map(opt).collect();
        format!("[{}] [{}]", zs.join(", "), more.join(", "))
    }
}

impl Guest for Component {
    fn maybe_with_z(a: Option<&Z>) -> String {
        format!("world {}", opt(a))
    }

    fn exercise() -> Result<(), String> {
        let five = Z::new(5);
        let six = Z::new(6);
        let got = [
            import_maybe(Some(&five)),
            import_maybe(None),
            import_maybe(Some(&six)),
            import_maybe(Some(&five)),
        ];
        if got != [5, 0, 6, 5] {
            return Err(format!("import-maybe answered {got:?}, want [5, 0, 6, 5]"));
        }
        drop(five);
        drop(six);
        Ok(())
    }
}

export!(Component);
