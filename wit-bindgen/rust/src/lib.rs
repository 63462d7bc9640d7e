//! knit's Rust guest binding generator.
//!
//! [`generate`] turns a resolved world into one Rust source file that a guest crate includes (through
//! the `generate!` macro or a file written by `knit bindgen rust`). Every function goes through the
//! canonical-ABI plan of `knit-bindgen-core`; this crate only renders it as Rust.
//!
//! The generated file is laid out as modules: imported interfaces at `ns::pkg::iface`, exported
//! ones at `exports::ns::pkg::iface`, world-level items at the root, and an `export!` macro that
//! wires a user's type to every export.

mod emit;
mod exports;
mod functions;
mod indent;
mod options;
mod paths;
mod resources;
mod section;
pub mod spelling;
mod temps;
mod types;

pub use options::{Options, Ownership, WithOption};

use anyhow::{Result, bail};
use indent::Sink;
use knit_bindgen_core::Files;
use knit_bindgen_core::abi::Abi;
use knit_bindgen_core::names::{Case, Language, escape, ident};
use knit_bindgen_core::walk::{Backend, Scope, Side};
use paths::{ModPath, Paths};
use rustc_hash::FxHashMap as FastMap;
use std::collections::BTreeMap;
use std::fmt::Write;
use wit_parser::{Docs, Function, Resolve, TypeId, WorldId, WorldItem, WorldKey};

/// The version of knit that generated the code, stamped into it and checked against the runtime.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Generates Rust guest bindings for `world`. The result holds one file, `<world>.rs` in snake case.
pub fn generate(resolve: &Resolve, world: WorldId, options: &Options) -> Result<Files> {
    let mut generator = Generator::new(resolve, world, options)?;
    generator.generate()?;
    let header = generator.header();
    let file = if options.format {
        let mut sink = Sink::plain(String::new());
        generator.render(&mut sink);
        let mut file = header;
        file.push_str(&format_source(&sink.finish())?);
        file
    } else {
        // Indenting as the code is rendered writes the file once, with no unindented copy.
        let mut sink = Sink::indented(header);
        generator.render(&mut sink);
        sink.finish()
    };
    let mut files = Files::new();
    let name = resolve.worlds[world].name.replace('-', "_");
    files.insert(format!("{name}.rs"), file);
    Ok(files)
}

/// Formats Rust source with prettyplease.
pub fn format_source(source: &str) -> Result<String> {
    let file = syn::parse_file(source).map_err(|e| {
        anyhow::anyhow!("knit generated Rust that does not parse ({e}); please report this")
    })?;
    Ok(prettyplease::unparse(&file))
}

/// The Rust paths of types as written from one module, by type and direction (exporting or not).
pub(crate) type TypePaths = FastMap<(wit_parser::TypeId, bool), String>;

/// State of one generation run.
pub(crate) struct Generator<'a> {
    pub resolve: &'a Resolve,
    pub world: WorldId,
    pub opts: &'a Options,
    pub abi: Abi<'a>,
    pub paths: Paths,
    /// `with` entries that name types: `ns:pkg/iface/type` → Rust path.
    pub type_overrides: BTreeMap<String, String>,
    /// Code of each module, by path.
    pub modules: BTreeMap<ModPath, String>,
    /// The lifetime written for borrows: `'a` inside a type definition that holds borrows, `'_` in
    /// signatures.
    pub lifetime: std::cell::Cell<&'static str>,
    /// Memoized [`Generator::type_path`] results, by the module they are written from, then by
    /// type and direction (looked up by `&[String]`, so a lookup allocates nothing).
    pub type_paths: std::cell::RefCell<FastMap<ModPath, TypePaths>>,
    /// Everything the `export!` macro must define.
    pub exports: Vec<exports::ExportFn>,
    /// The module of the scope being walked; `None` while `with` replaces it.
    pub current: Option<ModPath>,
    /// The world key of the interface scope being walked.
    pub current_key: Option<&'a WorldKey>,
    /// Whether export code sees the exported side of interfaces: false for the world's own
    /// exported functions, whose types come through the world's `use` of imported interfaces.
    pub export_side: bool,
}

