//! Rendering WIT types as WIT source text, for messages.

use wit_parser::{Handle, Resolve, Type, TypeDefKind, TypeId};

/// The WIT spelling of a type reference: `u32`, `list<point>`, `point`.
pub fn type_ref(resolve: &Resolve, ty: &Type) -> String {
    match ty {
        Type::Bool => "bool".into(),
        Type::U8 => "u8".into(),
        Type::U16 => "u16".into(),
        Type::U32 => "u32".into(),
        Type::U64 => "u64".into(),
        Type::S8 => "s8".into(),
        Type::S16 => "s16".into(),
        Type::S32 => "s32".into(),
        Type::S64 => "s64".into(),
        Type::F32 => "f32".into(),
        Type::F64 => "f64".into(),
        Type::Char => "char".into(),
        Type::String => "string".into(),
        Type::ErrorContext => "error-context".into(),
        Type::Id(id) => id_ref(resolve, *id),
    }
}

fn id_ref(resolve: &Resolve, id: TypeId) -> String {
    let def = &resolve.types[id];
    if let Some(name) = &def.name {
        return name.clone();
    }
    kind_ref(resolve, &def.kind)
}

/// The WIT spelling of an anonymous type with this structure.
fn kind_ref(resolve: &Resolve, kind: &TypeDefKind) -> String {
    let opt = |t: &Option<Type>| match t {
        Some(t) => type_ref(resolve, t),
        None => "_".to_string(),
    };
    match kind {
        TypeDefKind::List(t) => format!("list<{}>", type_ref(resolve, t)),
        TypeDefKind::FixedLengthList(t, n) => format!("list<{}, {n}>", type_ref(resolve, t)),
        TypeDefKind::Map(k, v) => {
            format!("map<{}, {}>", type_ref(resolve, k), type_ref(resolve, v))
        }
        TypeDefKind::Option(t) => format!("option<{}>", type_ref(resolve, t)),
        TypeDefKind::Result(r) => match (&r.ok, &r.err) {
            (None, None) => "result".into(),
            (Some(ok), None) => format!("result<{}>", type_ref(resolve, ok)),
            (ok, Some(err)) => format!("result<{}, {}>", opt(ok), type_ref(resolve, err)),
        },
        TypeDefKind::Tuple(t) => format!(
            "tuple<{}>",
            t.types
                .iter()
                .map(|t| type_ref(resolve, t))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        TypeDefKind::Handle(Handle::Own(r)) => id_ref(resolve, *r),
        TypeDefKind::Handle(Handle::Borrow(r)) => format!("borrow<{}>", id_ref(resolve, *r)),
        TypeDefKind::Future(t) => match t {
            Some(t) => format!("future<{}>", type_ref(resolve, t)),
            None => "future".into(),
        },
        TypeDefKind::Stream(t) => match t {
            Some(t) => format!("stream<{}>", type_ref(resolve, t)),
            None => "stream".into(),
        },
        TypeDefKind::Type(t) => type_ref(resolve, t),
        other => format!("<anonymous {}>", other.as_str()),
    }
}

/// The WIT definition of a named type, e.g. `record point { x: u32, y: u32 }`.
/// Anonymous types are rendered as references.
pub fn definition(resolve: &Resolve, id: TypeId) -> String {
    let def = &resolve.types[id];
    let Some(name) = &def.name else {
        return id_ref(resolve, id);
    };
    let r = |t: &Type| type_ref(resolve, t);
    match &def.kind {
        TypeDefKind::Record(rec) => format!(
            "record {name} {{ {} }}",
            rec.fields
                .iter()
                .map(|f| format!("{}: {}", f.name, r(&f.ty)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        TypeDefKind::Variant(v) => format!(
            "variant {name} {{ {} }}",
            v.cases
                .iter()
                .map(|c| match &c.ty {
                    Some(t) => format!("{}({})", c.name, r(t)),
                    None => c.name.clone(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        ),
        TypeDefKind::Enum(e) => format!(
            "enum {name} {{ {} }}",
            e.cases
                .iter()
                .map(|c| c.name.clone())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        TypeDefKind::Flags(f) => format!(
            "flags {name} {{ {} }}",
            f.flags
                .iter()
                .map(|c| c.name.clone())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        TypeDefKind::Resource => format!("resource {name}"),
        TypeDefKind::Type(t) => format!("type {name} = {}", r(t)),
        // A named handle, list, result... is written as an alias in WIT.
        other => format!("type {name} = {}", kind_ref(resolve, other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_types_and_definitions() {
        let mut resolve = Resolve::default();
        let pkg = resolve
            .push_str(
                "t.wit",
                "package t:t; interface i { record point { x: u32, y: list<option<string>> }
                 variant v { a(point), b } type r = result<_, string>; }",
            )
            .unwrap();
        let iface = resolve.packages[pkg].interfaces["i"];
        let point = resolve.interfaces[iface].types["point"];
        assert_eq!(
            definition(&resolve, point),
            "record point { x: u32, y: list<option<string>> }"
        );
        let v = resolve.interfaces[iface].types["v"];
        assert_eq!(definition(&resolve, v), "variant v { a(point), b }");
        let r = resolve.interfaces[iface].types["r"];
        assert_eq!(definition(&resolve, r), "type r = result<_, string>");
    }
}
