//! WIT types as TypeScript types, per engine: references (`bigint`, `Uint8Array`,
//! `number | undefined`, `import('ns:pkg/iface').Point`) and the declarations of named types
//! (interfaces for records and flags, unions for enums and variants, aliases).

use crate::layout::WORLD;
use crate::{Generator, Site, docs, type_ident};
use anyhow::{Result, bail};
use knit_bindgen_core::names::{Case, convert_case};
use std::fmt::Write;
use wit_parser::{Handle, Result_, Type, TypeDefKind, TypeId, TypeOwner};

/// Globals the generated declarations refer to; a WIT type of one of these names is renamed
/// (`Array_`) so it cannot hide the global inside its module. (`Error` is not among them: the
/// declarations never refer to it, so WASI's `error` stays `Error`, as in jco.)
pub const GLOBALS: &[&str] = &[
    "Array",
    "Uint8Array",
    "Int8Array",
    "Uint16Array",
    "Int16Array",
    "Uint32Array",
    "Int32Array",
    "BigUint64Array",
    "BigInt64Array",
    "Float32Array",
    "Float64Array",
    "Symbol",
    "Disposable",
];

/// Globals the stub also refers to, which its module aliases must not hide.
pub const STUB_GLOBALS: &[&str] = &["Error", "Object"];

