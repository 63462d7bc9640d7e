//! Rust type definitions for WIT types, and how to spell a WIT type in Rust from a given module.

use crate::paths::relative;
use crate::spelling::{self, Speller};
use crate::{Generator, Ownership, push_docs, rust_ident};
use knit_bindgen_core::abi::dealias;
use knit_bindgen_core::names::Case;
use rustc_hash::FxHashMap as FastMap;
use std::fmt::Write;
use wit_parser::{Handle, Resolve, Type, TypeDefKind, TypeId, TypeOwner};

/// Where a type is written, which decides references and borrows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Position {
    /// Fields, results, payloads: always owned.
    Owned,
    /// A top-level parameter of an imported function's wrapper.
    ImportParam,
    /// A top-level parameter of a user's export implementation.
    ExportParam,
}

impl Generator<'_> {
    /// The Rust name of a named WIT type, resolved from `module` (honours `with` type overrides).
    pub fn type_path(&self, id: TypeId, module: &[String], exporting: bool) -> String {
        if let Some(path) = self
            .type_paths
            .borrow()
            .get(module)
            .and_then(|paths| paths.get(&(id, exporting)))
        {
            return path.clone();
        }
        let path = self.compute_type_path(id, module, exporting);
        let mut paths = self.type_paths.borrow_mut();
        if !paths.contains_key(module) {
            paths.insert(module.to_vec(), FastMap::default());
        }
        let for_module = paths.get_mut(module).expect("inserted above");
        for_module.insert((id, exporting), path.clone());
        path
    }

    fn compute_type_path(&self, id: TypeId, module: &[String], exporting: bool) -> String {
        let def = &self.resolve.types[id];
        let name = rust_ident(def.name.as_deref().unwrap_or("anonymous"), Case::UpperCamel);
        if let Some(path) = self.type_override(id) {
            return path;
        }
        let owner = self.paths.type_module(self.resolve, id, exporting, module);
        relative(module, owner, &name)
    }

    /// The borrowed form of an exported resource (`ThingBorrow`), resolved from `module`.
    pub fn borrow_type_path(&self, id: TypeId, module: &[String], exporting: bool) -> String {
        let wit_name = self.resolve.types[id]
            .name
            .as_deref()
            .unwrap_or("anonymous");
        let name = knit_bindgen_core::names::escape(
            knit_bindgen_core::names::Language::Rust,
            &format!(
                "{}Borrow",
                knit_bindgen_core::names::convert_case(wit_name, Case::UpperCamel)
            ),
        );
        let owner = self.paths.type_module(self.resolve, id, exporting, module);
        relative(module, owner, &name)
    }

    fn type_override(&self, id: TypeId) -> Option<String> {
        if self.type_overrides.is_empty() {
            return None;
        }
        let def = &self.resolve.types[id];
        let (TypeOwner::Interface(iface), Some(name)) = (def.owner, &def.name) else {
            return None;
        };
        let iface_name = self.resolve.id_of(iface)?;
        let base = iface_name
            .split_once('@')
            .map(|(n, _)| n.to_string())
            .unwrap_or(iface_name);
        self.type_overrides.get(&format!("{base}/{name}")).cloned()
    }

    /// Spells `ty` in Rust from inside `module`.
    pub fn ty(&self, ty: &Type, module: &[String], exporting: bool, pos: Position) -> String {
        let speller = GuestSpeller {
            g: self,
            module,
            exporting,
        };
        spelling::spell(&speller, ty, pos)
    }

    /// Whether values of `ty` can be `Copy` in Rust: no strings, lists or handles inside.
    pub fn is_copy(&self, ty: &Type) -> bool {
        match ty {
            Type::String => false,
            Type::Id(id) => match &self.resolve.types[*id].kind {
                TypeDefKind::List(_) | TypeDefKind::Handle(_) | TypeDefKind::Resource => false,
                TypeDefKind::Type(t) | TypeDefKind::Option(t) => self.is_copy(t),
                TypeDefKind::Record(r) => r.fields.iter().all(|f| self.is_copy(&f.ty)),
                TypeDefKind::Tuple(t) => t.types.iter().all(|t| self.is_copy(t)),
                TypeDefKind::Variant(v) => v
                    .cases
                    .iter()
                    .all(|c| c.ty.is_none_or(|t| self.is_copy(&t))),
                TypeDefKind::Result(r) => r.ok.iter().chain(&r.err).all(|t| self.is_copy(t)),
                _ => true,
            },
            _ => true,
        }
    }

    /// Whether the plan moves lists of `ty` as whole blocks ([`Abi::has_canonical_layout`]): such
    /// records are defined `#[repr(C)]`, whose layout is the canonical one, and checked at compile
    /// time.
    ///
    /// [`Abi::has_canonical_layout`]: knit_bindgen_core::abi::Abi::has_canonical_layout
    pub fn has_canonical_layout(&self, ty: &Type) -> bool {
        self.abi.has_canonical_layout(ty)
    }

    /// Whether these bindings define type `id` themselves, rather than `with` naming a type or a
    /// whole interface defined elsewhere.
    pub(crate) fn defines_here(&self, id: TypeId) -> bool {
        self.type_override(id).is_none()
            && (self.paths.replaced.is_empty()
                || !self.paths.replaced.contains_key(self.paths.type_module(
                    self.resolve,
                    id,
                    false,
                    &[],
                )))
    }

    /// Emits compile-time assertions that record `name`'s `#[repr(C)]` layout is the canonical
    /// ABI's on wasm32 (size, alignment, every field's offset), which lifting and lowering lists of
    /// it as whole blocks relies on.
    fn canonical_layout_check(
        &self,
        out: &mut String,
        name: &str,
        ty: &Type,
        record: &wit_parser::Record,
    ) {
        let layout = self.abi.layout();
        let types: Vec<Type> = record.fields.iter().map(|f| f.ty).collect();
        let _ = write!(
            out,
            "#[cfg(target_arch = \"wasm32\")]\nconst _: () = {{\n    let canonical = ::core::mem::size_of::<{name}>() == {}\n        && ::core::mem::align_of::<{name}>() == {}",
            layout.size(ty),
            layout.align(ty)
        );
        for (field, offset) in record.fields.iter().zip(layout.field_offsets(&types)) {
            let _ = write!(
                out,
                "\n        && ::core::mem::offset_of!({name}, {}) == {offset}",
                rust_ident(&field.name, Case::Snake)
            );
        }
        let _ = writeln!(
            out,
            ";\n    assert!(canonical, \"`{name}` must have the canonical ABI layout\");"
        );
        out.push_str("};\n");
    }

    /// Whether `ty` holds an owned resource handle somewhere inside (so passing it moves ownership).
    pub fn has_own_handle(&self, ty: &Type) -> bool {
        knit_bindgen_core::abi::has_own_handle(self.resolve, ty)
    }

    /// Whether `ty` holds a `borrow<...>` handle somewhere inside (so its Rust type needs a lifetime).
    pub fn has_borrow(&self, ty: &Type) -> bool {
        knit_bindgen_core::abi::has_borrow(self.resolve, ty)
    }

    /// Whether `ty` holds a resource handle somewhere inside (so it cannot be cloned or compared).
    pub fn has_handle(&self, ty: &Type) -> bool {
        knit_bindgen_core::abi::has_handle(self.resolve, ty)
    }

    fn derives(&self, ty: &Type, base: &[&str]) -> String {
        let mut list: Vec<String> = base.iter().map(|s| s.to_string()).collect();
        if !self.has_handle(ty) {
            list.insert(0, "Clone".into());
            if self.is_copy(ty) {
                list.insert(1, "Copy".into());
            }
            list.push("PartialEq".into());
        }
        for extra in &self.opts.additional_derives {
            let last = extra.rsplit("::").next().unwrap_or(extra).trim();
            if !list.iter().any(|d| d == last || d == extra) {
                list.push(extra.clone());
            }
        }
        format!("#[derive({})]\n", list.join(", "))
    }

    /// Emits the definition of a type owned by `module`'s interface (or the world root).
    pub fn type_definition(&mut self, id: TypeId, module: &[String], exporting: bool) {
        let def = &self.resolve.types[id];
        let Some(wit_name) = def.name.clone() else {
            return;
        };
        let name = rust_ident(&wit_name, Case::UpperCamel);
        let mut out = String::new();
        push_docs(&mut out, &def.docs, "///");
        if let Some(path) = self.type_override(id) {
            let _ = writeln!(out, "pub use {path} as {name};");
            self.push(module, &out);
            return;
        }
        let ty = Type::Id(id);
        let generics = if self.has_borrow(&ty) { "<'a>" } else { "" };
        self.lifetime
            .set(if generics.is_empty() { "'_" } else { "'a" });
        let name_generic = format!("{name}{generics}");
        match &def.kind {
            TypeDefKind::Record(r) => {
                out.push_str(&self.derives(&ty, &["Debug"]));
                if self.has_canonical_layout(&ty) {
                    out.push_str("#[repr(C)]\n");
                }
                let _ = writeln!(out, "pub struct {name_generic} {{");
                for field in &r.fields {
                    push_docs(&mut out, &field.docs, "    ///");
                    let fty = self.ty(&field.ty, module, exporting, Position::Owned);
                    let _ = writeln!(
                        out,
                        "    pub {}: {fty},",
                        rust_ident(&field.name, Case::Snake)
                    );
                }
                out.push_str("}\n");
                if self.has_canonical_layout(&ty) {
                    self.canonical_layout_check(&mut out, &name, &ty, r);
                }
            }
            TypeDefKind::Variant(v) => {
                out.push_str(&self.derives(&ty, &["Debug"]));
                let _ = writeln!(out, "pub enum {name_generic} {{");
                for case in &v.cases {
                    push_docs(&mut out, &case.docs, "    ///");
                    let case_name = rust_ident(&case.name, Case::UpperCamel);
                    match &case.ty {
                        Some(t) => {
                            let _ = writeln!(
                                out,
                                "    {case_name}({}),",
                                self.ty(t, module, exporting, Position::Owned)
                            );
                        }
                        None => {
                            let _ = writeln!(out, "    {case_name},");
                        }
                    }
                }
                out.push_str("}\n");
            }
            TypeDefKind::Enum(e) => {
                let mut derive = self.derives(&ty, &["Debug", "Eq", "Hash", "PartialOrd", "Ord"]);
                derive = derive.replace("PartialEq, Debug", "Debug, PartialEq");
                out.push_str(&derive);
                let repr = match e.cases.len() {
                    0..=256 => "u8",
                    257..=65536 => "u16",
                    _ => "u32",
                };
                let _ = writeln!(out, "#[repr({repr})]\npub enum {name} {{");
                for case in &e.cases {
                    push_docs(&mut out, &case.docs, "    ///");
                    let _ = writeln!(out, "    {},", rust_ident(&case.name, Case::UpperCamel));
                }
                out.push_str("}\n");
            }
            TypeDefKind::Flags(f) => {
                let names: Vec<(String, &wit_parser::Docs)> = f
                    .flags
                    .iter()
                    .map(|flag| (rust_ident(&flag.name, Case::UpperSnake), &flag.docs))
                    .collect();
                out.push_str(&self.flags(&name, &names));
            }
            TypeDefKind::Resource => {
                let code = if exporting {
                    self.exported_resource(id, module)
                } else {
                    self.imported_resource(id, module)
                };
                out.push_str(&code);
            }
            TypeDefKind::Type(t) => {
                let target = self.ty(t, module, exporting, Position::Owned);
                if let Type::Id(inner) = t
                    && matches!(self.resolve.types[*inner].kind, TypeDefKind::Resource)
                {
                    // `use` of a resource: bring the handle (and its borrow, for exports) into scope.
                    let _ = writeln!(out, "pub use {target} as {name};");
                    let origin = self.abi.resource_origin(*inner, exporting);
                    if origin == knit_bindgen_core::abi::ResourceOrigin::Exported {
                        let borrow = self.borrow_type_path(*inner, module, exporting);
                        let alias = knit_bindgen_core::names::escape(
                            knit_bindgen_core::names::Language::Rust,
                            &format!(
                                "{}Borrow",
                                knit_bindgen_core::names::convert_case(&wit_name, Case::UpperCamel)
                            ),
                        );
                        let _ = writeln!(out, "pub use {borrow} as {alias};");
                    }
                } else {
                    let _ = writeln!(out, "pub type {name_generic} = {target};");
                }
            }
            _ => {
                let speller = GuestSpeller {
                    g: self,
                    module,
                    exporting,
                };
                let target = spelling::spell_shape(&speller, id, Position::Owned);
                let _ = writeln!(out, "pub type {name_generic} = {target};");
            }
        }
        self.lifetime.set("'_");
        self.push(module, &out);
    }

    fn flags(&self, name: &str, members: &[(String, &wit_parser::Docs)]) -> String {
        let repr = match members.len() {
            0..=8 => "u8",
            9..=16 => "u16",
            _ => "u32",
        };
        let mut out = String::new();
        let mut derive = vec![
            "Clone",
            "Copy",
            "PartialEq",
            "Eq",
            "Hash",
            "Default",
            "PartialOrd",
            "Ord",
        ]
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
        for extra in &self.opts.additional_derives {
            let last = extra.rsplit("::").next().unwrap_or(extra).trim();
            if !derive.iter().any(|d| d == last || d == extra) {
                derive.push(extra.clone());
            }
        }
        let _ = writeln!(
            out,
            "#[derive({})]\npub struct {name} {{\n    bits: {repr},\n}}",
            derive.join(", ")
        );
        let _ = writeln!(out, "impl {name} {{");
        for (i, (member, docs)) in members.iter().enumerate() {
            push_docs(&mut out, docs, "    ///");
            let _ = writeln!(
                out,
                "    pub const {member}: Self = Self {{ bits: 1 << {i} }};"
            );
        }
        let all: u64 = if members.len() >= 64 {
            u64::MAX
        } else {
            (1u64 << members.len()) - 1
        };
        let _ = write!(
            out,
            r#"    /// No flag set.
    pub const fn empty() -> Self {{ Self {{ bits: 0 }} }}
    /// Every flag set.
    pub const fn all() -> Self {{ Self {{ bits: {all} }} }}
    /// The bits, one per flag in declaration order.
    pub const fn bits(&self) -> {repr} {{ self.bits }}
    /// Flags from bits; bits that name no flag are dropped.
    pub const fn from_bits_truncate(bits: {repr}) -> Self {{ Self {{ bits: bits & {all} }} }}
    /// Whether no flag is set.
    pub const fn is_empty(&self) -> bool {{ self.bits == 0 }}
    /// Whether every flag of `other` is set in `self`.
    pub const fn contains(&self, other: Self) -> bool {{ self.bits & other.bits == other.bits }}
    /// Sets the flags of `other`.
    pub fn insert(&mut self, other: Self) {{ self.bits |= other.bits; }}
    /// Clears the flags of `other`.
    pub fn remove(&mut self, other: Self) {{ self.bits &= !other.bits; }}
}}
impl ::core::ops::BitOr for {name} {{
    type Output = Self;
    fn bitor(self, other: Self) -> Self {{ Self {{ bits: self.bits | other.bits }} }}
}}
impl ::core::ops::BitOrAssign for {name} {{
    fn bitor_assign(&mut self, other: Self) {{ self.bits |= other.bits; }}
}}
impl ::core::ops::BitAnd for {name} {{
    type Output = Self;
    fn bitand(self, other: Self) -> Self {{ Self {{ bits: self.bits & other.bits }} }}
}}
impl ::core::ops::Not for {name} {{
    type Output = Self;
    fn not(self) -> Self {{ Self::from_bits_truncate(!self.bits) }}
}}
impl ::core::fmt::Debug for {name} {{
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{
        let mut first = true;
        f.write_str("{name}(")?;
"#
        );
        for (member, _) in members {
            let _ = writeln!(
                out,
                "        if self.contains(Self::{member}) {{ if !first {{ f.write_str(\" | \")?; }} first = false; f.write_str(\"{member}\")?; }}"
            );
        }
        out.push_str("        let _ = first;\n        f.write_str(\")\")\n    }\n}\n");
        out
    }
}