impl<'a> Generator<'a> {
    fn new(resolve: &'a Resolve, world: WorldId, opts: &'a Options) -> Result<Self> {
        let mut paths = Paths::new(resolve, world);
        let mut type_overrides = BTreeMap::new();
        // Checking `with` keys needs its own module paths: skip that work when there are none.
        let valid = if opts.with.is_empty() {
            BTreeMap::new()
        } else {
            valid_with_keys(resolve, world)
        };
        for (key, value) in &opts.with {
            let Some(target) = valid.get(key) else {
                let list: Vec<&str> = valid.keys().map(String::as_str).collect();
                bail!(
                    "`with` key `{key}` names no interface or type of this world; valid keys are:\n  {}",
                    list.join("\n  ")
                );
            };
            if let WithOption::Path(path) = value {
                match target {
                    WithTarget::Interface(module) => {
                        paths.replaced.insert(module.clone(), path.clone());
                    }
                    WithTarget::Type => {
                        type_overrides.insert(key.clone(), path.clone());
                    }
                }
            }
        }
        let mut generator = Generator {
            resolve,
            world,
            opts,
            abi: Abi::new(resolve, world),
            paths,
            type_overrides,
            modules: BTreeMap::new(),
            exports: Vec::new(),
            type_paths: Default::default(),
            lifetime: std::cell::Cell::new("'_"),
            current: None,
            export_side: true,
            current_key: None,
        };
        if !opts.with.is_empty() {
            // Records that `with` maps to outside types have an unknown layout: the plan must not
            // move lists of them as raw blocks.
            let foreign: Vec<TypeId> = resolve
                .types
                .iter()
                .filter(|(id, def)| {
                    matches!(def.kind, wit_parser::TypeDefKind::Record(_))
                        && !generator.defines_here(*id)
                })
                .map(|(id, _)| id)
                .collect();
            generator.abi = Abi::new(resolve, world).with_foreign_types(foreign);
        }
        Ok(generator)
    }

    /// The runtime crate's path in generated code.
    pub fn rt(&self) -> &str {
        self.opts.runtime_path.as_deref().unwrap_or("::knit_rt")
    }

    /// Appends code to a module.
    pub fn push(&mut self, module: &[String], code: &str) {
        match self.modules.get_mut(module) {
            Some(existing) => existing.push_str(code),
            None => {
                self.modules.insert(module.to_vec(), code.to_string());
            }
        }
    }

    fn generate(&mut self) -> Result<()> {
        self.modules.insert(Vec::new(), String::new());
        knit_bindgen_core::walk::walk(self.resolve, self.world, self)
    }

    /// The module a scope's items are written to, `None` when `with` replaces the interface.
    fn scope_module(&self, scope: Scope<'_>) -> Option<ModPath> {
        let module = match scope {
            Scope::World(_) => return Some(Vec::new()),
            Scope::Interface(site) => self.paths.of_key(site.side == Side::Export, site.key),
        };
        (!self.paths.replaced.contains_key(module)).then(|| module.clone())
    }

    /// The first line of the generated file.
    fn header(&self) -> String {
        let world = &self.resolve.worlds[self.world];
        let pkg = world
            .package
            .map(|p| self.resolve.packages[p].name.to_string())
            .unwrap_or_default();
        format!(
            "// Generated by knit {VERSION} from WIT world `{pkg}/{}`. Do not edit.\n",
            world.name
        )
    }

    /// Writes the whole file but its header to `out`; moves the modules' code out of the generator.
    fn render(&mut self, out: &mut Sink) {
        let code_len: usize = self.modules.values().map(String::len).sum();
        // Indentation about doubles the size of generated bindings; the rest is headroom so the
        // buffer never has to grow.
        out.reserve(code_len * 3);
        let _ = writeln!(out, "{}::__check_version!(\"{VERSION}\");", self.rt());
        let mut tree = ModuleTree::default();
        for (path, code) in std::mem::take(&mut self.modules) {
            tree.insert(&path, code);
        }
        for (path, target) in &self.paths.replaced {
            let (last, parent) = path.split_last().expect("interface paths are never empty");
            tree.insert(parent, format!("pub use {target} as {last};\n"));
        }
        let _ = writeln!(out, "#[allow(unused_imports)]\nuse {} as _rt;", self.rt());
        out.push_str(&tree.code);
        tree.render_children(out, self.rt());
        out.push_str(&self.export_macro());
        out.push_str(&self.stubs_code());
        out.push_str(&section::custom_section(self));
    }
}