impl Generator<'_> {
    /// The TypeScript type of `ty` written at `site`.
    pub fn ty(&self, ty: &Type, site: Site) -> String {
        match ty {
            Type::Bool => "boolean".into(),
            Type::U8
            | Type::S8
            | Type::U16
            | Type::S16
            | Type::U32
            | Type::S32
            | Type::F32
            | Type::F64 => "number".into(),
            Type::U64 | Type::S64 if self.sm() => "bigint".into(),
            Type::U64 | Type::S64 => "number".into(),
            Type::Char | Type::String => "string".into(),
            // Rejected by the walk before any hook runs.
            Type::ErrorContext => "unknown".into(),
            Type::Id(id) => match self.resolve.types[*id].name {
                Some(_) => self.named(*id, site),
                None => self.kind(&self.resolve.types[*id].kind, site),
            },
        }
    }

    /// The structure of a type definition (what a named type is an alias of).
    fn kind(&self, kind: &TypeDefKind, site: Site) -> String {
        match kind {
            TypeDefKind::Type(t) => self.ty(t, site),
            TypeDefKind::Tuple(t) => {
                let items: Vec<String> = t.types.iter().map(|t| self.ty(t, site)).collect();
                format!("[{}]", items.join(", "))
            }
            TypeDefKind::Option(t) => self.option(t, site),
            TypeDefKind::Result(r) => self.result_union(r, site),
            TypeDefKind::List(t) => self.list(t, site),
            TypeDefKind::Handle(Handle::Own(r) | Handle::Borrow(r)) => self.named(*r, site),
            // Named kinds never reach here anonymously; the rest is rejected by the walk.
            _ => "unknown".into(),
        }
    }

    /// A named type as seen from `site`.
    pub fn named(&self, id: TypeId, site: Site) -> String {
        let def = &self.resolve.types[id];
        let wit_name = def.name.as_deref().unwrap_or("anonymous");
        let local = type_ident(wit_name);
        let owner = match def.owner {
            TypeOwner::Interface(iface) => {
                let from = match site {
                    Site::Module(m) | Site::Stub(Some(m)) => Some(m),
                    _ => None,
                };
                self.layout.of_interface(iface, from)
            }
            TypeOwner::World(_) => Some(WORLD),
            TypeOwner::None => None,
        };
        let Some(owner) = owner else {
            return local;
        };
        // A resource class is exported under the name the engine gives it; other types under
        // their local name.
        let exported = match def.kind {
            TypeDefKind::Resource => convert_case(wit_name, Case::UpperCamel),
            _ => local.clone(),
        };
        match site {
            Site::Module(m) if m == owner => local,
            Site::Module(m) => {
                self.refs.borrow_mut().entry(m).or_default().insert(owner);
                format!("import('{}').{exported}", self.layout.modules[owner].spec)
            }
            Site::Foreign => format!("import('{}').{exported}", self.layout.modules[owner].spec),
            Site::Stub(_) => {
                self.stub_uses.borrow_mut().insert(owner);
                format!("{}.{exported}", self.layout.modules[owner].stub_alias)
            }
        }
    }

    /// `option<t>`: `T | undefined` (StarlingMonkey) or `T | null` (QuickJS), tagged when the
    /// plain form would be ambiguous.
    fn option(&self, t: &Type, site: Site) -> String {
        let inner = self.ty(t, site);
        if self.option_is_tagged(t) {
            format!("{{ tag: 'none' }} | {{ tag: 'some', val: {inner} }}")
        } else if self.sm() {
            format!("{inner} | undefined")
        } else {
            format!("{inner} | null")
        }
    }

    /// Whether `option<payload>` is passed as `{ tag, val }`. ComponentizeJS (jco's
    /// `maybe_null`) tags it when the payload can itself be `undefined`; componentize-qjs when
    /// the payload is an `option` (through aliases). They differ from three levels of nesting.
    fn option_is_tagged(&self, payload: &Type) -> bool {
        if self.sm() {
            self.sm_nullable(payload).is_some()
        } else {
            matches!(self.dealias(payload), Some(TypeDefKind::Option(_)))
        }
    }

    /// jco's `as_nullable`: the payload when `ty` is an `option` passed as `T | undefined`.
    fn sm_nullable<'t>(&'t self, ty: &'t Type) -> Option<&'t Type> {
        let Type::Id(id) = ty else {
            return None;
        };
        match &self.resolve.types[*id].kind {
            TypeDefKind::Option(t) if self.sm_nullable(t).is_none() => Some(t),
            TypeDefKind::Type(t) => self.sm_nullable(t),
            _ => None,
        }
    }

    /// The payload of a record field that may be left out: `name?: T` (StarlingMonkey) or
    /// `name?: T | null` (QuickJS) instead of the full option type.
    fn optional_field<'t>(&'t self, ty: &'t Type) -> Option<&'t Type> {
        if self.sm() {
            return self.sm_nullable(ty);
        }
        match self.dealias(ty) {
            Some(TypeDefKind::Option(t))
                if !matches!(self.dealias(t), Some(TypeDefKind::Option(_))) =>
            {
                Some(t)
            }
            _ => None,
        }
    }

    /// The definition `ty` names, through aliases; `None` for a primitive.
    fn dealias<'t>(&'t self, ty: &Type) -> Option<&'t TypeDefKind> {
        let mut ty = *ty;
        loop {
            let Type::Id(id) = ty else {
                return None;
            };
            match &self.resolve.types[id].kind {
                TypeDefKind::Type(t) => ty = *t,
                kind => return Some(kind),
            }
        }
    }

    /// `result` outside a function's return: `{ tag: 'ok', val: T } | { tag: 'err', val: E }`.
    fn result_union(&self, r: &Result_, site: Site) -> String {
        let case = |tag: &str, ty: &Option<Type>| match ty {
            Some(t) => format!("{{ tag: '{tag}', val: {} }}", self.ty(t, site)),
            None => format!("{{ tag: '{tag}' }}"),
        };
        format!("{} | {}", case("ok", &r.ok), case("err", &r.err))
    }

    /// `list<t>`: a typed array where the engine passes one, `Array<T>` otherwise.
    fn list(&self, t: &Type, site: Site) -> String {
        match self.typed_array(t) {
            Some(array) => array.to_string(),
            None => format!("Array<{}>", self.ty(t, site)),
        }
    }

    /// The typed array a list of `elem` is passed as. ComponentizeJS (jco's `js_array_ty`) uses
    /// one for every numeric element type, through aliases; componentize-qjs lifts only
    /// `list<u8>` and `list<s8>` into one (and accepts typed arrays or arrays for the others).
    fn typed_array(&self, elem: &Type) -> Option<&'static str> {
        if !self.sm() {
            return match elem {
                Type::U8 => Some("Uint8Array"),
                Type::S8 => Some("Int8Array"),
                _ => None,
            };
        }
        match elem {
            Type::U8 => Some("Uint8Array"),
            Type::S8 => Some("Int8Array"),
            Type::U16 => Some("Uint16Array"),
            Type::S16 => Some("Int16Array"),
            Type::U32 => Some("Uint32Array"),
            Type::S32 => Some("Int32Array"),
            Type::U64 => Some("BigUint64Array"),
            Type::S64 => Some("BigInt64Array"),
            Type::F32 => Some("Float32Array"),
            Type::F64 => Some("Float64Array"),
            Type::Id(id) => match &self.resolve.types[*id].kind {
                TypeDefKind::Type(t) => self.typed_array(t),
                _ => None,
            },
            _ => None,
        }
    }

    /// When a function's return type is a `result` the engine turns into return-or-throw: its
    /// `ok` and `err` types. ComponentizeJS does so for a `result` written directly (named or
    /// not); componentize-qjs also through aliases.
    pub fn thrown_result(&self, result: Option<&Type>) -> Option<&Result_> {
        let ty = result?;
        if self.sm() {
            let Type::Id(id) = ty else {
                return None;
            };
            match &self.resolve.types[*id].kind {
                TypeDefKind::Result(r) => Some(r),
                _ => None,
            }
        } else {
            match self.dealias(ty) {
                Some(TypeDefKind::Result(r)) => Some(r),
                _ => None,
            }
        }
    }

    /// The declaration of named type `id` in module `index` (resources are classes, written
    /// by [`crate::functions`]).
    pub fn type_definition(&self, index: usize, id: TypeId) -> Result<String> {
        let def = &self.resolve.types[id];
        let site = Site::Module(index);
        let name = type_ident(def.name.as_deref().unwrap_or("anonymous"));
        let mut doc = docs::lines(&def.docs);
        let mut out = String::new();
        let body = match &def.kind {
            TypeDefKind::Record(record) => {
                docs::push(&mut out, "  ", doc);
                let _ = writeln!(out, "  export interface {name} {{");
                for field in &record.fields {
                    docs::push(&mut out, "    ", docs::lines(&field.docs));
                    let field_name = convert_case(&field.name, Case::LowerCamel);
                    match self.optional_field(&field.ty) {
                        Some(t) if self.sm() => {
                            let _ = writeln!(out, "    {field_name}?: {};", self.ty(t, site));
                        }
                        Some(t) => {
                            let _ =
                                writeln!(out, "    {field_name}?: {} | null;", self.ty(t, site));
                        }
                        None => {
                            let _ =
                                writeln!(out, "    {field_name}: {};", self.ty(&field.ty, site));
                        }
                    }
                }
                out.push_str("  }\n");
                return Ok(out);
            }
            TypeDefKind::Flags(flags) => {
                docs::push(&mut out, "  ", doc);
                let _ = writeln!(out, "  export interface {name} {{");
                for flag in &flags.flags {
                    docs::push(&mut out, "    ", docs::lines(&flag.docs));
                    let flag = convert_case(&flag.name, Case::LowerCamel);
                    let _ = writeln!(out, "    {flag}?: boolean;");
                }
                out.push_str("  }\n");
                return Ok(out);
            }
            TypeDefKind::Enum(e) => {
                push_cases(&mut doc, e.cases.iter().map(|c| (c.name.as_str(), &c.docs)));
                let cases: Vec<String> = e.cases.iter().map(|c| format!("'{}'", c.name)).collect();
                cases.join(" | ")
            }
            TypeDefKind::Variant(v) => {
                push_cases(&mut doc, v.cases.iter().map(|c| (c.name.as_str(), &c.docs)));
                let mut body = String::new();
                for case in &v.cases {
                    let _ = match &case.ty {
                        Some(t) => write!(
                            body,
                            "\n    | {{ tag: '{}', val: {} }}",
                            case.name,
                            self.ty(t, site)
                        ),
                        None => write!(body, "\n    | {{ tag: '{}' }}", case.name),
                    };
                }
                body
            }
            TypeDefKind::Resource => return Ok(String::new()),
            TypeDefKind::Type(_)
            | TypeDefKind::Tuple(_)
            | TypeDefKind::Option(_)
            | TypeDefKind::Result(_)
            | TypeDefKind::List(_)
            | TypeDefKind::Handle(_) => self.kind(&def.kind, site),
            kind => bail!(
                "type `{}` ({kind:?}) has no TypeScript form",
                def.name.as_deref().unwrap_or("anonymous")
            ),
        };
        docs::push(&mut out, "  ", doc);
        let sep = if body.starts_with('\n') { "" } else { " " };
        let _ = writeln!(out, "  export type {name} ={sep}{body};");
        Ok(out)
    }
}

