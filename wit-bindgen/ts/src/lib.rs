//! knit's TypeScript declaration generator for JavaScript guests.
//!
//! [`generate`] turns a resolved world into TypeScript declarations in the shape of jco's guest
//! types (`jco guest-types`), so jco's documentation and examples apply:
//!
//! * `interfaces/<ns>-<pkg>-<iface>.d.ts` per interface the world imports or exports, holding
//!   `declare module 'ns:pkg/iface@1.0.0' { ... }`: its types, its functions and its resources
//!   as classes. For an imported interface these are what the guest imports from the engine; for
//!   an exported one, what the guest module must export under the interface's name;
//! * `<world>.d.ts`, holding `declare module 'ns:pkg/world' { ... }`: the world's own types, the
//!   imported interfaces as type-only namespaces (`export type * as ...`), the exported
//!   interfaces as the names the guest module exports them under (`export * as iface from ...`)
//!   and the world's own exported functions; then the world's own imported functions, the way the
//!   engine offers them;
//! * with [`Options::stubs`], `<world>.stub.ts`: a guest module implementing every export with a
//!   body that throws `Error("not implemented: ...")`, checked against the declarations.
//!
//! The mapping follows the engine that runs the guest ([`Engine`]): StarlingMonkey
//! (ComponentizeJS, jco) or QuickJS (componentize-qjs), which differ for 64-bit integers,
//! `option` and numeric lists. The crate's README has the table.
//!
//! # Errors
//!
//! A function returning `result<T, E>` returns `T` and throws on `err`, on both engines:
//!
//! * calling an import: the engine throws an `Error` whose `payload` property is the error value
//!   (on StarlingMonkey a `ComponentError` from the bindings' realm: not `instanceof Error`);
//! * implementing an export: throw an object whose own `payload` property is the error value
//!   (`Object.assign(new Error(message), { payload })`), or the error value itself when it is not
//!   an `Error`. Any other `Error` traps (QuickJS takes its message when `E` is `string`).
//!
//! The generator only renders text: no processes, no disk. Output is deterministic.

mod docs;
mod functions;
mod layout;
mod stub;
mod types;

use anyhow::Result;
use knit_bindgen_core::Files;
use knit_bindgen_core::names::{Case, Language, ident};
use knit_bindgen_core::walk::{Backend, Scope, Side};
use layout::{Layout, WORLD};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use wit_parser::{Function, Resolve, TypeDefKind, TypeId, WorldId};

/// The version of knit that generated the declarations, stamped into every file.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The JavaScript engine that runs the guest; the engines pass some values differently.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Engine {
    /// SpiderMonkey through StarlingMonkey, as ComponentizeJS (and `jco componentize`) embed
    /// it: `u64`/`s64` are `bigint`, `option` none is `undefined`, numeric lists are typed
    /// arrays.
    #[default]
    StarlingMonkey,
    /// QuickJS as componentize-qjs embeds it: `u64`/`s64` are `number`, `option` none is
    /// `null`, only `list<u8>` and `list<s8>` are typed arrays.
    QuickJs,
}

impl Engine {
    /// A human-readable name, as written in the generated files.
    pub fn name(self) -> &'static str {
        match self {
            Engine::StarlingMonkey => "StarlingMonkey (ComponentizeJS)",
            Engine::QuickJs => "QuickJS (componentize-qjs)",
        }
    }
}

/// Generation options.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The engine the declarations describe.
    pub engine: Engine,
    /// Also write `<world>.stub.ts`, a guest module implementing every export with a body that
    /// throws, checked against the declarations.
    pub stubs: bool,
}

/// Generates the TypeScript declarations of `world`: a map from file path (relative to the
/// output folder) to contents.
pub fn generate(resolve: &Resolve, world: WorldId, options: &Options) -> Result<Files> {
    let mut generator = Generator::new(resolve, world, options)?;
    knit_bindgen_core::walk::walk(resolve, world, &mut generator)?;
    Ok(generator.finish())
}

