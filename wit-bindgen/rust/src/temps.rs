//! Names for the temporaries of one generated function body.
//!
//! The emitter asks for a fresh local many times per function, so this is a lean version of
//! `knit_bindgen_core::names::Scope` for that one use: every base is a static string that does not
//! end in a digit, so `{base}{n}` names of different bases never collide and only the function's
//! own parameter names have to be avoided: a name ending in a digit is never a Rust keyword.

/// Hands out `{base}{n}` names, with the smallest counter `n` per base that is free.
pub struct Temps {
    /// Names already in use (parameters and fixed helpers) that end in a digit, as written and
    /// without `r#`.
    taken: Vec<String>,
    /// The next counter of each base used so far.
    next: Vec<(&'static str, u32)>,
}

impl Temps {
    /// A fresh set whose names avoid every one of `taken`.
    pub fn new<'n>(taken: impl IntoIterator<Item = &'n str>) -> Temps {
        // Every name handed out ends in a digit, so only taken names that do can ever clash.
        let mut names = Vec::new();
        for name in taken {
            if !name.ends_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            names.push(name.to_string());
            if let Some(bare) = name.strip_prefix("r#") {
                names.push(bare.to_string());
            }
        }
        Temps {
            taken: names,
            next: Vec::new(),
        }
    }

    /// A new name `{base}{n}`, never handed out before and not taken.
    pub fn fresh(&mut self, base: &'static str) -> String {
        debug_assert!(!base.ends_with(|c: char| c.is_ascii_digit()));
        let slot = match self.next.iter().position(|(b, _)| *b == base) {
            Some(slot) => slot,
            None => {
                self.next.push((base, 0));
                self.next.len() - 1
            }
        };
        loop {
            let counter = &mut self.next[slot].1;
            let mut candidate = String::with_capacity(base.len() + 4);
            candidate.push_str(base);
            push_decimal(&mut candidate, *counter);
            *counter += 1;
            // No Rust keyword has a digit in it (a test below checks), so only names taken here
            // can clash.
            if self.taken.is_empty() || !self.taken.contains(&candidate) {
                return candidate;
            }
        }
    }
}

/// Appends `n` in decimal without going through `core::fmt`.
fn push_decimal(out: &mut String, n: u32) {
    if n >= 10 {
        push_decimal(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

#[cfg(test)]
mod tests {
    use super::Temps;
    use knit_bindgen_core::names::{Language, is_reserved};

    #[test]
    fn fresh_names_are_never_keywords() {
        let mut temps = Temps::new([]);
        for base in [
            "l", "v", "e", "addr", "f", "t", "p", "s", "ptr", "len", "list", "vec", "base", "i",
            "h", "b", "result", "ret", "en", "var",
        ] {
            for _ in 0..200 {
                let name = temps.fresh(base);
                assert!(!is_reserved(Language::Rust, &name), "{name}");
            }
        }
    }

    #[test]
    fn counts_per_base_and_skips_taken_names() {
        let mut temps = Temps::new(["l1", "r#v0"]);
        assert_eq!(temps.fresh("l"), "l0");
        assert_eq!(temps.fresh("l"), "l2");
        assert_eq!(temps.fresh("v"), "v1");
        assert_eq!(temps.fresh("len"), "len0");
        for _ in 0..9 {
            temps.fresh("len");
        }
        assert_eq!(temps.fresh("len"), "len10");
    }
}
