//! knit's Go guest binding generator, for mainline Go (1.24 or newer) on `GOOS=wasip1 GOARCH=wasm`.
//!
//! [`generate`] turns a resolved world into Go packages: one per imported interface, one per
//! exported interface (under `exports/`), one for the world itself, and `cm`, the runtime every
//! generated package uses (the allocator the host calls, string and list helpers, and the generic
//! `Option`, `Result` and `Tuple` types). Everything builds offline with the standard library only.
//! Every function goes through the canonical-ABI plan of `knit-bindgen-core`; this crate only
//! renders it as Go, with `//go:wasmimport` for imports and `//go:wasmexport` for exports.
//!
//! # How the user implements exports
//!
//! Each package with exports declares an `Exports` interface (one method per exported function,
//! `New<Resource>` per resource constructor, `<Resource><Static>` per static function) and a
//! `SetExports` function. The user implements the interface with any type and registers it once,
//! from an `init` function of their `main` package:
//!
//! ```go
//! type component struct{}
//! func (component) Greet(name string) string { return "hello, " + name }
//! func init() { mypkg.SetExports(component{}) }
//! ```
//!
//! Exported resources are Go interfaces the user's values implement; a value that also has a
//! `Drop()` method is told when the host drops its last handle. With [`Options::stubs`], every
//! exports package also gets a `Stub` implementation (each method panics) registered from `init`,
//! so a world builds and links before any code is written; the user's own `SetExports` call, made
//! later from package `main`, replaces it.

mod emit;
mod exports;
mod format;
mod functions;
mod layout;
mod resources;
mod types;

use anyhow::Result;
use knit_bindgen_core::Files;
use knit_bindgen_core::abi::Abi;
use knit_bindgen_core::names::{Case, Language, ident};
use knit_bindgen_core::walk::{Backend, Scope, Side};
use layout::{Layout, Pkg};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use wit_parser::{Docs, Function, Resolve, TypeId, WorldId, WorldKey};

/// The version of knit that generated the code, stamped into every file.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The oldest Go release the generated code builds with (`go:wasmexport` arrived in 1.24).
pub const MIN_GO_VERSION: (u32, u32) = (1, 24);

/// Generation options.
#[derive(Debug, Clone)]
pub struct Options {
    /// The Go import path of the output folder: generated packages import each other as
    /// `<import_path>/<folder>`. For example `example.com/app/bindings`.
    pub import_path: String,
    /// Also write a `Stub` implementation of every exports package, registered from `init`.
    pub stubs: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            import_path: "bindings".to_string(),
            stubs: false,
        }
    }
}

/// Generates Go guest bindings for `world`: a map from file path (relative to the output folder)
/// to contents.
pub fn generate(resolve: &Resolve, world: WorldId, options: &Options) -> Result<Files> {
    if options.import_path.is_empty() || options.import_path.contains(char::is_whitespace) {
        anyhow::bail!("the Go import path `{}` is not valid", options.import_path);
    }
    let mut generator = Generator::new(resolve, world, options);
    generator.generate()?;
    Ok(generator.finish())
}

/// The code of one package, as it is being generated.
#[derive(Default)]
pub(crate) struct PkgCode {
    /// The package doc comment lines (without `//`).
    docs: String,
    /// Declarations, in order.
    code: String,
}

/// State of one generation run.
pub(crate) struct Generator<'a> {
    pub resolve: &'a Resolve,
    pub world: WorldId,
    pub opts: &'a Options,
    pub abi: Abi<'a>,
    pub layout: Layout,
    /// Package being rendered: type references from it are qualified relative to it.
    pub current: std::cell::Cell<Pkg>,
    /// Packages the current package imports (by folder).
    pub imports: RefCell<BTreeSet<String>>,
    /// Package-level declarations emitted while rendering function bodies (`go:wasmimport` stubs,
    /// return areas), for the current package.
    pub decls: RefCell<String>,
    /// Package-level names taken, per package.
    pub taken: RefCell<BTreeMap<Pkg, BTreeSet<String>>>,
    /// Tuple arities used anywhere (the runtime defines `Tuple<N>` for each).
    pub tuples: RefCell<BTreeSet<usize>>,
    /// Go names of every named type, by declaring package.
    pub type_names: RefCell<std::collections::HashMap<(Pkg, wit_parser::TypeId), types::TypeNames>>,
    code: BTreeMap<Pkg, PkgCode>,
    /// Imports of every package, accumulated over the run (a package can be rendered in parts).
    all_imports: BTreeMap<Pkg, BTreeSet<String>>,
    /// Code of the scope being walked, moved into its package when the scope ends.
    scope_code: String,
    /// The world key of the interface scope being walked.
    pub current_key: Option<WorldKey>,
}