/// Where a type is written, which decides how named types are spelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Site {
    /// Inside the ambient module of this index: its own types by name, others through
    /// `import('<spec>').Name`.
    Module(usize),
    /// Outside every module (the world's imported functions): `import('<spec>').Name`.
    Foreign,
    /// In the stub: `<alias>.Name`, the stub importing each module as `<alias>`; implementing
    /// the exported interface of this module, when there is one (whose types it then names).
    Stub(Option<usize>),
}

/// The declarations of one module, as they are being generated.
#[derive(Default)]
pub(crate) struct ModuleCode {
    /// Types and functions, in walk order.
    pub body: String,
    /// Resource classes, in definition order (written after the body, as jco does).
    pub classes: Vec<functions::Class>,
    /// Whether a scope already wrote the module (an interface imported and exported under one
    /// key is declared once).
    pub written: bool,
}

/// State of one generation run.
pub(crate) struct Generator<'a> {
    pub resolve: &'a Resolve,
    pub world: WorldId,
    pub opts: &'a Options,
    pub layout: Layout,
    /// One entry per module of the layout.
    pub code: Vec<ModuleCode>,
    /// The world's own imported functions and resources, the way the engine offers them.
    pub world_imports: String,
    /// The stub's body, in walk order.
    pub stub: String,
    /// Per shared export name ([`Layout::shared`]): the types that make up its declaration.
    pub shared_types: BTreeMap<String, Vec<String>>,
    /// Per shared export name: the stub's parts (the function first, then objects).
    pub stub_shared: BTreeMap<String, Vec<String>>,
    /// Modules each module refers to through `import('<spec>')` (for `/// <reference>`).
    pub refs: RefCell<BTreeMap<usize, BTreeSet<usize>>>,
    /// Modules the stub refers to through their alias.
    pub stub_uses: RefCell<BTreeSet<usize>>,
    /// The module the current scope writes to, and whether it writes (false when an earlier
    /// scope already wrote it).
    current: (usize, bool),
}

impl<'a> Generator<'a> {
    fn new(resolve: &'a Resolve, world: WorldId, opts: &'a Options) -> Result<Self> {
        let layout = Layout::new(resolve, world, opts.engine)?;
        let code = layout
            .modules
            .iter()
            .map(|_| ModuleCode::default())
            .collect();
        Ok(Generator {
            resolve,
            world,
            opts,
            layout,
            code,
            world_imports: String::new(),
            stub: String::new(),
            shared_types: BTreeMap::new(),
            stub_shared: BTreeMap::new(),
            refs: RefCell::new(BTreeMap::new()),
            stub_uses: RefCell::new(BTreeSet::new()),
            current: (WORLD, true),
        })
    }

    /// Whether the engine is StarlingMonkey.
    pub fn sm(&self) -> bool {
        self.opts.engine == Engine::StarlingMonkey
    }

    /// Assembles every module into files.
    fn finish(mut self) -> Files {
        let shared = self.shared_declarations();
        self.code[WORLD].body.push_str(&shared);
        let mut files = Files::new();
        let refs = self.refs.borrow();
        for (index, module) in self.layout.modules.iter().enumerate().skip(1) {
            let mut out = header(self.opts.engine);
            for other in refs.get(&index).into_iter().flatten() {
                let file = &self.layout.modules[*other].file;
                let path = match file.strip_prefix("interfaces/") {
                    Some(sibling) => format!("./{sibling}"),
                    None => format!("../{file}"),
                };
                let _ = writeln!(out, "/// <reference path=\"{path}\" />");
            }
            let iface = &self.resolve.interfaces[module.iface.expect("an interface module")];
            let mut lines: Vec<String> = docs::lines(&iface.docs);
            if !lines.is_empty() {
                lines.push(String::new());
            }
            lines.extend(docs::module_role(module));
            docs::push(&mut out, "", lines);
            out.push_str(&self.module_block(index));
            files.insert(module.file.clone(), out);
        }
        files.insert(self.layout.modules[WORLD].file.clone(), self.world_file());
        if self.opts.stubs {
            let name = &self.resolve.worlds[self.world].name;
            files.insert(format!("{name}.stub.ts"), self.stub_file());
        }
        files
    }

