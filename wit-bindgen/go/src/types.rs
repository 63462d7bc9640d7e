//! WIT types as Go types: references (`[]uint8`, `cm.Option[string]`, `types.Point`) and the
//! declarations of named types (structs, flag and enum constants, variants, aliases).

use crate::layout::Pkg;
use crate::{Generator, go_ident, push_docs, push_docs_indented};
use knit_bindgen_core::abi::FlatType;
use knit_bindgen_core::names::Case;
use std::collections::{BTreeSet, HashSet};
use std::fmt::Write;
use wit_parser::{Handle, Type, TypeDefKind, TypeId, TypeOwner, WorldItem};

/// The Go names given to a named WIT type and the names derived from it.
#[derive(Debug, Clone, Default)]
pub struct TypeNames {
    /// The type's own name.
    pub name: String,
    /// Variants: the tag type.
    pub tag: String,
    /// Enums and flags: one constant per case or flag; variants: one tag constant per case.
    pub consts: Vec<String>,
    /// Variants: one constructor per case.
    pub ctors: Vec<String>,
    /// Variants: one payload accessor method per case (empty for cases without payload).
    pub accessors: Vec<String>,
}

/// The import-set entry for the standard library's `unsafe` package (other entries are folders of
/// generated packages).
pub const STD_UNSAFE: &str = "std:unsafe";

/// The Go type of a core value.
pub fn flat_go(ty: FlatType) -> &'static str {
    match ty {
        FlatType::I32 => "int32",
        FlatType::I64 => "int64",
        FlatType::F32 => "float32",
        FlatType::F64 => "float64",
    }
}

/// The unsigned Go integer holding `n` flags or `n` discriminant values.
fn repr_for(bits_needed: usize) -> &'static str {
    match bits_needed {
        0..=8 => "uint8",
        9..=16 => "uint16",
        _ => "uint32",
    }
}

/// Source of `cm/tuples.go`: `Tuple<N>` for every arity used.
pub fn tuple_source(arities: &BTreeSet<usize>) -> String {
    let mut out = String::from("package cm\n");
    for n in arities {
        let params: Vec<String> = (0..*n).map(|i| format!("T{i}")).collect();
        let _ = writeln!(
            out,
            "\n// Tuple{n} is a WIT tuple of {n} element{}.",
            if *n == 1 { "" } else { "s" }
        );
        let _ = writeln!(out, "type Tuple{n}[{} any] struct {{", params.join(", "));
        for (i, p) in params.iter().enumerate() {
            let _ = writeln!(out, "\tF{i} {p}");
        }
        out.push_str("}\n");
    }
    out
}

