//! knit's proc macros. [`generate!`] is re-exported by the `knit-rt` crate; guests use it from there.
//!
//! The macro is thin: it parses its options, loads WIT with the shared loader, runs the Rust
//! generator, and parses the generated source once into tokens. Every WIT file read is tracked so
//! cargo rebuilds the crate when one changes.

mod host;
mod options;

use options::MacroInput;
use proc_macro::TokenStream;
use std::path::{Path, PathBuf};

/// Generates Rust bindings for a WIT world.
///
/// ```ignore
/// knit_rt::generate!();                       // the one world in ./wit
/// knit_rt::generate!("my-world");             // a named world in ./wit
/// knit_rt::generate!({
///     world: "wasi:http/proxy",               // short, qualified or versioned world name
///     path: ["wit", "../shared-wit"],         // paths relative to the crate's Cargo.toml
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
    let manifest_dir =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let mut source = input.source.clone();
    if source.paths.is_empty() && source.inline.is_none() {
        if !manifest_dir.join("wit").exists() {
            return Err(format!(
                "no `wit/` folder in `{}`: generate!() reads the world from `wit/` by default\nfix: create `wit/world.wit`, or name the WIT with `path: \"...\"` or give it with `inline: \"...\"`",
                manifest_dir.display()
            ));
        }
        source.paths.push(PathBuf::from("wit"));
    }
    source.paths = source
        .paths
        .iter()
        .map(|p| {
            if p.is_absolute() {
                p.clone()
            } else {
                manifest_dir.join(p)
            }
        })
        .collect();
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
    let mut tracked = String::new();
    for file in &loaded.files_read {
        let path = file.canonicalize().unwrap_or_else(|_| file.clone());
        tracked.push_str(&format!(
            "const _: &[u8] = include_bytes!({:?});\n",
            path.display().to_string()
        ));
    }
    let body = if input.debug {
        let path = debug_path(&manifest_dir, name);
        write_debug_file(&path, &code)?;
        format!("include!({:?});\n", path.display().to_string())
    } else {
        code
    };
    format!("{body}{tracked}").parse().map_err(|e| {
        format!("knit generated Rust that does not tokenize ({e}); please report this")
    })
}

/// Where `debug` writes the expansion: under the target directory, per crate.
fn debug_path(manifest_dir: &Path, file: &str) -> PathBuf {
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| manifest_dir.join("target"));
    let krate = std::env::var("CARGO_PKG_NAME").unwrap_or_else(|_| "crate".into());
    target.join("knit-generated").join(krate).join(file)
}

fn write_debug_file(path: &Path, code: &str) -> Result<(), String> {
    let dir = path.parent().ok_or("bad debug path")?;
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    if std::fs::read_to_string(path).is_ok_and(|old| old == code) {
        return Ok(());
    }
    let mut files = knit_bindgen_core::Files::new();
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or("bad debug path")?;
    files.insert(name.to_string(), code.as_bytes().to_vec());
    files
        .write_to(dir)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(())
}