    /// `declare module '<spec>' { ... }` of a module: its body, then its classes.
    fn module_block(&self, index: usize) -> String {
        let code = &self.code[index];
        let mut out = format!(
            "declare module '{}' {{\n  export {{}};\n",
            self.layout.modules[index].spec
        );
        out.push_str(&code.body);
        for class in &code.classes {
            out.push_str(&class.render(self));
        }
        out.push_str("}\n");
        out
    }

    /// `<world>.d.ts`: references to every interface module, the world module, then the
    /// world's own imported functions.
    fn world_file(&self) -> String {
        let mut out = header(self.opts.engine);
        for module in &self.layout.modules[1..] {
            let _ = writeln!(out, "/// <reference path=\"./{}\" />", module.file);
        }
        let w = &self.resolve.worlds[self.world];
        let mut lines = docs::lines(&w.docs);
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.extend(docs::world_role(self.opts.engine));
        docs::push(&mut out, "", lines);
        out.push_str(&self.module_block(WORLD));
        out.push_str(&self.world_imports);
        out
    }
}

impl<'a> Backend<'a> for Generator<'a> {
    fn begin(&mut self, scope: Scope<'a>) -> Result<()> {
        let index = match scope.key() {
            Some(key) => self.layout.of_key(key),
            None => WORLD,
        };
        let writes = match scope {
            // The world module holds the imported world types and, later, the exports.
            Scope::World(_) => true,
            Scope::Interface(_) => !self.code[index].written,
        };
        self.current = (index, writes);
        if let (Scope::Interface(_), true) = (scope, writes) {
            self.code[index].written = true;
            if scope.side() == Side::Import {
                self.world_import_interface(index);
            }
        }
        if let Scope::Interface(site) = scope
            && site.side == Side::Export
        {
            self.world_export_interface(index);
        }
        Ok(())
    }

    fn define_type(&mut self, _scope: Scope<'a>, id: TypeId) -> Result<()> {
        let (index, writes) = self.current;
        if !writes {
            return Ok(());
        }
        if let TypeDefKind::Resource = self.resolve.types[id].kind {
            let class = functions::Class::new(self, index, id);
            if index == WORLD && !self.sm() {
                self.world_global_class(&class);
            }
            self.code[index].classes.push(class);
            return Ok(());
        }
        let code = self.type_definition(index, id)?;
        self.code[index].body.push_str(&code);
        Ok(())
    }

    fn import_function(&mut self, scope: Scope<'a>, func: &'a Function) -> Result<()> {
        let (index, writes) = self.current;
        if !writes {
            return Ok(());
        }
        if let Some(resource) = knit_bindgen_core::abi::resource_of(func) {
            let member = self.class_member(index, func, true);
            self.class_mut(index, resource).add(func, &member);
        } else if let Scope::World(_) = scope {
            let code = self.world_import_function(func);
            self.world_imports.push_str(&code);
        } else {
            let code = self.module_function(index, func, true);
            self.code[index].body.push_str(&code);
        }
        Ok(())
    }

    fn export_functions(
        &mut self,
        scope: Scope<'a>,
        funcs: &[&'a Function],
        resources: &[TypeId],
    ) -> Result<()> {
        let (index, writes) = self.current;
        if writes {
            for func in funcs {
                if let Some(resource) = knit_bindgen_core::abi::resource_of(func) {
                    let member = self.class_member(index, func, false);
                    self.class_mut(index, resource).add(func, &member);
                } else if index == WORLD && self.layout.shared.contains(&runtime_name(func)) {
                    let ty = format!("({})", self.function_type(func, Site::Module(WORLD)));
                    let types = self.shared_types.entry(runtime_name(func)).or_default();
                    types.insert(0, ty);
                } else {
                    let code = self.module_function(index, func, false);
                    self.code[index].body.push_str(&code);
                }
            }
        }
        let stub = match scope {
            Scope::World(_) => self.stub_world_functions(funcs),
            Scope::Interface(site) => self.stub_interface(index, site.key, funcs, resources),
        };
        self.stub.push_str(&stub);
        Ok(())
    }
}

