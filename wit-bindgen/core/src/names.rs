//! Name machinery shared by every language backend.
//!
//! A WIT name (`kebab-case`, possibly with `ACRONYM` segments) becomes a target-language identifier
//! in two steps, always in this order:
//!
//! 1. **case conversion** with [`heck`] ([`Case`]), then
//! 2. **keyword escaping** from the target language's table ([`Language`]).
//!
//! Escaping after conversion matters: `self-type` is harmless in WIT, `self` becomes `self_` only once
//! it is `self` in Rust, and `Self` (the UpperCamel form of `self`) is a keyword of its own.
//!
//! Besides single identifiers this module provides [`Scope`], which hands out fresh temporaries that can
//! never clash with the names a function already uses, and [`make_unique`], which disambiguates a set of
//! names that share one namespace (two interfaces both called `types`, say).
//!
//! ```
//! use knit_bindgen_core::names::{ident, Case, Language, Scope};
//!
//! assert_eq!(ident(Language::Rust, "type", Case::Snake), "r#type");
//! assert_eq!(ident(Language::Rust, "self", Case::Snake), "self_");
//! assert_eq!(ident(Language::Go, "len", Case::LowerCamel), "len_");
//! assert_eq!(ident(Language::TypeScript, "get-HTTP-status", Case::LowerCamel), "getHttpStatus");
//!
//! let mut scope = Scope::new(Language::Rust);
//! scope.reserve("ptr0");
//! assert_eq!(scope.fresh("ptr"), "ptr1");
//! ```

use std::collections::{BTreeMap, HashSet};

use heck::{ToLowerCamelCase, ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};

/// A target language whose keywords and reserved words must be avoided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    /// Rust, all editions from 2015 to 2024.
    Rust,
    /// Go.
    Go,
    /// TypeScript (and the JavaScript it compiles to).
    TypeScript,
}

/// The letter case an identifier is converted to before escaping.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Case {
    /// `snake_case`: Rust functions, fields, modules.
    Snake,
    /// `UPPER_SNAKE_CASE`: Rust constants, flag members.
    UpperSnake,
    /// `UpperCamelCase`: types, Go exported names.
    UpperCamel,
    /// `lowerCamelCase`: TypeScript functions and fields, Go unexported names.
    LowerCamel,
}

/// Rust strict keywords (all editions, including `async`, `await`, `dyn` from 2018) and the reserved
/// keywords (including `try` from 2018 and `gen` from 2024).
#[rustfmt::skip]
const RUST_KEYWORDS: &[&str] = &[
    // strict
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while",
    // reserved for future use
    "abstract", "become", "box", "do", "final", "gen", "macro", "override", "priv", "try",
    "typeof", "unsized", "virtual", "yield",
];

/// Rust keywords that cannot be written as raw identifiers (`r#self` is an error), so they get a
/// trailing underscore instead.
const RUST_NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Go's 25 keywords.
#[rustfmt::skip]
const GO_KEYWORDS: &[&str] = &[
    "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for",
    "func", "go", "goto", "if", "import", "interface", "map", "package", "range", "return",
    "select", "struct", "switch", "type", "var",
];

/// Go's predeclared identifiers: shadowing them is legal but breaks generated code that uses them.
#[rustfmt::skip]
const GO_PREDECLARED: &[&str] = &[
    // types
    "any", "bool", "byte", "comparable", "complex64", "complex128", "error", "float32", "float64",
    "int", "int8", "int16", "int32", "int64", "rune", "string", "uint", "uint8", "uint16",
    "uint32", "uint64", "uintptr",
    // constants and the zero value
    "true", "false", "iota", "nil",
    // functions
    "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make", "max",
    "min", "new", "panic", "print", "println", "real", "recover",
];

/// JavaScript reserved words (including strict-mode and module-code ones), names that cannot be
/// bound in strict mode, and TypeScript's predefined type names.
#[rustfmt::skip]
const TS_RESERVED: &[&str] = &[
    // ECMAScript reserved words
    "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default",
    "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for", "function",
    "if", "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this",
    "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield",
    // strict-mode reserved words
    "implements", "interface", "let", "package", "private", "protected", "public", "static",
    // not bindable in strict mode
    "arguments", "eval",
    // TypeScript type names and declaration keywords
    "any", "bigint", "boolean", "declare", "never", "number", "object", "string", "symbol",
    "type", "undefined", "unknown", "namespace", "module", "abstract", "readonly", "keyof",
    "infer", "is", "asserts", "satisfies", "constructor",
];

