//! Rust definitions of WIT types, with wasmtime's derives and canonical-ABI layout assertions.

use crate::generator::{Gen, Mode, doc, rust, type_name};
use anyhow::{Result, bail};
use knit_bindgen_core::names::Case;
use wit_parser::{Type, TypeDefKind, TypeId};

impl Gen<'_> {
    /// Defines the named types `types` (in WIT order) in `module`.
    pub fn define_types(&mut self, types: &[TypeId], module: &[String]) -> Result<()> {
        for id in types {
            let code = self.define_type(*id, module)?;
            self.push(module, &code);
        }
        Ok(())
    }

    fn define_type(&self, id: TypeId, module: &[String]) -> Result<String> {
        let def = &self.resolve.types[id];
        let wit_name = def.name.as_deref().unwrap_or("anonymous");
        let name = type_name(wit_name);
        let docs = doc(&def.docs);
        let wt = &self.wt;
        if let Some(path) = self.with_type(id) {
            return Ok(format!("{docs}pub type {name} = {path};\n"));
        }
        let this = Type::Id(id);
        let plain_derives = if self.has_handle(&this) {
            "Debug"
        } else {
            "Debug, Clone, PartialEq"
        };
        let mut out = docs;
        match &def.kind {
            TypeDefKind::Record(record) => {
                out.push_str(&format!(
                    "#[derive({wt}::component::ComponentType, {wt}::component::Lift, {wt}::component::Lower, {plain_derives})]\n\
                     #[component(record)]\npub struct {name} {{\n"
                ));
                for field in &record.fields {
                    out.push_str(&doc(&field.docs));
                    out.push_str(&format!(
                        "#[component(name = {:?})]\npub {}: {},\n",
                        field.name,
                        rust(&field.name, Case::Snake),
                        self.ty(&field.ty, module, Mode::Owned)?
                    ));
                }
                out.push_str("}\n");
            }
            TypeDefKind::Variant(variant) => {
                out.push_str(&format!(
                    "#[derive({wt}::component::ComponentType, {wt}::component::Lift, {wt}::component::Lower, {plain_derives})]\n\
                     #[component(variant)]\npub enum {name} {{\n"
                ));
                for case in &variant.cases {
                    out.push_str(&doc(&case.docs));
                    let payload = match &case.ty {
                        Some(ty) => format!("({})", self.ty(ty, module, Mode::Owned)?),
                        None => String::new(),
                    };
                    out.push_str(&format!(
                        "#[component(name = {:?})]\n{}{payload},\n",
                        case.name,
                        rust(&case.name, Case::UpperCamel)
                    ));
                }
                out.push_str("}\n");
            }
            TypeDefKind::Enum(enum_) => {
                let repr = match enum_.cases.len() {
                    0..=256 => "u8",
                    257..=65536 => "u16",
                    _ => "u32",
                };
                out.push_str(&format!(
                    "#[derive({wt}::component::ComponentType, {wt}::component::Lift, {wt}::component::Lower, Debug, Clone, Copy, PartialEq, Eq, Hash)]\n\
                     #[component(enum)]\n#[repr({repr})]\npub enum {name} {{\n"
                ));
                for case in &enum_.cases {
                    out.push_str(&doc(&case.docs));
                    out.push_str(&format!(
                        "#[component(name = {:?})]\n{},\n",
                        case.name,
                        rust(&case.name, Case::UpperCamel)
                    ));
                }
                out.push_str("}\n");
            }
            TypeDefKind::Flags(flags) => {
                out.push_str(&format!("{wt}::component::flags!({name} {{\n"));
                for flag in &flags.flags {
                    out.push_str(&format!(
                        "#[component(name = {:?})]\nconst {};\n",
                        flag.name,
                        rust(&flag.name, Case::UpperSnake)
                    ));
                }
                out.push_str("});\n");
            }
            TypeDefKind::Resource => {
                if self.is_guest_resource(id) {
                    // Guest resources are `ResourceAny` wherever they appear; no Rust type is needed.
                    return Ok(String::new());
                } else {
                    out.push_str(&format!(
                        "/// Marker type of the host resource `{wit_name}`: its handles are `{wt}::component::Resource<{name}>`.\n\
                         /// Map it to your own type with `with` to use `ResourceTable::push` directly.\npub enum {name} {{}}\n"
                    ));
                }
                return Ok(out);
            }
            TypeDefKind::Type(_)
            | TypeDefKind::List(_)
            | TypeDefKind::Option(_)
            | TypeDefKind::Result(_)
            | TypeDefKind::Tuple(_)
            | TypeDefKind::Handle(_) => {
                let target = match &def.kind {
                    TypeDefKind::Type(t) => self.ty(t, module, Mode::Owned)?,
                    _ => self.ty_anonymous(id, module)?,
                };
                out.push_str(&format!("pub type {name} = {target};\n"));
                return Ok(out);
            }
            other => bail!(
                "type `{wit_name}`: WIT {} types are not supported by knit's host bindings yet",
                other.as_str()
            ),
        }
        out.push_str(&self.layout_assertion(&name, &this));
        Ok(out)
    }

    /// The Rust spelling of a named non-nominal type's definition (`list<u8>` for `type b = list<u8>`).
    fn ty_anonymous(&self, id: TypeId, module: &[String]) -> Result<String> {
        let mut def = self.resolve.types[id].clone();
        def.name = None;
        // Render the structure by rebuilding the same kind without the name: every inner type is a
        // reference, so spelling the kind is enough.
        let inner = |t: &Type| self.ty(t, module, Mode::Owned);
        let wt = &self.wt;
        Ok(match &def.kind {
            TypeDefKind::List(t) => format!("::std::vec::Vec<{}>", inner(t)?),
            TypeDefKind::Option(t) => format!("::core::option::Option<{}>", inner(t)?),
            TypeDefKind::Result(r) => format!(
                "::core::result::Result<{}, {}>",
                r.ok.map(|t| inner(&t))
                    .transpose()?
                    .unwrap_or_else(|| "()".into()),
                r.err
                    .map(|t| inner(&t))
                    .transpose()?
                    .unwrap_or_else(|| "()".into())
            ),
            TypeDefKind::Tuple(t) => format!(
                "({},)",
                t.types
                    .iter()
                    .map(inner)
                    .collect::<Result<Vec<_>>>()?
                    .join(", ")
            ),
            TypeDefKind::Handle(wit_parser::Handle::Own(r) | wit_parser::Handle::Borrow(r)) => {
                if self.is_guest_resource(*r) {
                    format!("{wt}::component::ResourceAny")
                } else {
                    format!("{wt}::component::Resource<{}>", inner(&Type::Id(*r))?)
                }
            }
            _ => unreachable!("only structural kinds reach here"),
        })
    }

    /// A compile-time check that wasmtime lays `name` out as knit's canonical ABI does.
    fn layout_assertion(&self, name: &str, ty: &Type) -> String {
        let size = self.layout.size(ty);
        let align = self.layout.align(ty);
        let wt = &self.wt;
        format!(
            "const _: () = {{\n\
             assert!(<{name} as {wt}::component::ComponentType>::SIZE32 == {size}, \"wasmtime's size of `{name}` differs from the canonical ABI's {size}\");\n\
             assert!(<{name} as {wt}::component::ComponentType>::ALIGN32 == {align}, \"wasmtime's alignment of `{name}` differs from the canonical ABI's {align}\");\n\
             }};\n"
        )
    }
}