impl Generator<'_> {
    /// The class of resource `id` in module `index`.
    fn class_mut(&mut self, index: usize, id: TypeId) -> &mut functions::Class {
        let at = match self.code[index].classes.iter().position(|c| c.id == id) {
            Some(at) => at,
            None => {
                // A resource defined elsewhere (cannot happen for a well-formed world); keep
                // its members rather than lose them.
                let class = functions::Class::new(self, index, id);
                self.code[index].classes.push(class);
                self.code[index].classes.len() - 1
            }
        };
        &mut self.code[index].classes[at]
    }

    /// The world module's line for an imported interface: a type-only namespace.
    fn world_import_interface(&mut self, index: usize) {
        let module = &self.layout.modules[index];
        let alias = &module.stub_alias;
        let line = format!(
            "  export type * as {alias} from '{}'; // import {}\n",
            module.spec, module.spec
        );
        self.code[WORLD].body.push_str(&line);
    }

    /// The world module's line for an exported interface: the name the guest exports it as.
    fn world_export_interface(&mut self, index: usize) {
        let module = &self.layout.modules[index];
        let name = module
            .export_name
            .as_deref()
            .expect("exported interfaces are named");
        if self.layout.shared.contains(name) {
            let ty = format!("typeof import('{}')", module.spec);
            self.shared_types
                .entry(name.to_string())
                .or_default()
                .push(ty);
            return;
        }
        let name = if layout::is_identifier_name(name) {
            name.to_string()
        } else {
            format!("'{name}'")
        };
        let line = format!(
            "  export * as {name} from '{}'; // export {}\n",
            module.spec, module.spec
        );
        self.code[WORLD].body.push_str(&line);
    }
}

impl Generator<'_> {
    /// The world module's declarations of shared export names: one value of the intersection
    /// of the function's type and the interfaces' module types.
    fn shared_declarations(&self) -> String {
        let mut out = String::new();
        for (name, types) in &self.shared_types {
            docs::push(
                &mut out,
                "  ",
                vec![format!(
                    "QuickJS finds these exports as the guest module's `{name}`: one value holds them all."
                )],
            );
            if layout::is_plain_ident(name) {
                let _ = writeln!(out, "  export const {name}: {};", types.join(" & "));
            } else {
                let _ = writeln!(out, "  const {name}_: {};", types.join(" & "));
                let _ = writeln!(out, "  export {{ {name}_ as {name} }};");
            }
        }
        out
    }
}

/// The name the engines give a freestanding function: lowerCamelCase, unescaped.
pub(crate) fn runtime_name(func: &Function) -> String {
    knit_bindgen_core::names::convert_case(&func.name, Case::LowerCamel)
}

/// The first lines of every generated file.
pub(crate) fn header(engine: Engine) -> String {
    format!(
        "// Generated by knit {VERSION} (knit-bindgen-ts) for {}. DO NOT EDIT.\n\n",
        engine.name()
    )
}

