//! knit's host binding generator: typed Rust bindings for running a component in wasmtime 48.
//!
//! [`generate`] turns one world into a single Rust file for the public component API of the
//! `wasmtime` crate. For a world `foo` the file holds:
//!
//! * `FooPre<T>`: made once from a `Linker::instantiate_pre`, it type-checks every export and then
//!   instantiates as often as wanted (one `Store` per request is the normal pattern);
//! * `Foo`: `Foo::instantiate(store, &component, &linker)`, one `call_<func>` method per exported
//!   function of the world, and one accessor per exported interface returning its
//!   `exports::ns::pkg::iface::Guest` (whose exported resources get `guest.counter().call_*`);
//! * per imported interface, module `ns::pkg::iface` with a `Host` trait (plus a `Host<Resource>`
//!   trait per resource, with `drop`) and `add_to_linker(linker, get)`; world-level imports get a
//!   `FooImports` trait; `Foo::add_to_linker` wires everything at once;
//! * a Rust type for every WIT type, deriving wasmtime's `ComponentType`/`Lift`/`Lower`, each
//!   followed by a compile-time assertion that wasmtime's size and alignment equal knit's
//!   canonical-ABI layout.
//!
//! Per-function behaviour is chosen with [`selector`]s (`async`, `trappable`, `typed_errors`), and
//! `with` reuses existing bindings (such as wasmtime-wasi's) instead of generating them.

mod exports;
mod generator;
mod imports;
pub mod selector;
mod types;
mod walk;

use anyhow::Result;
use knit_bindgen_core::Files;
use std::collections::BTreeMap;
use wit_parser::{Resolve, WorldId};

/// What to generate. `Default` gives synchronous bindings where imports cannot trap.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// [`selector`]s of functions made `async` (wasmtime's async support): imports become
    /// `fn f(..) -> impl Future + Send` in the `Host` trait, exports become `async fn call_f`.
    pub async_: Vec<String>,
    /// [`selector`]s of imported functions whose `Host` method returns `wasmtime::Result<R>`; an
    /// `Err` traps the guest.
    pub trappable: Vec<String>,
    /// [`selector`]s of imported functions returning `result<T, E>` whose `Host` method returns
    /// `Result<T, TypedError<E>>`: `TypedError::Error(e)` reaches the guest as `err(e)`,
    /// `TypedError::Trap(t)` (or `?` on any `wasmtime::Error`) traps it.
    pub typed_errors: Vec<String>,
    /// Existing bindings to use instead of generating: keys are interfaces (`ns:pkg/iface`, with or
    /// without `@version`), packages (`ns:pkg`, mapped to `path::iface` per interface) or types
    /// (`ns:pkg/iface/type`); values are Rust paths. A key naming nothing is an error.
    pub with: BTreeMap<String, String>,
    /// The path of the wasmtime crate in generated code; default `wasmtime`.
    pub wasmtime_crate: Option<String>,
    /// Format the output with prettyplease (default on in the CLI and the macro's debug files).
    pub format: bool,
}

/// Generates host bindings for `world`: one file named `<world>.rs`.
pub fn generate(resolve: &Resolve, world: WorldId, options: &Options) -> Result<Files> {
    let code = generate_source(resolve, world, options)?;
    let name = knit_bindgen_core::names::ident(
        knit_bindgen_core::Language::Rust,
        &resolve.worlds[world].name,
        knit_bindgen_core::Case::Snake,
    );
    let mut files = Files::new();
    files.insert(
        format!("{}.rs", name.trim_start_matches("r#")),
        code.into_bytes(),
    );
    Ok(files)
}

/// Generates host bindings for `world` as Rust source text.
pub fn generate_source(resolve: &Resolve, world: WorldId, options: &Options) -> Result<String> {
    let code = generator::Gen::new(resolve, world, options)?.run()?;
    if !options.format {
        return Ok(code);
    }
    let file = syn::parse_file(&code).map_err(|e| {
        anyhow::anyhow!("knit generated host Rust that does not parse ({e}); please report this")
    })?;
    Ok(prettyplease::unparse(&file))
}
