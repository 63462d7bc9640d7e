//! Questions about WIT types and functions that every backend asks the same way: following
//! aliases, variant cases, which lists are raw memory, what the plans cannot express yet, and which
//! resource a function belongs to.

use wit_parser::{Function, FunctionKind, Resolve, Type, TypeDefKind, TypeId};

/// Describes the first type inside `ty` that the plans cannot express, if any.
pub(crate) fn unsupported_in(resolve: &Resolve, ty: &Type) -> Option<String> {
    let Type::Id(id) = ty else {
        return match ty {
            Type::ErrorContext => Some("`error-context`".to_string()),
            _ => None,
        };
    };
    match &resolve.types[*id].kind {
        TypeDefKind::Future(_) => Some("`future`".to_string()),
        TypeDefKind::Stream(_) => Some("`stream`".to_string()),
        TypeDefKind::Map(..) => Some("`map`".to_string()),
        TypeDefKind::FixedLengthList(..) => Some("a fixed-length list".to_string()),
        TypeDefKind::Type(t) | TypeDefKind::List(t) | TypeDefKind::Option(t) => {
            unsupported_in(resolve, t)
        }
        TypeDefKind::Record(r) => r.fields.iter().find_map(|f| unsupported_in(resolve, &f.ty)),
        TypeDefKind::Tuple(t) => t.types.iter().find_map(|t| unsupported_in(resolve, t)),
        TypeDefKind::Variant(v) => v
            .cases
            .iter()
            .find_map(|c| c.ty.and_then(|t| unsupported_in(resolve, &t))),
        TypeDefKind::Result(r) => {
            r.ok.iter()
                .chain(&r.err)
                .find_map(|t| unsupported_in(resolve, t))
        }
        _ => None,
    }
}

/// Whether no type of `resolve` is, or directly holds, a construct the plans cannot express: no
/// `future`, `stream`, `map` or fixed-length list, and no `error-context` as an alias target,
/// element, field, case payload or result. Each type is looked at once, without following it into
/// the types it holds; since every type inside another is itself in `resolve`, when this holds
/// [`unsupported_in`] finds nothing in any `Type::Id`, and checks may skip walking types.
pub(crate) fn all_types_supported(resolve: &Resolve) -> bool {
    let bare = |ty: &Type| !matches!(ty, Type::ErrorContext);
    resolve.types.iter().all(|(_, def)| match &def.kind {
        TypeDefKind::Future(_)
        | TypeDefKind::Stream(_)
        | TypeDefKind::Map(..)
        | TypeDefKind::FixedLengthList(..) => false,
        TypeDefKind::Type(t) | TypeDefKind::List(t) | TypeDefKind::Option(t) => bare(t),
        TypeDefKind::Record(r) => r.fields.iter().all(|f| bare(&f.ty)),
        TypeDefKind::Tuple(t) => t.types.iter().all(bare),
        TypeDefKind::Variant(v) => v.cases.iter().all(|c| c.ty.as_ref().is_none_or(bare)),
        TypeDefKind::Result(r) => r.ok.iter().chain(&r.err).all(bare),
        _ => true,
    })
}

/// [`unsupported_in`], given whether [`all_types_supported`] holds for the resolve: when it does,
/// only a bare `error-context` can be unsupported and no type is walked.
pub(crate) fn unsupported_in_checked(
    resolve: &Resolve,
    ty: &Type,
    types_supported: bool,
) -> Option<String> {
    if types_supported && matches!(ty, Type::Id(_)) {
        return None;
    }
    unsupported_in(resolve, ty)
}

/// Follows type aliases to the definition that gives a type its shape.
pub fn dealias(resolve: &Resolve, ty: Type) -> Type {
    match ty {
        Type::Id(id) => match &resolve.types[id].kind {
            TypeDefKind::Type(inner) => dealias(resolve, *inner),
            _ => ty,
        },
        other => other,
    }
}

/// Follows aliases of a resource type to its `resource` definition.
pub fn dealias_resource(resolve: &Resolve, id: TypeId) -> TypeId {
    match &resolve.types[id].kind {
        TypeDefKind::Type(Type::Id(inner)) => dealias_resource(resolve, *inner),
        _ => id,
    }
}

/// The payload type of case `index` of a variant-like type, if that case carries one.
pub fn case_payload(resolve: &Resolve, id: TypeId, index: usize) -> Option<Type> {
    match &resolve.types[id].kind {
        TypeDefKind::Variant(v) => v.cases.get(index).and_then(|c| c.ty),
        TypeDefKind::Option(t) => (index == 1).then_some(*t),
        TypeDefKind::Result(r) => {
            if index == 0 {
                r.ok
            } else {
                r.err
            }
        }
        _ => None,
    }
}