impl<'a> Backend<'a> for Generator<'a> {
    fn begin(&mut self, scope: Scope<'a>) -> Result<()> {
        self.current = self.scope_module(scope);
        self.current_key = scope.key();
        self.export_side = !matches!(scope, Scope::World(_));
        let Some(id) = scope.interface() else {
            return Ok(());
        };
        // Taken out while the module's code is written to, and put back: no copy of the path.
        let Some(module) = self.current.take() else {
            return Ok(());
        };
        let iface = &self.resolve.interfaces[id];
        if !self.modules.contains_key(&module) {
            // Room for the whole module up front (wrappers average a few KiB): growing it step by
            // step would copy it each time and touch fresh pages for every copy.
            let estimate = iface.functions.len() * 4096 + iface.types.len() * 1024;
            self.modules
                .insert(module.clone(), String::with_capacity(estimate));
        }
        let code = self.modules.get_mut(&module).expect("inserted above");
        push_docs(code, &iface.docs, "//!");
        self.current = Some(module);
        Ok(())
    }

    fn define_type(&mut self, scope: Scope<'a>, id: TypeId) -> Result<()> {
        if let Some(module) = self.current.take() {
            self.type_definition(id, &module, scope.exporting());
            self.current = Some(module);
        }
        Ok(())
    }

    fn import_function(&mut self, scope: Scope<'a>, func: &'a Function) -> Result<()> {
        let Some(module) = self.current.take() else {
            return Ok(());
        };
        let result = self.import_function(scope.key(), func, &module);
        self.current = Some(module);
        result
    }

    fn export_functions(
        &mut self,
        scope: Scope<'a>,
        funcs: &[&'a Function],
        resources: &[TypeId],
    ) -> Result<()> {
        let current = self.current.take();
        let module = current.as_deref().unwrap_or_default();
        let result = self.export_scope(scope, module, funcs, resources);
        self.current = current;
        result
    }
}

/// What a `with` key refers to.
enum WithTarget {
    Interface(ModPath),
    Type,
}

/// Every key `with` accepts for this world: interface names (with and without version) and
/// `interface/type` names.
fn valid_with_keys(resolve: &Resolve, world: WorldId) -> BTreeMap<String, WithTarget> {
    let paths = Paths::new(resolve, world);
    let mut keys = BTreeMap::new();
    let w = &resolve.worlds[world];
    for (key, item) in w.imports.iter() {
        let WorldItem::Interface { id, .. } = item else {
            continue;
        };
        let WorldKey::Interface(_) = key else {
            continue;
        };
        let name = resolve.name_world_key(key);
        let module = paths.import(*id).clone();
        if let Some((unversioned, _)) = name.split_once('@') {
            keys.insert(
                unversioned.to_string(),
                WithTarget::Interface(module.clone()),
            );
        }
        for (ty_name, _) in &resolve.interfaces[*id].types {
            let base = name.split_once('@').map(|(n, _)| n).unwrap_or(&name);
            keys.insert(format!("{base}/{ty_name}"), WithTarget::Type);
        }
        keys.insert(name, WithTarget::Interface(module));
    }
    keys
}

/// Writes WIT docs as Rust doc comments with the given prefix (`///` or `//!`).
pub(crate) fn push_docs(out: &mut String, docs: &Docs, prefix: &str) {
    for line in knit_bindgen_core::walk::doc_lines(docs) {
        let _ = writeln!(out, "{prefix} {line}");
    }
}

