//! Function selectors: the one syntax every per-function option uses (`async`, `trappable`,
//! `typed_errors`).
//!
//! A selector is a string naming a set of the world's functions:
//!
//! | selector                   | selects                                                       |
//! |----------------------------|---------------------------------------------------------------|
//! | `*`                        | every function of the world, imported or exported             |
//! | `ns:pkg/iface`             | every function of that interface (any version)                |
//! | `ns:pkg/iface@1.2.0`       | every function of that interface at that version              |
//! | `ns:pkg/iface#func`        | one function of that interface (`@version` allowed too)       |
//! | `ns:pkg/iface#[method]r.m` | a resource function, spelled as in the component's binary     |
//! | `name`                     | an inline interface `name` of the world, or a world function  |
//! | `name#func`                | one function of an inline interface                           |
//!
//! Selectors are validated against the world: one that matches nothing is an error that lists the
//! valid ones, so a typo never silently changes nothing.

use std::collections::BTreeSet;
use std::fmt;

/// One function of a world, as selectors see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunctionRef {
    /// The interface's name with version (`ns:pkg/iface@1.0.0`) or the inline interface's name;
    /// `None` for a function of the world itself.
    pub interface: Option<String>,
    /// The function's name as in the component's binary (`get`, `[method]counter.get`).
    pub function: String,
}

/// A validated list of selectors.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    selectors: Vec<String>,
}

/// A selector that names nothing in the world.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownSelector {
    /// The option the selector was given to (`async`, `trappable`, ...).
    pub option: String,
    /// The selector as written.
    pub selector: String,
    /// Every selector that would have been valid, sorted.
    pub valid: Vec<String>,
}

impl fmt::Display for UnknownSelector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown function selector `{}` in option `{}`; valid selectors are: ",
            self.selector, self.option
        )?;
        write!(f, "{}", self.valid.join(", "))
    }
}

impl std::error::Error for UnknownSelector {}

/// Strips a `@version` from an interface name.
fn unversioned(interface: &str) -> &str {
    interface
        .split_once('@')
        .map_or(interface, |(name, _)| name)
}

/// Whether `selector` selects `func`.
fn matches(selector: &str, func: &FunctionRef) -> bool {
    if selector == "*" {
        return true;
    }
    let (target, function) = match selector.split_once('#') {
        Some((target, function)) => (target, Some(function)),
        None => (selector, None),
    };
    match (&func.interface, function) {
        (None, None) => target == func.function,
        (None, Some(_)) => false,
        (Some(interface), function) => {
            let interface_matches = if target.contains('@') {
                target == interface
            } else {
                target == unversioned(interface)
            };
            interface_matches && function.is_none_or(|f| f == func.function)
        }
    }
}

/// Every selector that names something in a world with these functions, sorted.
pub fn valid_selectors(functions: &[FunctionRef]) -> Vec<String> {
    let mut valid = BTreeSet::from(["*".to_string()]);
    for func in functions {
        match &func.interface {
            None => {
                valid.insert(func.function.clone());
            }
            Some(interface) => {
                valid.insert(interface.clone());
                valid.insert(unversioned(interface).to_string());
                valid.insert(format!("{interface}#{}", func.function));
            }
        }
    }
    valid.into_iter().collect()
}

impl Selection {
    /// Validates `selectors` (given to the option called `option`) against a world's functions.
    pub fn new(
        option: &str,
        selectors: &[String],
        functions: &[FunctionRef],
    ) -> Result<Selection, UnknownSelector> {
        for selector in selectors {
            // `*` is valid in every world, even one without functions.
            if selector != "*" && !functions.iter().any(|func| matches(selector, func)) {
                return Err(UnknownSelector {
                    option: option.to_string(),
                    selector: selector.clone(),
                    valid: valid_selectors(functions),
                });
            }
        }
        Ok(Selection {
            selectors: selectors.to_vec(),
        })
    }

    /// Whether `func` is selected.
    pub fn contains(&self, func: &FunctionRef) -> bool {
        self.selectors
            .iter()
            .any(|selector| matches(selector, func))
    }

    /// Whether nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.selectors.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn funcs() -> Vec<FunctionRef> {
        vec![
            FunctionRef {
                interface: None,
                function: "run".into(),
            },
            FunctionRef {
                interface: Some("a:b/c@1.0.0".into()),
                function: "get".into(),
            },
            FunctionRef {
                interface: Some("a:b/c@1.0.0".into()),
                function: "[method]r.m".into(),
            },
            FunctionRef {
                interface: Some("inline".into()),
                function: "f".into(),
            },
        ]
    }

    #[test]
    fn selects_by_world_interface_and_function() {
        let f = funcs();
        let all = Selection::new("async", &["*".into()], &f).unwrap();
        assert!(f.iter().all(|func| all.contains(func)));
        let iface = Selection::new("async", &["a:b/c".into()], &f).unwrap();
        assert_eq!(f.iter().filter(|func| iface.contains(func)).count(), 2);
        let one = Selection::new("async", &["a:b/c@1.0.0#[method]r.m".into()], &f).unwrap();
        assert_eq!(f.iter().filter(|func| one.contains(func)).count(), 1);
        let world = Selection::new("async", &["run".into(), "inline#f".into()], &f).unwrap();
        assert_eq!(f.iter().filter(|func| world.contains(func)).count(), 2);
    }

    #[test]
    fn unknown_selector_lists_valid_ones() {
        let err = Selection::new("trappable", &["a:b/c#nope".into()], &funcs()).unwrap_err();
        let text = err.to_string();
        assert!(
            text.starts_with("unknown function selector `a:b/c#nope` in option `trappable`"),
            "{text}"
        );
        assert!(
            text.contains("a:b/c@1.0.0#get") && text.contains("run") && text.contains("*"),
            "{text}"
        );
        assert!(Selection::new("async", &["a:b/c@2.0.0".into()], &funcs()).is_err());
    }
}