/// Returns whether `name` (already case-converted) collides with a keyword, reserved word or
/// predeclared identifier of `language`.
pub fn is_reserved(language: Language, name: &str) -> bool {
    match language {
        Language::Rust => RUST_KEYWORDS.contains(&name) || name == "_",
        Language::Go => GO_KEYWORDS.contains(&name) || GO_PREDECLARED.contains(&name),
        Language::TypeScript => TS_RESERVED.contains(&name),
    }
}

/// Escapes an already case-converted identifier so it is valid in `language`.
///
/// Rust uses raw identifiers (`r#type`) where the language allows them and a trailing `_`
/// otherwise (`self_`, `Self_`); Go and TypeScript append `_`. Names that need no escaping are
/// returned unchanged.
pub fn escape(language: Language, name: &str) -> String {
    if !is_reserved(language, name) {
        return name.to_string();
    }
    match language {
        Language::Rust if !RUST_NOT_RAW.contains(&name) => format!("r#{name}"),
        _ => format!("{name}_"),
    }
}

/// Converts a WIT name to `case` without escaping. Useful to build derived names (`{name}_ptr`) that
/// are escaped once at the end.
pub fn convert_case(wit_name: &str, case: Case) -> String {
    match case {
        Case::Snake => wit_name.to_snake_case(),
        Case::UpperSnake => wit_name.to_shouty_snake_case(),
        Case::UpperCamel => wit_name.to_upper_camel_case(),
        Case::LowerCamel => wit_name.to_lower_camel_case(),
    }
}

/// Turns a WIT name into an identifier of `language`: case conversion first, keyword escaping second.
pub fn ident(language: Language, wit_name: &str, case: Case) -> String {
    escape(language, &convert_case(wit_name, case))
}

/// Hands out fresh local names that never equal a reserved name or one handed out before.
///
/// Reserve every name the generated function already uses (its parameters, say) before asking for
/// temporaries. Fresh names are `base` followed by a counter (`ptr0`, `ptr1`, ...), and never a
/// keyword or predeclared identifier of the scope's language (Go's `int8` is skipped for `int`).
#[derive(Clone, Debug)]
pub struct Scope {
    language: Language,
    taken: HashSet<String>,
    next: BTreeMap<String, u64>,
}

impl Scope {
    /// Creates an empty scope for `language`.
    pub fn new(language: Language) -> Scope {
        Scope {
            language,
            taken: HashSet::new(),
            next: BTreeMap::new(),
        }
    }

    /// Marks `name` (the identifier as emitted, e.g. `r#type`, or its unescaped form) as in use.
    /// Returns `false` when it was already taken.
    pub fn reserve(&mut self, name: &str) -> bool {
        let bare = name.strip_prefix("r#").unwrap_or(name);
        let was_free = !self.taken.contains(bare) && !self.taken.contains(name);
        self.taken.insert(bare.to_string());
        self.taken.insert(name.to_string());
        was_free
    }

    /// Returns whether `name` is taken in this scope.
    pub fn is_taken(&self, name: &str) -> bool {
        self.taken.contains(name)
    }

    /// Returns a new name `{base}{n}` with the smallest counter `n` (per base) that is free, and
    /// marks it taken.
    pub fn fresh(&mut self, base: &str) -> String {
        let counter = self.next.entry(base.to_string()).or_insert(0);
        loop {
            let candidate = format!("{base}{counter}");
            *counter += 1;
            if !self.taken.contains(&candidate) && !is_reserved(self.language, &candidate) {
                self.taken.insert(candidate.clone());
                return candidate;
            }
        }
    }
}