/// Rust identifier for a WIT name in the given case (memoized: the same names recur constantly).
pub(crate) fn rust_ident(name: &str, case: Case) -> String {
    with_rust_ident(name, case, str::to_string)
}

/// Appends [`rust_ident`]`(name, case)` to `out` without a copy of its own.
pub(crate) fn push_rust_ident(out: &mut String, name: &str, case: Case) {
    with_rust_ident(name, case, |ident| out.push_str(ident))
}

/// Calls `f` with [`rust_ident`]`(name, case)`, borrowed from the memo.
fn with_rust_ident<R>(name: &str, case: Case, f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        /// Converted names, one table per case, looked up by `&str`.
        static CACHE: std::cell::RefCell<Vec<(Case, FastMap<String, String>)>> = Default::default();
    }
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let slot = match cache.iter().position(|(c, _)| *c == case) {
            Some(slot) => slot,
            None => {
                cache.push((case, FastMap::default()));
                cache.len() - 1
            }
        };
        let table = &mut cache[slot].1;
        if let Some(found) = table.get(name) {
            return f(found);
        }
        let converted = match plain_kebab_case(name, case) {
            Some(converted) => escape(Language::Rust, &converted),
            None => ident(Language::Rust, name, case),
        };
        let result = f(&converted);
        table.insert(name.to_string(), converted);
        result
    })
}

/// The case conversion of the commonest WIT names, ASCII words that are all lowercase or all
/// uppercase (acronyms such as `HTTP`) joined by single hyphens, without the general conversion's
/// Unicode word splitting: such a name's words are exactly its hyphen-separated parts. `None` for
/// any other name or case.
fn plain_kebab_case(name: &str, case: Case) -> Option<String> {
    let plain_word = |word: &str| {
        !word.is_empty()
            && (word.bytes().all(|b| b.is_ascii_lowercase())
                || word.bytes().all(|b| b.is_ascii_uppercase()))
    };
    if !name.split('-').all(plain_word) {
        return None;
    }
    let mut out = String::with_capacity(name.len());
    match case {
        Case::Snake => {
            for (i, word) in name.split('-').enumerate() {
                if i > 0 {
                    out.push('_');
                }
                out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
            }
        }
        Case::UpperCamel => {
            for word in name.split('-') {
                let (first, rest) = word.split_at(1);
                out.push_str(&first.to_ascii_uppercase());
                out.extend(rest.chars().map(|c| c.to_ascii_lowercase()));
            }
        }
        _ => return None,
    }
    Some(out)
}

/// Nested `pub mod` blocks built from module paths.
#[derive(Default)]
struct ModuleTree {
    code: String,
    children: BTreeMap<String, ModuleTree>,
}

impl ModuleTree {
    fn insert(&mut self, path: &[String], code: String) {
        match path.split_first() {
            None if self.code.is_empty() => self.code = code,
            None => self.code.push_str(&code),
            Some((first, rest)) => self
                .children
                .entry(first.clone())
                .or_default()
                .insert(rest, code),
        }
    }

    /// Writes each child module: its inner docs first, the runtime alias, its code, its children.
    fn render_children(&self, out: &mut Sink, rt: &str) {
        for (name, child) in &self.children {
            out.push_str(
                "#[allow(dead_code, unused_imports, unused_unsafe, clippy::all)]\npub mod ",
            );
            out.push_str(name);
            out.push_str(" {\n");
            let code = child.code.as_str();
            if code.contains('\r') {
                // Keep `str::lines`' handling of `\r\n` exactly.
                for line in code.lines().filter(|l| l.starts_with("//!")) {
                    out.push_str(line);
                    out.push('\n');
                }
                push_use_rt(out, rt);
                for line in code.lines().filter(|l| !l.starts_with("//!")) {
                    out.push_str(line);
                    out.push('\n');
                }
            } else {
                // Inner docs (`//!` lines) must come first: move them up, keep the rest in order.
                let docs = inner_doc_lines(code);
                for &(start, end) in &docs {
                    push_line(out, &code[start..end]);
                }
                push_use_rt(out, rt);
                let mut from = 0;
                for &(start, end) in &docs {
                    out.push_str(&code[from..start]);
                    from = end;
                }
                if from < code.len() {
                    push_line(out, &code[from..]);
                }
            }
            child.render_children(out, rt);
            out.push_str("}\n");
        }
    }
}

