//! The `host!` macro: options parsing and expansion through `knit-bindgen-host`.

use crate::expansion;
use crate::options::{parse_input, path_map, path_string, strings};
use knit_bindgen_core::WitSource;
use knit_bindgen_host::Options;
use proc_macro::TokenStream;
use proc_macro2::Span;
use std::path::PathBuf;
use syn::parse::{Parse, ParseStream};

/// Everything `host!` was given.
struct HostInput {
    span: Span,
    source: WitSource,
    options: Options,
    debug: bool,
}

const KEYS: &[&str] = &[
    "world",
    "path",
    "inline",
    "features",
    "all_features",
    "async",
    "trappable",
    "typed_errors",
    "with",
    "wasmtime_crate",
    "debug",
];

impl Parse for HostInput {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut options = Options::default();
        let common = parse_input(input, KEYS, |name, _, content| {
            match name {
                "async" => options.async_ = strings(content)?,
                "trappable" => options.trappable = strings(content)?,
                "typed_errors" => options.typed_errors = strings(content)?,
                "wasmtime_crate" => {
                    options.wasmtime_crate =
                        Some(path_string(&syn::Path::parse_mod_style(content)?))
                }
                "with" => {
                    options.with = path_map(content)?
                        .into_iter()
                        .map(|(key, path)| (key, path_string(&path)))
                        .collect()
                }
                _ => return Ok(false),
            }
            Ok(true)
        })?;
        Ok(HostInput {
            span: common.span,
            source: common.source,
            options,
            debug: common.debug,
        })
    }
}

/// Expands `host!`.
pub fn host(input: TokenStream) -> TokenStream {
    let input = match syn::parse::<HostInput>(input) {
        Ok(input) => input,
        Err(err) => return err.to_compile_error().into(),
    };
    match expand(&input) {
        Ok(tokens) => tokens,
        Err(message) => syn::Error::new(input.span, message)
            .to_compile_error()
            .into(),
    }
}

fn expand(input: &HostInput) -> Result<TokenStream, String> {
    let manifest_dir = expansion::manifest_dir();
    let mut source = input.source.clone();
    if source.paths.is_empty() && source.inline.is_none() {
        source.paths = expansion::default_paths(&manifest_dir)?;
        if source.paths.is_empty() {
            source.paths.push(PathBuf::from("wit"));
        }
    }
    source.paths = expansion::resolve_paths(&source.paths, &manifest_dir);
    let loaded = knit_bindgen_core::load(&source).map_err(|e| e.to_string())?;
    let mut options = input.options.clone();
    options.format = input.debug;
    let files = knit_bindgen_host::generate(&loaded.resolve, loaded.world, &options)
        .map_err(|e| format!("{e:#}"))?;
    let (name, contents) = files
        .iter()
        .next()
        .ok_or("the host generator produced no file")?;
    let code = String::from_utf8_lossy(contents).into_owned();
    expansion::finish(
        code,
        &format!("host-{name}"),
        &loaded.files_read,
        input.debug,
        &manifest_dir,
        "host Rust",
    )
}