impl<'a> Generator<'a> {
    fn new(resolve: &'a Resolve, world: WorldId, opts: &'a Options) -> Self {
        let layout = Layout::new(resolve, world);
        Generator {
            resolve,
            world,
            opts,
            abi: Abi::new(resolve, world),
            current: std::cell::Cell::new(Pkg::World),
            imports: RefCell::new(BTreeSet::new()),
            decls: RefCell::new(String::new()),
            taken: RefCell::new(BTreeMap::new()),
            tuples: RefCell::new(BTreeSet::new()),
            type_names: RefCell::new(std::collections::HashMap::new()),
            code: BTreeMap::new(),
            all_imports: BTreeMap::new(),
            scope_code: String::new(),
            current_key: None,
            layout,
        }
    }

    /// Claims a package-level name in `pkg`: `want`, or `want` followed by `_` until it is free.
    pub fn claim(&self, pkg: Pkg, want: &str) -> String {
        let mut taken = self.taken.borrow_mut();
        let set = taken.entry(pkg).or_default();
        let mut name = want.to_string();
        while set.contains(&name) {
            name.push('_');
        }
        set.insert(name.clone());
        name
    }

    /// Records that the current package uses the runtime and returns its qualifier (`cm.`).
    pub fn cm(&self) -> &'static str {
        self.imports.borrow_mut().insert("cm".to_string());
        "cm."
    }

    /// `name` as seen from the current package, for a name declared in `pkg`.
    pub fn qualify(&self, pkg: Pkg, name: &str) -> String {
        if pkg == self.current.get() {
            return name.to_string();
        }
        let dir = self.layout.dir(pkg).to_string();
        let alias = layout::alias(&dir);
        self.imports.borrow_mut().insert(dir);
        format!("{alias}.{name}")
    }

    fn begin(&mut self, pkg: Pkg) {
        self.current.set(pkg);
        self.imports.borrow_mut().clear();
        self.decls.borrow_mut().clear();
    }

    /// Moves what `begin` started into the package's code.
    fn end(&mut self, code: String, docs: String) {
        let pkg = self.current.get();
        let decls = std::mem::take(&mut *self.decls.borrow_mut());
        let entry = self.code.entry(pkg).or_default();
        if !docs.is_empty() && entry.docs.is_empty() {
            entry.docs = docs;
        }
        entry.code.push_str(&code);
        entry.code.push_str(&decls);
        let used = self.imports.borrow().clone();
        self.all_imports.entry(pkg).or_default().extend(used);
    }

    fn generate(&mut self) -> Result<()> {
        self.claim_type_names();
        knit_bindgen_core::walk::walk(self.resolve, self.world, self)
    }

    /// The package a scope's items are written to.
    fn scope_pkg(&self, scope: Scope<'_>) -> Pkg {
        match scope {
            Scope::World(_) => Pkg::World,
            Scope::Interface(site) => self.layout.of_key(site.side == Side::Export, site.key),
        }
    }

    /// Assembles every package into files.
    fn finish(self) -> Files {
        let mut files = Files::new();
        files.insert(
            "cm/cm.go",
            format!("{}{}", header(), include_str!("runtime/cm.go")),
        );
        files.insert(
            "cm/types.go",
            format!("{}{}", header(), include_str!("runtime/types.go")),
        );
        let tuples = self.tuples.borrow();
        if !tuples.is_empty() {
            files.insert(
                "cm/tuples.go",
                format!("{}{}", header(), types::tuple_source(&tuples)),
            );
        }
        let all_imports = &self.all_imports;
        for (pkg, code) in &self.code {
            let dir = self.layout.dir(*pkg).to_string();
            let name = self.layout.name(*pkg).to_string();
            let mut imports = all_imports.get(pkg).cloned().unwrap_or_default();
            // The runtime qualifier is handed out eagerly; import it by name only where it is used.
            if !uses_qualifier(&code.code, "cm") {
                imports.remove("cm");
            }
            let mut out = header();
            if code.docs.is_empty() {
                let what = match pkg {
                    Pkg::World => format!("world `{}`", self.resolve.worlds[self.world].name),
                    Pkg::Import(..) => {
                        format!("the imported interface `{}`", self.layout.wit_name(*pkg))
                    }
                    Pkg::Export(..) => {
                        format!("the exported interface `{}`", self.layout.wit_name(*pkg))
                    }
                };
                let _ = writeln!(out, "// Package {name} holds the bindings of {what}.");
            } else {
                let _ = write!(out, "// Package {name}:\n//\n");
                out.push_str(&code.docs);
            }
            let _ = writeln!(out, "package {name}\n");
            out.push_str(&import_block(&self.opts.import_path, &imports, true));
            out.push_str(&code.code);
            let out = format::indent(&out);
            let file = format!("{dir}/{}.go", dir.rsplit('/').next().unwrap_or(&dir));
            files.insert(file, out);
        }
        files
    }
}