/// Appends the cases of an enum or variant to its doc lines, when any case has docs.
fn push_cases<'d>(
    doc: &mut Vec<String>,
    cases: impl Iterator<Item = (&'d str, &'d wit_parser::Docs)>,
) {
    let cases: Vec<(&str, Vec<String>)> = cases.map(|(n, d)| (n, docs::lines(d))).collect();
    if cases.iter().all(|(_, d)| d.is_empty()) {
        return;
    }
    if !doc.is_empty() {
        doc.push(String::new());
    }
    for (name, lines) in cases {
        let mut lines = lines.into_iter();
        match lines.next() {
            Some(first) => doc.push(format!("- `'{name}'`: {first}")),
            None => doc.push(format!("- `'{name}'`")),
        }
        doc.extend(lines.map(|l| if l.is_empty() { l } else { format!("  {l}") }));
    }
}

#[cfg(test)]
mod tests {
    use crate::{Engine, Options, generate};
    use wit_parser::Resolve;

    /// The declarations of interface `i` of `src` (world `w` imports it) for `engine`.
    fn iface(src: &str, engine: Engine) -> String {
        let mut resolve = Resolve::default();
        let pkg = resolve.push_str("test.wit", src).unwrap();
        let world = resolve.select_world(&[pkg], None).unwrap();
        let options = Options {
            engine,
            stubs: false,
        };
        let files = generate(&resolve, world, &options).unwrap();
        String::from_utf8(files.get("interfaces/a-b-i.d.ts").unwrap().to_vec()).unwrap()
    }

