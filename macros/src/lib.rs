//! knit's proc macros. [`generate!`] is re-exported by the `knit-rt` crate; guests use it from there.
//!
//! The macro is thin: it parses its options, loads WIT with the shared loader, runs the Rust
//! generator, and parses the generated source once into tokens. Every WIT file read is tracked so
//! cargo rebuilds the crate when one changes.

mod expansion;
mod host;
mod options;

use options::MacroInput;
use proc_macro::TokenStream;

/// Generates Rust bindings for a WIT world.
///
/// ```ignore
/// knit_rt::generate!();                       // the one world in ./wit
/// knit_rt::generate!("my-world");             // a named world in ./wit
/// knit_rt::generate!({
///     world: "wasi:http/proxy",               // short, qualified or versioned world name
///     path: ["wit", "../shared-wit"],         // paths relative to the crate's Cargo.toml (default:
///                                              // `wit/` and `[package.metadata.knit] wit = [...]`)
///     inline: "package a:b; world w { ... }", // WIT given in place (paths then supply deps)
///     with: { "wasi:io/streams": other_crate::streams, "a:b/c": generate },
///     generate_all,                            // generate every interface not in `with`
///     ownership: Borrowing { duplicate_if_necessary: true },
///     additional_derives: [Hash, serde::Serialize],
///     stubs,                                   // a `Stub` type implementing every export
///     features: ["gate"], all_features,       // WIT feature gates
///     runtime_path: "my_crate::knit_rt",
///     pub_export_macro, export_macro_name: "export_it",
///     debug,                                   // write the expansion to a file and include it
/// });
/// ```
#[proc_macro]
pub fn generate(input: TokenStream) -> TokenStream {
    let input = match syn::parse::<MacroInput>(input) {
        Ok(input) => input,
        Err(err) => return err.to_compile_error().into(),
    };
    match expand(&input) {
        Ok(tokens) => tokens,
        Err(message) => {
            let error = syn::Error::new(input.span, message);
            error.to_compile_error().into()
        }
    }
}

/// Generates typed wasmtime host bindings for a WIT world (see `knit-bindgen-host`).
///
/// ```ignore
/// knit_macros::host!({
///     path: "wit", world: "my-world",          // as for `generate!` (also `inline`, `features`)
///     async: ["ns:pkg/iface#slow"],            // function selectors made async
///     trappable: ["*"],                        // imports returning `wasmtime::Result<R>`
///     typed_errors: ["ns:pkg/iface"],          // imports returning `Result<T, TypedError<E>>`
///     with: { "wasi:io": wasmtime_wasi::p2::bindings::io }, // reuse existing bindings
///     wasmtime_crate: ::wasmtime,              // the wasmtime path in generated code
///     debug,                                   // write the expansion to a file and include it
/// });
/// ```
#[proc_macro]
pub fn host(input: TokenStream) -> TokenStream {
    host::host(input)
}

fn expand(input: &MacroInput) -> Result<TokenStream, String> {
    let manifest_dir = expansion::manifest_dir();
    let mut source = input.source.clone();
    if source.paths.is_empty() && source.inline.is_none() {
        source.paths = expansion::default_paths(&manifest_dir)?;
        if source.paths.is_empty() {
            return Err(format!(
                "no `wit/` folder in `{}`: generate!() reads the world from `wit/` (and the folders `[package.metadata.knit] wit = [...]` lists) by default\nfix: create `wit/world.wit`, list a shared WIT folder in the crate's metadata, or name the WIT with `path: \"...\"` or give it with `inline: \"...\"`",
                manifest_dir.display()
            ));
        }
    }
    source.paths = expansion::resolve_paths(&source.paths, &manifest_dir);
    let loaded = knit_bindgen_core::load(&source).map_err(|e| match &e {
        knit_bindgen_core::LoadError::AmbiguousWorld { worlds, .. } => {
            let first = worlds
                .main
                .first()
                .map(|w| w.rsplit('/').next().unwrap_or(w).to_string())
                .unwrap_or_default();
            format!("{e}\nfix: name the world, e.g. `generate!(\"{first}\")`")
        }
        _ => e.to_string(),
    })?;
    let mut options = input.options.clone();
    options.format = input.debug;
    let files = knit_bindgen_rust::generate(&loaded.resolve, loaded.world, &options)
        .map_err(|e| format!("{e:#}"))?;
    let (name, contents) = files
        .iter()
        .next()
        .ok_or("the generator produced no file")?;
    let code = String::from_utf8_lossy(contents).into_owned();
    expansion::finish(
        code,
        name,
        &loaded.files_read,
        input.debug,
        &manifest_dir,
        "Rust",
    )
}