/// The payloads of every case of a variant-like type, in case order.
pub(crate) fn cases_of(resolve: &Resolve, id: TypeId) -> Vec<Option<Type>> {
    let count = match &resolve.types[id].kind {
        TypeDefKind::Variant(v) => v.cases.len(),
        _ => 2,
    };
    (0..count).map(|i| case_payload(resolve, id, i)).collect()
}

/// Whether a list of `element` can be passed as raw memory: its elements are integers or floats,
/// whose bytes in linear memory are exactly the language's.
pub fn is_canonical_element(resolve: &Resolve, element: &Type) -> bool {
    matches!(
        dealias(resolve, *element),
        Type::U8
            | Type::S8
            | Type::U16
            | Type::S16
            | Type::U32
            | Type::S32
            | Type::U64
            | Type::S64
            | Type::F32
            | Type::F64
    )
}

/// The resource a function belongs to, if it is a method, static or constructor.
pub fn resource_of(func: &Function) -> Option<TypeId> {
    match func.kind {
        FunctionKind::Method(id)
        | FunctionKind::Static(id)
        | FunctionKind::Constructor(id)
        | FunctionKind::MethodGetter(id)
        | FunctionKind::MethodSetter(id)
        | FunctionKind::StaticGetter(id)
        | FunctionKind::StaticSetter(id)
        | FunctionKind::AsyncMethod(id)
        | FunctionKind::AsyncStatic(id) => Some(id),
        _ => None,
    }
}

/// Whether a function takes its resource as the first parameter (`self`).
pub fn is_method(func: &Function) -> bool {
    matches!(
        func.kind,
        FunctionKind::Method(_)
            | FunctionKind::MethodGetter(_)
            | FunctionKind::MethodSetter(_)
            | FunctionKind::AsyncMethod(_)
    )
}

/// Whether `ty`, or any type inside it (record fields, cases, elements, aliased types), is one
/// for which `found` says yes. Resources and handles are leaves: a handle's resource is not
/// looked into.
pub fn contains<F>(resolve: &Resolve, ty: &Type, found: &F) -> bool
where
    F: Fn(&TypeDefKind) -> bool + ?Sized,
{
    let Type::Id(id) = ty else {
        return false;
    };
    let kind = &resolve.types[*id].kind;
    if found(kind) {
        return true;
    }
    match kind {
        TypeDefKind::Type(t) | TypeDefKind::Option(t) | TypeDefKind::List(t) => {
            contains(resolve, t, found)
        }
        TypeDefKind::Record(r) => r.fields.iter().any(|f| contains(resolve, &f.ty, found)),
        TypeDefKind::Tuple(t) => t.types.iter().any(|t| contains(resolve, t, found)),
        TypeDefKind::Variant(v) => v
            .cases
            .iter()
            .any(|c| c.ty.is_some_and(|t| contains(resolve, &t, found))),
        TypeDefKind::Result(r) => {
            r.ok.iter()
                .chain(&r.err)
                .any(|t| contains(resolve, t, found))
        }
        _ => false,
    }
}

/// Whether `ty` holds a resource handle somewhere inside (so its values cannot be copied,
/// cloned or compared).
pub fn has_handle(resolve: &Resolve, ty: &Type) -> bool {
    contains(resolve, ty, &|kind| {
        matches!(kind, TypeDefKind::Handle(_) | TypeDefKind::Resource)
    })
}

/// Whether `ty` holds an owned handle somewhere inside (so passing it moves ownership).
pub fn has_own_handle(resolve: &Resolve, ty: &Type) -> bool {
    contains(resolve, ty, &|kind| {
        matches!(kind, TypeDefKind::Handle(wit_parser::Handle::Own(_)))
    })
}

/// Whether `ty` holds a borrowed handle somewhere inside (so it lives no longer than a call).
pub fn has_borrow(resolve: &Resolve, ty: &Type) -> bool {
    contains(resolve, ty, &|kind| {
        matches!(kind, TypeDefKind::Handle(wit_parser::Handle::Borrow(_)))
    })
}

/// For a fallible constructor (`constructor(..) -> result<r, e>`), the error type (`Some(None)`
/// for `result<r>`); `None` for every other function, including infallible constructors.
pub fn fallible_constructor(resolve: &Resolve, func: &Function) -> Option<Option<Type>> {
    let FunctionKind::Constructor(_) = func.kind else {
        return None;
    };
    match dealias(resolve, func.result?) {
        Type::Id(id) => match &resolve.types[id].kind {
            TypeDefKind::Result(r) => Some(r.err),
            _ => None,
        },
        _ => None,
    }
}
