//! Parsing the options of `generate!`.

use knit_bindgen_core::WitSource;
use knit_bindgen_rust::{Options, Ownership, WithOption};
use proc_macro2::Span;
use std::path::PathBuf;
use syn::parse::{Parse, ParseStream};
use syn::{Ident, LitBool, LitStr, Token, braced, bracketed};

/// Everything `generate!` was given.
pub struct MacroInput {
    pub span: Span,
    pub source: WitSource,
    pub options: Options,
    pub debug: bool,
}

const KEYS: &[&str] = &[
    "world",
    "path",
    "inline",
    "with",
    "generate_all",
    "ownership",
    "additional_derives",
    "stubs",
    "features",
    "all_features",
    "runtime_path",
    "pub_export_macro",
    "export_macro_name",
    "debug",
];

impl Parse for MacroInput {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let span = input.span();
        let mut out = MacroInput {
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
            let key: Ident = content.parse()?;
            let name = key.to_string();
            // Flags may be written bare (`stubs,`) or with a value (`stubs: true,`).
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
                "runtime_path" => {
                    out.options.runtime_path = Some(content.parse::<LitStr>()?.value())
                }
                "export_macro_name" => {
                    out.options.export_macro_name = Some(content.parse::<LitStr>()?.value())
                }
                "with" => out.options.with = with_map(&content)?,
                "ownership" => out.options.ownership = ownership(&content)?,
                "additional_derives" => {
                    let list;
                    bracketed!(list in content);
                    let paths = list.parse_terminated(syn::Path::parse_mod_style, Token![,])?;
                    out.options.additional_derives = paths.iter().map(path_string).collect();
                }
                "generate_all" | "stubs" | "all_features" | "pub_export_macro" | "debug" => {
                    let value = if has_value {
                        content.parse::<LitBool>()?.value
                    } else {
                        true
                    };
                    match name.as_str() {
                        "generate_all" => out.options.generate_all = value,
                        "stubs" => out.options.stubs = value,
                        "all_features" => out.source.all_features = value,
                        "pub_export_macro" => out.options.pub_export_macro = value,
                        _ => out.debug = value,
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

/// A string or a bracketed list of strings (shared with `host!`).
pub(crate) fn strings(input: ParseStream<'_>) -> syn::Result<Vec<String>> {
    if input.peek(LitStr) {
        return Ok(vec![input.parse::<LitStr>()?.value()]);
    }
    let list;
    bracketed!(list in input);
    Ok(list
        .parse_terminated(|p| p.parse::<LitStr>(), Token![,])?
        .iter()
        .map(LitStr::value)
        .collect())
}

/// A path as written, such as `crate::a::B` (shared with `host!`).
pub(crate) fn path_string(path: &syn::Path) -> String {
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    let prefix = if path.leading_colon.is_some() {
        "::"
    } else {
        ""
    };
    format!("{prefix}{}", segments.join("::"))
}

/// `{ "a:b/c": some::path, "x:y/z": generate }`.
fn with_map(input: ParseStream<'_>) -> syn::Result<std::collections::BTreeMap<String, WithOption>> {
    let content;
    braced!(content in input);
    let mut map = std::collections::BTreeMap::new();
    while !content.is_empty() {
        let key = content.parse::<LitStr>()?.value();
        content.parse::<Token![:]>()?;
        let path = syn::Path::parse_mod_style(&content)?;
        let value = if path.is_ident("generate") {
            WithOption::Generate
        } else {
            WithOption::Path(path_string(&path))
        };
        map.insert(key, value);
        if !content.is_empty() {
            content.parse::<Token![,]>()?;
        }
    }
    Ok(map)
}

/// `Owning` or `Borrowing { duplicate_if_necessary: bool }`.
fn ownership(input: ParseStream<'_>) -> syn::Result<Ownership> {
    let kind: Ident = input.parse()?;
    match kind.to_string().as_str() {
        "Owning" => Ok(Ownership::Owning),
        "Borrowing" => {
            let mut duplicate_if_necessary = false;
            if input.peek(syn::token::Brace) {
                let content;
                braced!(content in input);
                while !content.is_empty() {
                    let field: Ident = content.parse()?;
                    if field != "duplicate_if_necessary" {
                        return Err(syn::Error::new(
                            field.span(),
                            "expected `duplicate_if_necessary`",
                        ));
                    }
                    content.parse::<Token![:]>()?;
                    duplicate_if_necessary = content.parse::<LitBool>()?.value;
                    if !content.is_empty() {
                        content.parse::<Token![,]>()?;
                    }
                }
            }
            Ok(Ownership::Borrowing {
                duplicate_if_necessary,
            })
        }
        other => Err(syn::Error::new(
            kind.span(),
            format!("unknown ownership `{other}`; expected `Owning` or `Borrowing`"),
        )),
    }
}
