//! The `host!` macro: options parsing and expansion through `knit-bindgen-host`.

use crate::expansion;
use crate::options::{path_string, strings};
use knit_bindgen_core::WitSource;
use knit_bindgen_host::Options;
use proc_macro::TokenStream;
use proc_macro2::Span;
use std::path::PathBuf;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::{Ident, LitBool, LitStr, Token, braced};

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
        let span = input.span();
        let mut out = HostInput {
            span,
            source: WitSource::default(),
            options: Options::default(),
            debug: false,
        };
        if input.is_empty() {
            return Ok(out);
        }
        if input.peek(LitStr) {
            out.source.world = Some(input.parse::<LitStr>()?.value());
            return Ok(out);
        }
        let content;
        braced!(content in input);
        while !content.is_empty() {
            let key = Ident::parse_any(&content)?;
            let name = key.to_string();
            let has_value = content.peek(Token![:]);
            if has_value {
                content.parse::<Token![:]>()?;
            }
            match name.as_str() {
                "world" => out.source.world = Some(content.parse::<LitStr>()?.value()),
                "path" => {
                    out.source.paths = strings(&content)?.into_iter().map(PathBuf::from).collect()
                }
                "inline" => out.source.inline = Some(content.parse::<LitStr>()?.value()),
                "features" => out.source.features = strings(&content)?,
                "async" => out.options.async_ = strings(&content)?,
                "trappable" => out.options.trappable = strings(&content)?,
                "typed_errors" => out.options.typed_errors = strings(&content)?,
                "wasmtime_crate" => {
                    out.options.wasmtime_crate =
                        Some(path_string(&syn::Path::parse_mod_style(&content)?))
                }
                "with" => {
                    let map;
                    braced!(map in content);
                    while !map.is_empty() {
                        let key = map.parse::<LitStr>()?.value();
                        map.parse::<Token![:]>()?;
                        let path = syn::Path::parse_mod_style(&map)?;
                        out.options.with.insert(key, path_string(&path));
                        if !map.is_empty() {
                            map.parse::<Token![,]>()?;
                        }
                    }
                }
                "all_features" | "debug" => {
                    let value = if has_value {
                        content.parse::<LitBool>()?.value
                    } else {
                        true
                    };
                    if name == "debug" {
                        out.debug = value;
                    } else {
                        out.source.all_features = value;
                    }
                }
                _ => {
                    return Err(syn::Error::new(
                        key.span(),
                        format!(
                            "unknown option `{name}`; valid options are: {}",
                            KEYS.join(", ")
                        ),
                    ));
                }
            }
            if !content.is_empty() {
                content.parse::<Token![,]>()?;
            }
        }
        Ok(out)
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
        source.paths.push(PathBuf::from("wit"));
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