/// Makes names that share one namespace unique, deterministically.
///
/// Each entry gives its candidate names from most to least preferred, e.g. `["types",
/// "http_types", "wasi_http_types", "wasi_http_types_0_2_0"]`. Every entry starts on its first
/// candidate; while several entries share a name, each of them that has a further candidate moves
/// on to it. Entries that still clash once their candidates are exhausted keep the name in input
/// order, the first as is and the next ones with the smallest free number from `2` on appended.
/// An entry with no candidates is named `unnamed`.
///
/// The result has one name per entry, in input order, and depends only on the input.
pub fn make_unique(candidates: &[Vec<String>]) -> Vec<String> {
    let mut level = vec![0usize; candidates.len()];
    let current = |level: &[usize], i: usize| -> String {
        match candidates[i].get(level[i]) {
            Some(name) => name.clone(),
            None => "unnamed".to_string(),
        }
    };
    loop {
        let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for i in 0..candidates.len() {
            groups.entry(current(&level, i)).or_default().push(i);
        }
        let mut moved = false;
        for members in groups.values().filter(|m| m.len() > 1) {
            for &i in members {
                if level[i] + 1 < candidates[i].len() {
                    level[i] += 1;
                    moved = true;
                }
            }
        }
        if !moved {
            break;
        }
    }
    let chosen: Vec<String> = (0..candidates.len()).map(|i| current(&level, i)).collect();
    let mut used: HashSet<String> = HashSet::new();
    let mut result = Vec::with_capacity(chosen.len());
    // First pass: names that are already unique keep their spelling, so a numbered duplicate can
    // never steal the name of an entry that comes later.
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for name in &chosen {
        *counts.entry(name.as_str()).or_default() += 1;
    }
    for name in &chosen {
        if counts[name.as_str()] == 1 {
            used.insert(name.clone());
        }
    }
    for name in &chosen {
        if counts[name.as_str()] == 1 {
            result.push(name.clone());
            continue;
        }
        if used.insert(name.clone()) {
            result.push(name.clone());
            continue;
        }
        let mut n = 2u64;
        loop {
            let candidate = format!("{name}{n}");
            if used.insert(candidate.clone()) {
                result.push(candidate);
                break;
            }
            n += 1;
        }
    }
    result
}