impl<'a> Backend<'a> for Generator<'a> {
    fn begin(&mut self, scope: Scope<'a>) -> Result<()> {
        // The world package always exists: it documents the world and links the runtime.
        self.current_key = scope.key().cloned();
        let pkg = self.scope_pkg(scope);
        Generator::begin(self, pkg);
        self.scope_code.clear();
        Ok(())
    }

    fn define_type(&mut self, scope: Scope<'a>, id: TypeId) -> Result<()> {
        let code = self.type_definition(id, scope.exporting());
        self.scope_code.push_str(&code);
        Ok(())
    }

    fn import_function(&mut self, scope: Scope<'a>, func: &'a Function) -> Result<()> {
        let code = Generator::import_function(self, scope.key(), func)?;
        self.scope_code.push_str(&code);
        Ok(())
    }

    fn export_functions(
        &mut self,
        scope: Scope<'a>,
        funcs: &[&'a Function],
        resources: &[TypeId],
    ) -> Result<()> {
        let pkg = self.scope_pkg(scope);
        let code = Generator::export_functions(self, pkg, scope.key(), funcs, resources)?;
        self.scope_code.push_str(&code);
        Ok(())
    }

    fn end(&mut self, scope: Scope<'a>) -> Result<()> {
        let docs = match scope {
            Scope::World(Side::Import) => &self.resolve.worlds[self.world].docs,
            Scope::World(Side::Export) => &Docs::default(),
            Scope::Interface(site) => &self.resolve.interfaces[site.id].docs,
        };
        let mut text = String::new();
        push_docs(&mut text, docs);
        let code = std::mem::take(&mut self.scope_code);
        Generator::end(self, code, text);
        Ok(())
    }
}

/// The `import (...)` block of a generated package. The runtime is always imported (blank when
/// unused) so that `cabi_realloc` is linked into every program that uses the bindings.
fn import_block(prefix: &str, dirs: &BTreeSet<String>, always_cm: bool) -> String {
    let mut lines = Vec::new();
    if always_cm && !dirs.contains("cm") {
        lines.push(format!("\t_ \"{prefix}/cm\""));
    }
    for dir in dirs {
        if let Some(std) = dir.strip_prefix("std:") {
            lines.push(format!("\t{std:?}"));
            continue;
        }
        let alias = if dir == "cm" {
            "cm".to_string()
        } else {
            layout::alias(dir)
        };
        lines.push(format!("\t{alias} \"{prefix}/{dir}\""));
    }
    format!("import (\n{}\n)\n\n", lines.join("\n"))
}

/// Whether `code` refers to `qualifier.` as a package qualifier (not as the end of a longer name).
fn uses_qualifier(code: &str, qualifier: &str) -> bool {
    let needle = format!("{qualifier}.");
    code.match_indices(&needle).any(|(i, _)| {
        i == 0 || !code.as_bytes()[i - 1].is_ascii_alphanumeric() && code.as_bytes()[i - 1] != b'_'
    })
}

/// The first lines of every generated file (Go's marker for generated code).
fn header() -> String {
    format!("// Code generated by knit {VERSION}. DO NOT EDIT.\n\n")
}

/// Appends WIT docs as `//` comment lines.
pub(crate) fn push_docs(out: &mut String, docs: &Docs) {
    push_docs_indented(out, docs, "");
}

/// Appends WIT docs as `//` comment lines with an indent.
pub(crate) fn push_docs_indented(out: &mut String, docs: &Docs, indent: &str) {
    for line in knit_bindgen_core::walk::doc_lines(docs) {
        if line.is_empty() {
            let _ = writeln!(out, "{indent}//");
        } else {
            let _ = writeln!(out, "{indent}// {line}");
        }
    }
}

/// A Go identifier for a WIT name in the given case.
pub(crate) fn go_ident(name: &str, case: Case) -> String {
    ident(Language::Go, name, case)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_block_always_links_the_runtime() {
        let none = import_block("x.org/b", &BTreeSet::new(), true);
        assert!(none.contains("_ \"x.org/b/cm\""), "{none}");
        let used: BTreeSet<String> = ["cm".to_string(), "a/b/c".to_string()].into();
        let block = import_block("x.org/b", &used, true);
        assert!(block.contains("\tcm \"x.org/b/cm\""), "{block}");
        assert!(block.contains("\ta_b_c \"x.org/b/a/b/c\""), "{block}");
    }

    #[test]
    fn qualifiers_are_whole_names() {
        assert!(uses_qualifier("x := cm.Some(1)", "cm"));
        assert!(!uses_qualifier("x := a_cm.Some(1)", "cm"));
    }

    #[test]
    fn docs_become_line_comments() {
        let mut out = String::new();
        push_docs(
            &mut out,
            &Docs {
                contents: Some("one\n\ntwo\n".into()),
            },
        );
        assert_eq!(out, "// one\n//\n// two\n");
    }
}