/// The byte ranges of the lines of `code` that start with `//!`, each with its `\n` if it has one.
fn inner_doc_lines(code: &str) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut from = 0;
    while from < code.len() {
        let rest = &code[from..];
        let start = if rest.starts_with("//!") {
            from
        } else {
            // `contains` has a vectorised search that `find` lacks; most modules have no inner
            // docs past their first lines, so the common answer comes from it alone.
            if !rest.contains("\n//!") {
                break;
            }
            match rest.find("\n//!") {
                Some(at) => from + at + 1,
                None => break,
            }
        };
        let end = code[start..]
            .find('\n')
            .map_or(code.len(), |at| start + at + 1);
        lines.push((start, end));
        from = end;
    }
    lines
}

/// Writes `text` and a `\n` unless it already ends with one.
fn push_line(out: &mut Sink, text: &str) {
    out.push_str(text);
    if !text.ends_with('\n') {
        out.push('\n');
    }
}

/// Writes the `_rt` alias every generated module starts with.
fn push_use_rt(out: &mut Sink, rt: &str) {
    out.push_str("use ");
    out.push_str(rt);
    out.push_str(" as _rt;\n");
}

#[cfg(test)]
mod tests {
    use super::ModuleTree;

    /// What `render_children` must produce for one module: the `str::lines` reading of the code.
    fn reference(name: &str, code: &str) -> String {
        let (docs, rest): (Vec<&str>, Vec<&str>) = code.lines().partition(|l| l.starts_with("//!"));
        let mut out = format!(
            "#[allow(dead_code, unused_imports, unused_unsafe, clippy::all)]\npub mod {name} {{\n"
        );
        for line in docs {
            out.push_str(line);
            out.push('\n');
        }
        out.push_str("use ::knit_rt as _rt;\n");
        for line in rest {
            out.push_str(line);
            out.push('\n');
        }
        out.push_str("}\n");
        out
    }

    #[test]
    fn plain_names_convert_like_the_general_conversion() {
        use knit_bindgen_core::names::{Case, Language, ident};
        for name in [
            "a",
            "new",
            "get",
            "type",
            "self",
            "fields",
            "to-owned",
            "a-b-c",
            "http-error-code",
            "x",
            "move",
            "async",
            "dns-error-payload",
            "ok",
            "err",
            "some",
            "none",
            "result",
            "DNS-timeout",
            "HTTP-request-URI-too-long",
            "TLS-alert-received",
            "a-B-c",
            "ABC",
            "SELF",
            "TYPE",
            "I-O",
        ] {
            for case in [Case::Snake, Case::UpperCamel] {
                let fast = super::plain_kebab_case(name, case)
                    .map(|c| knit_bindgen_core::names::escape(Language::Rust, &c));
                assert_eq!(
                    fast,
                    Some(ident(Language::Rust, name, case)),
                    "{name} {case:?}"
                );
            }
        }
        for name in [
            "", "-a", "a-", "a--b", "a1", "Ab-c", "ab-c2", "é", "aB", "Self",
        ] {
            assert_eq!(super::plain_kebab_case(name, Case::Snake), None, "{name}");
        }
    }

    #[test]
    fn modules_put_inner_docs_first_like_str_lines() {
        for code in [
            "",
            "\n",
            "fn a() {}",
            "//! docs\n//! more\nfn a() {}\n",
            "fn a() {}\n//! late docs\n\nfn b() {}",
            "//! only docs",
            "x\n//! d\n",
            "a\r\n//! d\r\nb\r\n",
        ] {
            let mut tree = ModuleTree::default();
            tree.insert(&["m".to_string()], code.to_string());
            let mut out = super::Sink::plain(String::new());
            tree.render_children(&mut out, "::knit_rt");
            assert_eq!(out.finish(), reference("m", code), "{code:?}");
        }
    }
}