    const SRC: &str = "package a:b;
        interface i {
            record r { x: u64, o: option<u8>, oo: option<option<u8>>, bytes: list<u8>, ws: list<u32> }
            type three = option<option<option<u32>>>;
            variant v { a, b(string) }
            enum e { first-one, second }
            flags f { read-it, write }
            type t = tuple<s64, char>;
            g: func(x: r) -> result<u32, string>;
            h: func(x: result<_, e>) -> option<bool>;
        }
        world w { import i; }";

    #[test]
    fn starlingmonkey_mapping() {
        let out = iface(SRC, Engine::StarlingMonkey);
        for want in [
            "    x: bigint;",
            "    o?: number;",
            "    oo: { tag: 'none' } | { tag: 'some', val: number | undefined };",
            "    bytes: Uint8Array;",
            "    ws: Uint32Array;",
            "export type Three = { tag: 'none' } | { tag: 'some', val: number | undefined } | undefined;",
            "    | { tag: 'a' }\n    | { tag: 'b', val: string };",
            "export type E = 'first-one' | 'second';",
            "    readIt?: boolean;",
            "export type T = [bigint, string];",
            "export function g(x: R): number;",
            "export function h(x: { tag: 'ok' } | { tag: 'err', val: E }): boolean | undefined;",
            "@throws {Error & { payload: string }}",
        ] {
            assert!(out.contains(want), "missing `{want}` in\n{out}");
        }
    }

    #[test]
    fn quickjs_mapping() {
        let out = iface(SRC, Engine::QuickJs);
        for want in [
            "    x: number;",
            "    o?: number | null;",
            "    oo: { tag: 'none' } | { tag: 'some', val: number | null };",
            "    bytes: Uint8Array;",
            "    ws: Array<number>;",
            "export type Three = { tag: 'none' } | { tag: 'some', val: { tag: 'none' } | { tag: 'some', val: number | null } };",
            "export type T = [number, string];",
            "export function h(x: { tag: 'ok' } | { tag: 'err', val: E }): boolean | null;",
        ] {
            assert!(out.contains(want), "missing `{want}` in\n{out}");
        }
    }
}