impl Generator<'_> {
    /// Compile-time checks that struct `name` has the canonical ABI layout on `GOARCH=wasm` (size,
    /// alignment, every field's offset), which the plan relies on when it moves lists of the
    /// record as whole blocks. An index out of range of a one-element array is a compile error.
    fn canonical_layout_check(
        &self,
        out: &mut String,
        name: &str,
        ty: &Type,
        record: &wit_parser::Record,
        fields: &[String],
    ) {
        self.imports.borrow_mut().insert(STD_UNSAFE.to_string());
        let layout = self.abi.layout();
        let types: Vec<Type> = record.fields.iter().map(|f| f.ty).collect();
        let _ = writeln!(
            out,
            "// Lists of {name} move as one block of memory: its layout must be the canonical ABI's.\n\
             var _ = [1]struct{{}}{{}}[unsafe.Sizeof({name}{{}})-{}]\n\
             var _ = [1]struct{{}}{{}}[unsafe.Alignof({name}{{}})-{}]",
            layout.size(ty),
            layout.align(ty)
        );
        for (field, offset) in fields.iter().zip(layout.field_offsets(&types)) {
            let _ = writeln!(
                out,
                "var _ = [1]struct{{}}{{}}[unsafe.Offsetof({name}{{}}.{field})-{offset}]"
            );
        }
        out.push('\n');
    }

    /// Types declared by a package, in declaration order.
    fn package_types(&self, pkg: Pkg) -> Vec<TypeId> {
        match pkg {
            Pkg::World => self.resolve.worlds[self.world]
                .imports
                .values()
                .filter_map(|item| match item {
                    WorldItem::Type { id, .. } => Some(*id),
                    _ => None,
                })
                .collect(),
            Pkg::Import(i, _) | Pkg::Export(i, _) => {
                self.resolve.interfaces[i].types.values().copied().collect()
            }
        }
    }

    /// Gives every named type of every package its Go names, before any code is rendered, so that
    /// references from any package agree with declarations.
    pub fn claim_type_names(&mut self) {
        for pkg in self.layout.packages() {
            let types = self.package_types(pkg);
            let mut names = Vec::new();
            for id in &types {
                let wit = self.resolve.types[*id].name.clone().unwrap_or_default();
                names.push(self.claim(pkg, &go_ident(&wit, Case::UpperCamel)));
            }
            for (id, name) in types.iter().zip(names) {
                let mut t = TypeNames {
                    name: name.clone(),
                    ..Default::default()
                };
                let part = |s: &str| knit_bindgen_core::names::convert_case(s, Case::UpperCamel);
                match &self.resolve.types[*id].kind {
                    TypeDefKind::Enum(e) => {
                        t.consts = e
                            .cases
                            .iter()
                            .map(|c| self.claim(pkg, &format!("{name}{}", part(&c.name))))
                            .collect();
                    }
                    TypeDefKind::Flags(f) => {
                        t.consts = f
                            .flags
                            .iter()
                            .map(|c| self.claim(pkg, &format!("{name}{}", part(&c.name))))
                            .collect();
                    }
                    TypeDefKind::Variant(v) => {
                        t.tag = self.claim(pkg, &format!("{name}Tag"));
                        t.consts = v
                            .cases
                            .iter()
                            .map(|c| self.claim(pkg, &format!("{}{}", t.tag, part(&c.name))))
                            .collect();
                        t.ctors = v
                            .cases
                            .iter()
                            .map(|c| self.claim(pkg, &format!("{name}{}", part(&c.name))))
                            .collect();
                        let mut methods: HashSet<String> = ["Tag".to_string()].into();
                        t.accessors = v
                            .cases
                            .iter()
                            .map(|c| {
                                if c.ty.is_none() {
                                    return String::new();
                                }
                                let mut m = go_ident(&c.name, Case::UpperCamel);
                                while !methods.insert(m.clone()) {
                                    m.push('_');
                                }
                                m
                            })
                            .collect();
                    }
                    _ => {}
                }
                self.type_names.borrow_mut().insert((pkg, *id), t);
            }
        }
    }

    /// The names of a named type declared in `pkg`.
    pub fn names_in(&self, pkg: Pkg, id: TypeId) -> TypeNames {
        self.type_names
            .borrow()
            .get(&(pkg, id))
            .cloned()
            .unwrap_or_else(|| TypeNames {
                name: go_ident(
                    self.resolve.types[id].name.as_deref().unwrap_or("Unnamed"),
                    Case::UpperCamel,
                ),
                ..Default::default()
            })
    }

    /// The names of a named type, and the package declaring it, seen from import or export code.
    pub fn names_of(&self, id: TypeId, exporting: bool) -> (Pkg, TypeNames) {
        let mut home = self.layout.type_home(self.resolve, id, exporting);
        // Inside one of several packages of an interface (imported under several names), its
        // types are that package's own.
        if let (Pkg::Import(owner, _), Pkg::Import(current, _))
        | (Pkg::Export(owner, _), Pkg::Export(current, _)) = (home, self.current.get())
            && owner == current
        {
            home = self.current.get();
        }
        (home, self.names_in(home, id))
    }

    /// A named type or one of its derived names, qualified for the current package.
    pub fn named(
        &self,
        id: TypeId,
        exporting: bool,
        pick: impl Fn(&TypeNames) -> String,
    ) -> String {
        let (home, names) = self.names_of(id, exporting);
        self.qualify(home, &pick(&names))
    }

    /// The Go type of a WIT type, seen from import code (`exporting == false`) or export code.
    pub fn ty(&self, ty: &Type, exporting: bool) -> String {
        match ty {
            Type::Bool => "bool".into(),
            Type::U8 => "uint8".into(),
            Type::S8 => "int8".into(),
            Type::U16 => "uint16".into(),
            Type::S16 => "int16".into(),
            Type::U32 => "uint32".into(),
            Type::S32 => "int32".into(),
            Type::U64 => "uint64".into(),
            Type::S64 => "int64".into(),
            Type::F32 => "float32".into(),
            Type::F64 => "float64".into(),
            Type::Char => "rune".into(),
            Type::String => "string".into(),
            Type::ErrorContext => unreachable!("rejected by walk::check_supported"),
            Type::Id(id) => self.type_id(*id, exporting),
        }
    }

    fn type_id(&self, id: TypeId, exporting: bool) -> String {
        let def = &self.resolve.types[id];
        if def.name.is_some() && !matches!(def.owner, TypeOwner::None) {
            return self.named(id, exporting, |n| n.name.clone());
        }
        self.anonymous(id, exporting)
    }

    /// The Go spelling of a type definition's shape, ignoring its name.
    fn anonymous(&self, id: TypeId, exporting: bool) -> String {
        let opt = |t: &Option<Type>| {
            t.as_ref()
                .map(|t| self.ty(t, exporting))
                .unwrap_or_else(|| "struct{}".into())
        };
        match &self.resolve.types[id].kind {
            TypeDefKind::List(t) => format!("[]{}", self.ty(t, exporting)),
            TypeDefKind::Option(t) => format!("{}Option[{}]", self.cm(), self.ty(t, exporting)),
            TypeDefKind::Result(r) => {
                format!("{}Result[{}, {}]", self.cm(), opt(&r.ok), opt(&r.err))
            }
            TypeDefKind::Tuple(t) => {
                self.tuples.borrow_mut().insert(t.types.len());
                let parts: Vec<String> = t.types.iter().map(|t| self.ty(t, exporting)).collect();
                format!("{}Tuple{}[{}]", self.cm(), t.types.len(), parts.join(", "))
            }
            TypeDefKind::Handle(Handle::Own(r) | Handle::Borrow(r)) => self.type_id(*r, exporting),
            TypeDefKind::Type(t) => self.ty(t, exporting),
            other => unreachable!("a WIT {} is always named", other.as_str()),
        }
    }

    /// The declaration of a named type in the current package.
    pub fn type_definition(&self, id: TypeId, exporting: bool) -> String {
        let pkg = self.current.get();
        let names = self.names_in(pkg, id);
        let def = &self.resolve.types[id];
        let wit = def.name.clone().unwrap_or_default();
        let name = &names.name;
        let mut out = String::new();
        let mut docs = String::new();
        push_docs(&mut docs, &def.docs);
        if docs.is_empty() {
            let _ = writeln!(docs, "// {name} is the WIT type `{wit}`.");
        }
        match &def.kind {
            TypeDefKind::Record(r) => {
                out.push_str(&docs);
                let _ = writeln!(out, "type {name} struct {{");
                let mut fields = HashSet::new();
                let mut field_names = Vec::new();
                for field in &r.fields {
                    push_docs_indented(&mut out, &field.docs, "\t");
                    let mut f = go_ident(&field.name, Case::UpperCamel);
                    while !fields.insert(f.clone()) {
                        f.push('_');
                    }
                    let _ = writeln!(out, "\t{f} {}", self.ty(&field.ty, exporting));
                    field_names.push(f);
                }
                out.push_str("}\n\n");
                let ty = Type::Id(id);
                if self.abi.has_canonical_layout(&ty) {
                    self.canonical_layout_check(&mut out, name, &ty, r, &field_names);
                }
            }
            TypeDefKind::Flags(f) => {
                out.push_str(&docs);
                let _ = writeln!(out, "type {name} {}\n", repr_for(f.flags.len()));
                out.push_str("const (\n");
                for (i, (flag, c)) in f.flags.iter().zip(&names.consts).enumerate() {
                    push_docs_indented(&mut out, &flag.docs, "\t");
                    let _ = writeln!(out, "\t{c} {name} = 1 << {i}");
                }
                out.push_str(")\n\n");
            }
            TypeDefKind::Enum(e) => {
                out.push_str(&docs);
                let _ = writeln!(out, "type {name} {}\n", repr_for(bits_for(e.cases.len())));
                out.push_str("const (\n");
                for (i, (case, c)) in e.cases.iter().zip(&names.consts).enumerate() {
                    push_docs_indented(&mut out, &case.docs, "\t");
                    let _ = writeln!(out, "\t{c} {name} = {i}");
                }
                out.push_str(")\n\n");
                let _ = writeln!(
                    out,
                    "// String returns the WIT name of the case.\nfunc (e {name}) String() string {{\n\tswitch e {{"
                );
                for (case, c) in e.cases.iter().zip(&names.consts) {
                    let _ = writeln!(out, "\tcase {c}:\n\t\treturn {:?}", case.name);
                }
                out.push_str("\t}\n\treturn \"<invalid>\"\n}\n\n");
            }
            TypeDefKind::Variant(v) => {
                out.push_str(&docs);
                let tag = &names.tag;
                let _ = writeln!(
                    out,
                    "type {name} struct {{\n\ttag     {tag}\n\tpayload any\n}}\n"
                );
                let _ = writeln!(
                    out,
                    "// {tag} says which case a {name} holds.\ntype {tag} {}\n",
                    repr_for(bits_for(v.cases.len()))
                );
                out.push_str("const (\n");
                for (i, (case, c)) in v.cases.iter().zip(&names.consts).enumerate() {
                    push_docs_indented(&mut out, &case.docs, "\t");
                    let _ = writeln!(out, "\t{c} {tag} = {i}");
                }
                out.push_str(")\n\n");
                for (i, case) in v.cases.iter().enumerate() {
                    let ctor = &names.ctors[i];
                    let c = &names.consts[i];
                    let _ = writeln!(
                        out,
                        "// {ctor} returns a {name} holding case `{}`.",
                        case.name
                    );
                    match &case.ty {
                        Some(t) => {
                            let t = self.ty(t, exporting);
                            let _ = writeln!(
                                out,
                                "func {ctor}(payload {t}) {name} {{\n\treturn {name}{{tag: {c}, payload: payload}}\n}}\n"
                            );
                            let m = &names.accessors[i];
                            let _ = writeln!(
                                out,
                                "// {m} returns the payload of case `{}`; it panics when v holds another case.\nfunc (v {name}) {m}() {t} {{\n\treturn v.payload.({t})\n}}\n",
                                case.name
                            );
                        }
                        None => {
                            let _ = writeln!(
                                out,
                                "func {ctor}() {name} {{\n\treturn {name}{{tag: {c}}}\n}}\n"
                            );
                        }
                    }
                }
                let _ = writeln!(
                    out,
                    "// Tag says which case v holds.\nfunc (v {name}) Tag() {tag} {{\n\treturn v.tag\n}}\n"
                );
            }
            TypeDefKind::Resource => {
                out.push_str(&docs);
                if exporting && matches!(pkg, Pkg::Export(..)) {
                    out.push_str(&self.exported_resource(id, name));
                } else {
                    out.push_str(&self.imported_resource(id, name));
                }
            }
            _ => {
                out.push_str(&docs);
                let _ = writeln!(out, "type {name} = {}\n", self.anonymous(id, exporting));
            }
        }
        out
    }
}

/// Bits needed for `n` distinct values (at least 1).
fn bits_for(n: usize) -> usize {
    let mut bits = 1;
    while bits < 32 && (1usize << bits) < n {
        bits += 1;
    }
    bits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discriminants_take_the_smallest_integer() {
        assert_eq!(repr_for(bits_for(2)), "uint8");
        assert_eq!(repr_for(bits_for(256)), "uint8");
        assert_eq!(repr_for(bits_for(257)), "uint16");
        assert_eq!(repr_for(17), "uint32");
    }

    #[test]
    fn tuples_have_numbered_fields() {
        let src = tuple_source(&[2].into());
        assert!(
            src.contains("type Tuple2[T0, T1 any] struct {\n\tF0 T0\n\tF1 T1\n}"),
            "{src}"
        );
    }
}