/// Candidate names for an interface, most preferred first, ready for [`make_unique`]: its own name,
/// then prefixed with its package name, then with its namespace, then with its version too (for two
/// versions of one package). Each is converted to `case` and escaped for `language`, so
/// `wasi:http/types@0.2.0` gives `types`, `http_types`, `wasi_http_types`, `wasi_http_types_0_2_0`
/// in snake case. An interface without a name (declared inline in a world) has no candidates.
pub fn interface_candidates(
    language: Language,
    resolve: &wit_parser::Resolve,
    interface: wit_parser::InterfaceId,
    case: Case,
) -> Vec<String> {
    let iface = &resolve.interfaces[interface];
    let Some(name) = iface.name.as_deref() else {
        return Vec::new();
    };
    let mut kebab = vec![name.to_string()];
    if let Some(package) = iface.package {
        let package = &resolve.packages[package].name;
        kebab.push(format!("{}-{name}", package.name));
        kebab.push(format!("{}-{}-{name}", package.namespace, package.name));
        if let Some(version) = &package.version {
            let version: String = version
                .to_string()
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect();
            kebab.push(format!(
                "{}-{}-{name}-{version}",
                package.namespace, package.name
            ));
        }
    }
    kebab.iter().map(|k| ident(language, k, case)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_conversion_happens_before_escaping() {
        assert_eq!(ident(Language::Rust, "type", Case::Snake), "r#type");
        assert_eq!(ident(Language::Rust, "type", Case::UpperCamel), "Type");
        assert_eq!(ident(Language::Rust, "self", Case::Snake), "self_");
        assert_eq!(ident(Language::Rust, "self", Case::UpperCamel), "Self_");
        assert_eq!(ident(Language::Rust, "super", Case::Snake), "super_");
        assert_eq!(ident(Language::Rust, "crate", Case::Snake), "crate_");
        assert_eq!(ident(Language::Rust, "extern", Case::Snake), "r#extern");
        assert_eq!(ident(Language::Rust, "gen", Case::Snake), "r#gen");
        assert_eq!(ident(Language::Rust, "try", Case::Snake), "r#try");
        assert_eq!(ident(Language::Rust, "async", Case::Snake), "r#async");
        assert_eq!(ident(Language::Rust, "self-type", Case::Snake), "self_type");
        assert_eq!(ident(Language::Rust, "in", Case::UpperSnake), "IN");
        assert_eq!(
            ident(Language::Rust, "get-HTTP-status", Case::Snake),
            "get_http_status"
        );
        assert_eq!(
            ident(Language::Rust, "get-HTTP-status", Case::UpperSnake),
            "GET_HTTP_STATUS"
        );
        assert_eq!(ident(Language::Rust, "a-1", Case::UpperCamel), "A1");
    }

    #[test]
    fn go_escapes_keywords_and_predeclared_names() {
        assert_eq!(ident(Language::Go, "func", Case::LowerCamel), "func_");
        assert_eq!(ident(Language::Go, "len", Case::LowerCamel), "len_");
        assert_eq!(ident(Language::Go, "string", Case::LowerCamel), "string_");
        assert_eq!(ident(Language::Go, "error", Case::Snake), "error_");
        assert_eq!(ident(Language::Go, "nil", Case::Snake), "nil_");
        assert_eq!(ident(Language::Go, "string", Case::UpperCamel), "String");
        assert_eq!(ident(Language::Go, "type", Case::UpperCamel), "Type");
        assert_eq!(GO_KEYWORDS.len(), 25);
    }

    #[test]
    fn typescript_escapes_reserved_words() {
        assert_eq!(
            ident(Language::TypeScript, "delete", Case::LowerCamel),
            "delete_"
        );
        assert_eq!(
            ident(Language::TypeScript, "number", Case::LowerCamel),
            "number_"
        );
        assert_eq!(
            ident(Language::TypeScript, "class", Case::UpperCamel),
            "Class"
        );
        assert_eq!(
            ident(Language::TypeScript, "my-class", Case::LowerCamel),
            "myClass"
        );
    }

    #[test]
    fn every_escaped_keyword_is_no_longer_reserved() {
        for (language, table) in [
            (Language::Rust, RUST_KEYWORDS),
            (Language::Go, GO_KEYWORDS),
            (Language::Go, GO_PREDECLARED),
            (Language::TypeScript, TS_RESERVED),
        ] {
            for word in table {
                assert!(is_reserved(language, word), "{language:?} {word}");
                let escaped = escape(language, word);
                assert_ne!(&escaped, word);
                assert!(!is_reserved(language, &escaped), "{language:?} {escaped}");
            }
        }
    }

    #[test]
    fn scope_skips_reserved_names() {
        let mut scope = Scope::new(Language::Rust);
        assert!(scope.reserve("ptr1"));
        assert!(!scope.reserve("ptr1"));
        assert!(scope.reserve("r#len0"));
        assert_eq!(scope.fresh("ptr"), "ptr0");
        assert_eq!(scope.fresh("ptr"), "ptr2");
        assert_eq!(scope.fresh("len"), "len1");
        assert_eq!(scope.fresh("len"), "len2");
        assert!(scope.is_taken("ptr0"));
    }

    #[test]
    fn scope_never_hands_out_a_predeclared_go_name() {
        let mut scope = Scope::new(Language::Go);
        let names: Vec<String> = (0..20).map(|_| scope.fresh("int")).collect();
        assert!(!names.iter().any(|n| n == "int8" || n == "int16"));
        assert_eq!(names[8], "int9");
    }

    fn strings(lists: &[&[&str]]) -> Vec<Vec<String>> {
        lists
            .iter()
            .map(|l| l.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    #[test]
    fn unique_names_prefer_the_shortest_distinct_candidate() {
        let input = strings(&[
            &["types", "http_types", "wasi_http_types"],
            &["types", "io_types", "wasi_io_types"],
            &["streams", "io_streams"],
        ]);
        assert_eq!(make_unique(&input), ["http_types", "io_types", "streams"]);
    }

    #[test]
    fn unique_names_only_move_entries_that_can() {
        let input = strings(&[&["types"], &["types", "http_types"]]);
        assert_eq!(make_unique(&input), ["types", "http_types"]);
    }

    #[test]
    fn interfaces_of_the_same_name_get_distinct_names() {
        let mut resolve = wit_parser::Resolve::new();
        for wit in [
            "package wasi:http@0.2.0;\ninterface types {}\n",
            "package wasi:http@0.3.0-rc;\ninterface types {}\n",
            "package my:app;\ninterface types {}\ninterface %type {}\n",
        ] {
            resolve.push_str("x.wit", wit).unwrap();
        }
        let ids: Vec<_> = resolve.interfaces.iter().map(|(id, _)| id).collect();
        let candidates: Vec<Vec<String>> = ids
            .iter()
            .map(|id| interface_candidates(Language::Rust, &resolve, *id, Case::Snake))
            .collect();
        assert_eq!(
            candidates[0],
            [
                "types",
                "http_types",
                "wasi_http_types",
                "wasi_http_types_0_2_0"
            ]
        );
        assert_eq!(
            make_unique(&candidates),
            [
                "wasi_http_types_0_2_0",
                "wasi_http_types_0_3_0_rc",
                "app_types",
                "r#type"
            ]
        );
    }

    #[test]
    fn unique_names_fall_back_to_numbers_in_input_order() {
        let input = strings(&[&["a", "b"], &["b"], &["a", "b"], &["b2"], &[]]);
        assert_eq!(make_unique(&input), ["b", "b3", "b4", "b2", "unnamed"]);
        // The same input always gives the same answer.
        assert_eq!(make_unique(&input), make_unique(&input));
    }
}
