//! How a WIT type is spelled as a Rust type: the one walk over a type's shape that the Rust guest
//! generator and the wasmtime host generator share.
//!
//! Primitives, `option`, `result`, tuples and aliases are spelled the same way on both sides;
//! what differs (named types and where they live, strings and lists, which may be borrowed, and
//! resource handles) comes from a [`Speller`].

use wit_parser::{Handle, Resolve, Type, TypeDefKind, TypeId};

/// The parts of a Rust type's spelling that depend on the generator.
pub trait Speller {
    /// Where a type is spelled (top-level parameter, field, result, ...): passed to every hook and
    /// replaced by [`Speller::nested`] inside containers.
    type Position: Copy;

    /// The resolve the types belong to.
    fn resolve(&self) -> &Resolve;

    /// The position of the types inside a container (list elements, option payloads, ...).
    fn nested(&self, pos: Self::Position) -> Self::Position;

    /// The spelling of a type that has a name (or `None` to spell its shape instead).
    fn named(&self, id: TypeId, pos: Self::Position) -> Option<String>;

    /// `string` at `pos`.
    fn string(&self, pos: Self::Position) -> String;

    /// `list<element>` at `pos`, given the list type and its element's spelling.
    fn list(&self, list: TypeId, element: String, pos: Self::Position) -> String;

    /// An `own` or `borrow` handle at `pos`.
    fn handle(&self, handle: &Handle, pos: Self::Position) -> String;
}

/// The Rust primitive of a WIT primitive type, `None` for strings and type definitions.
pub fn primitive(ty: &Type) -> Option<&'static str> {
    Some(match ty {
        Type::Bool => "bool",
        Type::U8 => "u8",
        Type::S8 => "i8",
        Type::U16 => "u16",
        Type::S16 => "i16",
        Type::U32 => "u32",
        Type::S32 => "i32",
        Type::U64 => "u64",
        Type::S64 => "i64",
        Type::F32 => "f32",
        Type::F64 => "f64",
        Type::Char => "char",
        _ => return None,
    })
}

/// Spells `ty` at `pos` through `speller`.
pub fn spell<S: Speller>(speller: &S, ty: &Type, pos: S::Position) -> String {
    if let Some(primitive) = primitive(ty) {
        return primitive.to_string();
    }
    match ty {
        Type::String => speller.string(pos),
        Type::Id(id) => match speller.named(*id, pos) {
            Some(named) => named,
            None => spell_shape(speller, *id, pos),
        },
        other => unreachable!("rejected by walk::check_supported: {other:?}"),
    }
}

/// Spells the shape of type definition `id`, ignoring its name.
pub fn spell_shape<S: Speller>(speller: &S, id: TypeId, pos: S::Position) -> String {
    let inner = speller.nested(pos);
    let owned = |ty: &Type| spell(speller, ty, inner);
    match &speller.resolve().types[id].kind {
        TypeDefKind::List(element) => speller.list(id, owned(element), pos),
        TypeDefKind::Option(t) => format!("::core::option::Option<{}>", owned(t)),
        TypeDefKind::Result(r) => {
            let ok = r.ok.as_ref().map_or_else(|| "()".to_string(), owned);
            let err = r.err.as_ref().map_or_else(|| "()".to_string(), owned);
            format!("::core::result::Result<{ok}, {err}>")
        }
        TypeDefKind::Tuple(t) => {
            let parts: Vec<String> = t.types.iter().map(owned).collect();
            format!("({},)", parts.join(", "))
        }
        TypeDefKind::Handle(handle) => speller.handle(handle, pos),
        TypeDefKind::Type(t) => spell(speller, t, pos),
        other => unreachable!("a WIT {} is always named", other.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A speller with plain choices, to check the shared part on its own.
    struct Plain(Resolve);

    impl Speller for Plain {
        type Position = bool;
        fn resolve(&self) -> &Resolve {
            &self.0
        }
        fn nested(&self, _: bool) -> bool {
            false
        }
        fn named(&self, id: TypeId, _: bool) -> Option<String> {
            self.0.types[id].name.clone()
        }
        fn string(&self, borrowed: bool) -> String {
            if borrowed { "&str" } else { "String" }.into()
        }
        fn list(&self, _: TypeId, element: String, borrowed: bool) -> String {
            if borrowed {
                format!("&[{element}]")
            } else {
                format!("Vec<{element}>")
            }
        }
        fn handle(&self, _: &Handle, _: bool) -> String {
            "H".into()
        }
    }

    #[test]
    fn shapes_are_spelled_with_the_spellers_choices() {
        let mut resolve = Resolve::default();
        let pkg = resolve
            .push_str(
                "t.wit",
                "package a:b; interface i { record r { x: u8 } resource x;
                 f: func(a: list<string>, b: option<tuple<r, s64>>, c: result<list<u8>>, d: own<x>); }
                 world w { import i; }",
            )
            .unwrap();
        let _ = resolve.select_world(&[pkg], None).unwrap();
        let iface = resolve.interfaces.iter().next().unwrap().1;
        let params: Vec<Type> = iface.functions["f"].params.iter().map(|p| p.ty).collect();
        let speller = Plain(resolve.clone());
        let spelled: Vec<String> = params.iter().map(|t| spell(&speller, t, true)).collect();
        assert_eq!(
            spelled,
            [
                "&[String]",
                "::core::option::Option<(r, i64,)>",
                "::core::result::Result<Vec<u8>, ()>",
                "H",
            ]
        );
    }
}
