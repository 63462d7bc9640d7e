//! Options of the Rust guest generator, shared by the `generate!` macro and `knit bindgen rust`.

use std::collections::BTreeMap;

/// How the generator treats an interface or type named in [`Options::with`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WithOption {
    /// Use existing bindings at this Rust path instead of generating them.
    Path(String),
    /// Generate bindings for it (useful with [`Options::generate_all`] unset).
    Generate,
}

/// How imported functions take their parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Ownership {
    /// Owned values (`String`, `Vec<T>`) everywhere.
    #[default]
    Owning,
    /// Import parameters borrow (`&str`, `&[T]`); types that appear both in parameters and results are
    /// generated twice (an owned and a borrowed form) when `duplicate_if_necessary` is set, and
    /// owned otherwise.
    Borrowing {
        /// Generate a borrowed twin of types used in both positions.
        duplicate_if_necessary: bool,
    },
}

/// All options of the Rust guest generator.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Interfaces (`ns:pkg/iface`, optionally `@version`) or types (`ns:pkg/iface/type`) mapped to
    /// existing bindings or forced to be generated. An unknown key is an error listing the valid
    /// ones.
    pub with: BTreeMap<String, WithOption>,
    /// Generate every interface not named in `with` (instead of erroring on an unmapped one that the
    /// world refers to through `with`).
    pub generate_all: bool,
    /// Ownership of import parameters.
    pub ownership: Ownership,
    /// Extra derives added to every generated record, variant, enum and flags type
    /// (`serde::Serialize`, `Hash`, ...).
    pub additional_derives: Vec<String>,
    /// Also generate a placeholder `Stub` type implementing every export (with `unimplemented!()`
    /// bodies) and export it, so the world builds before the user writes any code.
    pub stubs: bool,
    /// The path of the guest runtime crate in generated code; default `::knit_rt`.
    pub runtime_path: Option<String>,
    /// Make the generated `export!` macro usable from other crates (`#[macro_export]`).
    pub pub_export_macro: bool,
    /// The name of the generated export macro; default `export`.
    pub export_macro_name: Option<String>,
    /// Format the output with prettyplease. Without it the output is still indented (by a fast
    /// indenter that follows the brace depth of the one-statement-per-line templates).
    pub format: bool,
}
