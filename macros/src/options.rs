//! Parsing the options of `generate!`.

use knit_bindgen_core::WitSource;
use knit_bindgen_rust::{Options, Ownership, WithOption};
use proc_macro2::Span;
use std::path::PathBuf;
use syn::ext::IdentExt;
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
        let mut options = Options::default();
        let common = parse_input(input, KEYS, |name, has_value, content| {
            match name {
                "runtime_path" => options.runtime_path = Some(content.parse::<LitStr>()?.value()),
                "export_macro_name" => {
                    options.export_macro_name = Some(content.parse::<LitStr>()?.value())
                }
                "with" => {
                    options.with = path_map(content)?
                        .into_iter()
                        .map(|(key, path)| {
                            let value = if path.is_ident("generate") {
                                WithOption::Generate
                            } else {
                                WithOption::Path(path_string(&path))
                            };
                            (key, value)
                        })
                        .collect()
                }
                "ownership" => options.ownership = ownership(content)?,
                "additional_derives" => {
                    let list;
                    bracketed!(list in content);
                    let paths = list.parse_terminated(syn::Path::parse_mod_style, Token![,])?;
                    options.additional_derives = paths.iter().map(path_string).collect();
                }
                "generate_all" => options.generate_all = flag(has_value, content)?,
                "stubs" => options.stubs = flag(has_value, content)?,
                "pub_export_macro" => options.pub_export_macro = flag(has_value, content)?,
                _ => return Ok(false),
            }
            Ok(true)
        })?;
        Ok(MacroInput {
            span: common.span,
            source: common.source,
            options,
            debug: common.debug,
        })
    }
}

/// What the input of every knit macro has: where the WIT is, and `debug`.
pub(crate) struct CommonInput {
    /// Where the input starts, for errors about the whole input.
    pub span: Span,
    /// `world`, `path`, `inline`, `features`, `all_features`.
    pub source: WitSource,
    /// Whether to write the expansion to a file and include it from there.
    pub debug: bool,
}

/// Parses a macro's input: nothing, a world name (`"my-world"`), or `{ key: value, ... }`.
///
/// The keys every macro shares (`world`, `path`, `inline`, `features`, `all_features`, `debug`)
/// are handled here. Every other key goes to `option`, with whether a `:` followed it (flags may
/// be written bare, `stubs,`, or with a value, `stubs: true,`); `option` returns `Ok(false)` for a
/// key it does not know, which becomes an error that lists `keys`.
pub(crate) fn parse_input(
    input: ParseStream<'_>,
    keys: &[&str],
    mut option: impl FnMut(&str, bool, ParseStream<'_>) -> syn::Result<bool>,
) -> syn::Result<CommonInput> {
    let mut out = CommonInput {
        span: input.span(),
        source: WitSource::default(),
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
        // `parse_any`: keys such as `async` are Rust keywords.
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
            "all_features" => out.source.all_features = flag(has_value, &content)?,
            "debug" => out.debug = flag(has_value, &content)?,
            _ => {
                if !option(&name, has_value, &content)? {
                    return Err(syn::Error::new(
                        key.span(),
                        format!(
                            "unknown option `{name}`; valid options are: {}",
                            keys.join(", ")
                        ),
                    ));
                }
            }
        }
        if !content.is_empty() {
            content.parse::<Token![,]>()?;
        }
    }
    Ok(out)
}

/// A flag's value: `true` when the key was written bare, else the `bool` after the `:`.
pub(crate) fn flag(has_value: bool, input: ParseStream<'_>) -> syn::Result<bool> {
    if has_value {
        Ok(input.parse::<LitBool>()?.value)
    } else {
        Ok(true)
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

/// `{ "a:b/c": some::path, "x:y/z": other::path }` (shared with `host!`).
pub(crate) fn path_map(
    input: ParseStream<'_>,
) -> syn::Result<std::collections::BTreeMap<String, syn::Path>> {
    let content;
    braced!(content in input);
    let mut map = std::collections::BTreeMap::new();
    while !content.is_empty() {
        let key = content.parse::<LitStr>()?.value();
        content.parse::<Token![:]>()?;
        map.insert(key, syn::Path::parse_mod_style(&content)?);
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