/// A TypeScript type name for a WIT name: UpperCamelCase, escaped when it would hide a global
/// the declarations use (`Array`, `Uint8Array`, `Symbol`, ...).
pub(crate) fn type_ident(wit_name: &str) -> String {
    let name = ident(Language::TypeScript, wit_name, Case::UpperCamel);
    if types::GLOBALS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

/// The names a guest module of `world` must export on `engine`: one per exported interface (the
/// name the engine looks it up by) and one per exported world function, sorted and without
/// duplicates (QuickJS finds exports that share a name on one value). Build tools check a guest's
/// exports against this list before handing it to the engine.
pub fn guest_exports(resolve: &Resolve, world: WorldId, engine: Engine) -> Result<Vec<String>> {
    let layout = Layout::new(resolve, world, engine)?;
    let mut names: BTreeSet<String> = layout
        .modules
        .iter()
        .filter_map(|m| m.export_name.clone())
        .collect();
    for (key, item) in &resolve.worlds[world].exports {
        if let wit_parser::WorldItem::Function(_) = item {
            let name = resolve.name_world_key(key);
            names.insert(knit_bindgen_core::names::convert_case(
                &name,
                Case::LowerCamel,
            ));
        }
    }
    Ok(names.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_never_hide_globals() {
        assert_eq!(type_ident("point"), "Point");
        assert_eq!(type_ident("array"), "Array_");
        assert_eq!(type_ident("symbol"), "Symbol_");
        assert_eq!(type_ident("uint8-array"), "Uint8Array_");
        assert_eq!(type_ident("class"), "Class");
    }

    fn files(src: &str, engine: Engine) -> BTreeMap<String, String> {
        let mut resolve = Resolve::default();
        let pkg = resolve.push_str("test.wit", src).unwrap();
        let world = resolve.select_world(&[pkg], None).unwrap();
        let options = Options {
            engine,
            stubs: true,
        };
        let files = generate(&resolve, world, &options).unwrap();
        files
            .iter()
            .map(|(p, c)| (p.to_string(), String::from_utf8(c.to_vec()).unwrap()))
            .collect()
    }

    fn assert_contains(text: &str, wants: &[&str]) {
        for want in wants {
            assert!(text.contains(want), "missing `{want}` in\n{text}");
        }
    }

    const SRC: &str = "package a:b;
        interface i {
            resource r { constructor(x: u32); get: func() -> u32; make: static func() -> r; }
            delete: func(in: u32);
        }
        interface e {
            resource s { peek: func() -> string; }
            take: func(s: s) -> result<u32, string>;
        }
        world w {
            import i;
            export e;
            import log: func(msg: string);
            export run: func();
            export %interface: func();
        }";

    #[test]
    fn starlingmonkey_files() {
        let files = files(SRC, Engine::StarlingMonkey);
        let names: Vec<&str> = files.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            [
                "interfaces/a-b-e.d.ts",
                "interfaces/a-b-i.d.ts",
                "w.d.ts",
                "w.stub.ts"
            ]
        );
        assert_contains(
            &files["interfaces/a-b-i.d.ts"],
            &[
                "declare module 'a:b/i' {\n  export {};\n",
                "  function delete_(in_: number): void;\n  export { delete_ as delete };\n",
                "  export class R implements Disposable {\n",
                "    constructor(x: number);\n",
                "    static make(): R;\n",
                "    [Symbol.dispose](): void;\n",
            ],
        );
        assert_contains(
            &files["interfaces/a-b-e.d.ts"],
            &[
                "  export class S {\n",
                "    private constructor(...args: never[]);\n",
                "    [Symbol.dispose]?(): void;\n",
                "  export function take(s: S): number;\n",
                "@throws To return `err`, throw `{ payload: e }` (e: `string`)",
            ],
        );
        assert_contains(
            &files["w.d.ts"],
            &[
                "/// <reference path=\"./interfaces/a-b-i.d.ts\" />",
                "  export type * as ABI from 'a:b/i'; // import a:b/i\n",
                "  export * as e from 'a:b/e'; // export a:b/e\n",
                "  export function run(): void;\n",
                "  function interface_(): void;\n  export { interface_ as interface };\n",
                "declare module 'log' {\n  export default function log(msg: string): void;\n}\n",
            ],
        );
        assert_contains(
            &files["w.stub.ts"],
            &[
                "import type * as W from 'a:b/w';\n",
                "export const e: typeof W.e = {\n",
                "  take(s: ABE.S): number {\n    throw new Error(\"not implemented: a:b/e#take\");\n  },\n",
                "  S: class {\n    peek(): string {\n",
                "run satisfies typeof W.run;\n",
                "function interface_(): void {\n  throw new Error(\"not implemented: interface\");\n}\nexport { interface_ as interface };\ninterface_ satisfies typeof W.interface;\n",
            ],
        );
    }

    #[test]
    fn quickjs_files() {
        let files = files(SRC, Engine::QuickJs);
        let i = &files["interfaces/a-b-i.d.ts"];
        assert_contains(i, &["  export class R {\n"]);
        assert!(!i.contains("Symbol.dispose"), "{i}");
        let e = &files["interfaces/a-b-e.d.ts"];
        assert!(!e.contains("Symbol.dispose"), "{e}");
        assert_contains(
            &files["w.d.ts"],
            &["\ndeclare function log(msg: string): void;\n"],
        );
    }

    #[test]
    fn header_names_the_engine() {
        assert!(header(Engine::QuickJs).contains("QuickJS"));
        assert!(header(Engine::StarlingMonkey).starts_with("// Generated by knit"));
    }
}