fn dealias_id(generator: &Generator<'_>, id: TypeId) -> TypeId {
    match dealias(generator.resolve, Type::Id(id)) {
        Type::Id(inner) => inner,
        _ => id,
    }
}

/// The guest's choices in the shared Rust type spelling, from one module and direction.
struct GuestSpeller<'g, 'a> {
    g: &'g Generator<'a>,
    module: &'g [String],
    exporting: bool,
}

impl Speller for GuestSpeller<'_, '_> {
    type Position = Position;

    fn resolve(&self) -> &Resolve {
        self.g.resolve
    }

    fn nested(&self, _: Position) -> Position {
        Position::Owned
    }

    fn named(&self, id: TypeId, pos: Position) -> Option<String> {
        let (g, module, exporting) = (self.g, self.module, self.exporting);
        let def = &g.resolve.types[id];
        def.name.as_ref()?;
        if matches!(def.kind, TypeDefKind::Resource) {
            return Some(g.type_path(id, module, exporting));
        }
        let ty = Type::Id(id);
        // Named types are referred to by name, except where a parameter borrows.
        if pos == Position::ImportParam {
            let shape = dealias(g.resolve, ty);
            if matches!(shape, Type::String) {
                return Some("&str".into());
            }
            if let Type::Id(inner) = shape
                && let TypeDefKind::List(element) = &g.resolve.types[inner].kind
                && !g.has_own_handle(&shape)
            {
                return Some(format!(
                    "&[{}]",
                    g.ty(element, module, exporting, Position::Owned)
                ));
            }
            let borrowing = matches!(g.opts.ownership, Ownership::Borrowing { .. });
            if borrowing
                && !g.is_copy(&ty)
                && !g.has_own_handle(&ty)
                && !matches!(
                    g.resolve.types[dealias_id(g, id)].kind,
                    TypeDefKind::Handle(_)
                )
            {
                return Some(format!("&{}", g.type_path(id, module, exporting)));
            }
        }
        if let TypeDefKind::Type(inner) = &def.kind
            && matches!(
                g.resolve.types[dealias_id(g, id)].kind,
                TypeDefKind::Handle(Handle::Borrow(_))
            )
        {
            return Some(g.ty(inner, module, exporting, pos));
        }
        let path = g.type_path(id, module, exporting);
        if g.has_borrow(&ty) && !matches!(def.kind, TypeDefKind::Type(_)) {
            return Some(format!("{path}<{}>", g.lifetime.get()));
        }
        Some(path)
    }

    fn string(&self, pos: Position) -> String {
        match pos {
            Position::ImportParam => "&str".into(),
            _ => "_rt::String".into(),
        }
    }

    fn list(&self, list: TypeId, element: String, pos: Position) -> String {
        if pos == Position::ImportParam && !self.g.has_own_handle(&Type::Id(list)) {
            format!("&[{element}]")
        } else {
            format!("_rt::Vec<{element}>")
        }
    }

    fn handle(&self, handle: &Handle, _: Position) -> String {
        let (g, module, exporting) = (self.g, self.module, self.exporting);
        match handle {
            Handle::Own(r) => g.type_path(*r, module, exporting),
            Handle::Borrow(r) => {
                let resource = knit_bindgen_core::abi::dealias_resource(g.resolve, *r);
                let path = g.type_path(*r, module, exporting);
                let lt = g.lifetime.get();
                match g.abi.resource_origin(resource, exporting) {
                    knit_bindgen_core::abi::ResourceOrigin::Exported => {
                        format!("{}<{lt}>", g.borrow_type_path(resource, module, exporting))
                    }
                    _ if lt == "'_" => format!("&{path}"),
                    _ => format!("&{lt} {path}"),
                }
            }
        }
    }
}
