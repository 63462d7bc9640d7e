//! Structural type checking between what an importer expects and what an
//! exporter provides, reporting every difference with the path to it.
//!
//! The component model compares value types structurally and resources by
//! identity; here resources are compared by name (identity is left to the
//! final validation of the composed component). An exporter may provide more
//! functions and types than the importer needs, never fewer.

use crate::wit_text;
use std::fmt;
use wit_parser::{
    Function, FunctionKind, Handle, InterfaceId, Resolve, Type, TypeDefKind, TypeId, WorldItem,
};

/// One difference between an expected and a provided item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// Where the difference is, outermost first, e.g. `["function `move`", "record point", "field y"]`.
    pub path: Vec<String>,
    /// What the importer expects at that place, in WIT syntax.
    pub expected: String,
    /// What the exporter provides there, in WIT syntax.
    pub found: String,
    /// The innermost named type enclosing the difference, as (expected, found)
    /// WIT definitions, when there is one.
    pub definitions: Option<(String, String)>,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path.join(", "))?;
        }
        write!(f, "expected {}, found {}", self.expected, self.found)?;
        if let Some((expected, found)) = &self.definitions {
            write!(f, "\n    expected: {expected}\n    found:    {found}")?;
        }
        Ok(())
    }
}

/// Most differences a [`Mismatches`] message lists before it counts the rest.
pub const SHOWN_MISMATCHES: usize = 20;

/// Every difference between an expected and a provided item, in the order met (a named type that
/// differs is reported once, however many functions use it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatches(pub Vec<Mismatch>);

impl Mismatches {
    /// The first difference.
    pub fn first(&self) -> &Mismatch {
        &self.0[0]
    }
}

impl fmt::Display for Mismatches {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, mismatch) in self.0.iter().take(SHOWN_MISMATCHES).enumerate() {
            if i > 0 {
                f.write_str("\n  ")?;
            }
            write!(f, "{mismatch}")?;
        }
        if self.0.len() > SHOWN_MISMATCHES {
            write!(
                f,
                "\n  ... and {} more differences",
                self.0.len() - SHOWN_MISMATCHES
            )?;
        }
        Ok(())
    }
}

/// Checks that `provided` (from `exporter`) can satisfy `wanted` (from `importer`), finding every
/// difference rather than stopping at the first.
pub fn check_item(
    importer: &Resolve,
    wanted: &WorldItem,
    exporter: &Resolve,
    provided: &WorldItem,
) -> Result<(), Mismatches> {
    let mut checker = Checker::new(importer, exporter);
    match (wanted, provided) {
        (WorldItem::Interface { id: a, .. }, WorldItem::Interface { id: b, .. }) => {
            checker.interface(*a, *b)
        }
        (WorldItem::Function(a), WorldItem::Function(b)) => checker.function(a, b),
        (WorldItem::Type { id: a, .. }, WorldItem::Type { id: b, .. }) => checker.type_id(*a, *b),
        (a, b) => checker.fail(item_kind(a), item_kind(b)),
    };
    checker.finish()
}

/// Checks two views of the same interface for agreement where they overlap
/// (used when several importers share one import of the result).
pub fn check_overlap(
    left: &Resolve,
    a: InterfaceId,
    right: &Resolve,
    b: InterfaceId,
) -> Result<(), Mismatches> {
    let mut checker = Checker::new(left, right);
    let (ia, ib) = (&left.interfaces[a], &right.interfaces[b]);
    for (name, ta) in &ia.types {
        if let Some(tb) = ib.types.get(name) {
            checker.type_id(*ta, *tb);
        }
    }
    for (name, fa) in &ia.functions {
        if let Some(fb) = ib.functions.get(name) {
            checker.nested(format!("function `{name}`"), |c| c.function(fa, fb));
        }
    }
    checker.finish()
}

fn item_kind(item: &WorldItem) -> String {
    match item {
        WorldItem::Interface { .. } => "an instance".into(),
        WorldItem::Function(_) => "a function".into(),
        WorldItem::Type { .. } => "a type".into(),
    }
}

struct Checker<'a> {
    a: &'a Resolve,
    b: &'a Resolve,
    path: Vec<String>,
    /// Named types entered so far, to report the innermost definitions.
    named: Vec<(TypeId, TypeId)>,
    /// Pairs of named types already compared: each is checked (and reported) once.
    compared: std::collections::HashSet<(TypeId, TypeId)>,
    /// The differences found so far.
    found: Vec<Mismatch>,
}

impl<'a> Checker<'a> {
    fn new(a: &'a Resolve, b: &'a Resolve) -> Self {
        Checker {
            a,
            b,
            path: Vec::new(),
            named: Vec::new(),
            compared: Default::default(),
            found: Vec::new(),
        }
    }

    fn finish(self) -> Result<(), Mismatches> {
        if self.found.is_empty() {
            Ok(())
        } else {
            Err(Mismatches(self.found))
        }
    }

    /// Records a difference at the current path; checking goes on elsewhere.
    fn fail(&mut self, expected: String, found: String) {
        let mismatch = Mismatch {
            path: self.path.clone(),
            expected,
            found,
            definitions: self.named.last().map(|(x, y)| {
                (
                    wit_text::definition(self.a, *x),
                    wit_text::definition(self.b, *y),
                )
            }),
        };
        self.found.push(mismatch);
    }

    fn nested(&mut self, step: String, check: impl FnOnce(&mut Self)) {
        self.path.push(step);
        check(self);
        self.path.pop();
    }

    fn interface(&mut self, a: InterfaceId, b: InterfaceId) {
        let (ia, ib) = (&self.a.interfaces[a], &self.b.interfaces[b]);
        for (name, ta) in &ia.types {
            match ib.types.get(name) {
                Some(tb) => self.type_id(*ta, *tb),
                None => return self.fail(format!("type `{name}`"), "no such type".into()),
            }
        }
        for (name, fa) in &ia.functions {
            match ib.functions.get(name) {
                Some(fb) => self.nested(format!("function `{name}`"), |c| c.function(fa, fb)),
                None => return self.fail(format!("function `{name}`"), "no such function".into()),
            }
        }
    }

    fn function(&mut self, fa: &Function, fb: &Function) {
        let kind = |k: &FunctionKind| match k {
            FunctionKind::Freestanding => "a function",
            FunctionKind::AsyncFreestanding => "an async function",
            FunctionKind::Method(_) => "a method",
            FunctionKind::AsyncMethod(_) => "an async method",
            FunctionKind::Static(_) => "a static function",
            FunctionKind::AsyncStatic(_) => "an async static function",
            FunctionKind::Constructor(_) => "a constructor",
            _ => "an accessor",
        };
        if kind(&fa.kind) != kind(&fb.kind) {
            return self.fail(kind(&fa.kind).into(), kind(&fb.kind).into());
        }
        if fa.params.len() != fb.params.len() {
            let show = |r: &Resolve, f: &Function| {
                format!(
                    "({})",
                    f.params
                        .iter()
                        .map(|p| format!("{}: {}", p.name, wit_text::type_ref(r, &p.ty)))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            return self.fail(
                format!("{} parameters {}", fa.params.len(), show(self.a, fa)),
                format!("{} parameters {}", fb.params.len(), show(self.b, fb)),
            );
        }
        for (pa, pb) in fa.params.iter().zip(&fb.params) {
            if pa.name != pb.name {
                return self.fail(
                    format!("parameter `{}`", pa.name),
                    format!("parameter `{}`", pb.name),
                );
            }
            self.nested(format!("parameter `{}`", pa.name), |c| c.ty(&pa.ty, &pb.ty));
        }
        match (&fa.result, &fb.result) {
            (None, None) => {}
            (Some(ra), Some(rb)) => self.nested("result".into(), |c| c.ty(ra, rb)),
            (ra, rb) => {
                let show = |r: &Resolve, t: &Option<Type>| match t {
                    Some(t) => wit_text::type_ref(r, t),
                    None => "no result".to_string(),
                };
                let (ea, eb) = (show(self.a, ra), show(self.b, rb));
                self.nested("result".into(), |c| c.fail(ea, eb))
            }
        }
    }

    fn ty(&mut self, ta: &Type, tb: &Type) {
        match (dealias(self.a, *ta), dealias(self.b, *tb)) {
            (Type::Id(a), Type::Id(b)) => self.type_id(a, b),
            (a, b) if a == b && !matches!(a, Type::Id(_)) => {}
            (a, b) => self.fail(
                wit_text::type_ref(self.a, &a),
                wit_text::type_ref(self.b, &b),
            ),
        }
    }

    fn type_id(&mut self, a: TypeId, b: TypeId) {
        let (a, b) = match (dealias(self.a, Type::Id(a)), dealias(self.b, Type::Id(b))) {
            (Type::Id(a), Type::Id(b)) => (a, b),
            (x, y) => return self.ty(&x, &y),
        };
        let da = &self.a.types[a];
        let named = da.name.is_some();
        if named && !self.compared.insert((a, b)) {
            // Already checked: its differences, if any, are reported where it was first met.
            return;
        }
        if named {
            self.path.push(format!(
                "{} {}",
                da.kind.as_str(),
                da.name.as_deref().unwrap_or_default()
            ));
            self.named.push((a, b));
        }
        self.kinds(a, b);
        if named {
            self.path.pop();
            self.named.pop();
        }
    }

    fn kinds(&mut self, a: TypeId, b: TypeId) {
        let (ka, kb) = (&self.a.types[a].kind, &self.b.types[b].kind);
        let differ = |c: &mut Self| {
            let show = |r: &Resolve, id: TypeId| match &r.types[id].name {
                Some(name) => format!("{} {name}", r.types[id].kind.as_str()),
                None => wit_text::type_ref(r, &Type::Id(id)),
            };
            c.fail(show(c.a, a), show(c.b, b))
        };
        match (ka, kb) {
            (TypeDefKind::Record(ra), TypeDefKind::Record(rb)) => {
                if ra.fields.len() != rb.fields.len() {
                    return self.fail(
                        format!("{} fields", ra.fields.len()),
                        format!("{} fields", rb.fields.len()),
                    );
                }
                for (fa, fb) in ra.fields.iter().zip(&rb.fields) {
                    if fa.name != fb.name {
                        return self.fail(
                            format!("field `{}`", fa.name),
                            format!("field `{}`", fb.name),
                        );
                    }
                    self.nested(format!("field {}", fa.name), |c| c.ty(&fa.ty, &fb.ty));
                }
            }
            (TypeDefKind::Variant(va), TypeDefKind::Variant(vb)) => {
                if va.cases.len() != vb.cases.len() {
                    return self.fail(
                        format!("{} cases", va.cases.len()),
                        format!("{} cases", vb.cases.len()),
                    );
                }
                for (ca, cb) in va.cases.iter().zip(&vb.cases) {
                    if ca.name != cb.name {
                        return self
                            .fail(format!("case `{}`", ca.name), format!("case `{}`", cb.name));
                    }
                    self.nested(format!("case {}", ca.name), |c| c.opt(&ca.ty, &cb.ty));
                }
            }
            (TypeDefKind::Enum(ea), TypeDefKind::Enum(eb)) => {
                let na: Vec<_> = ea.cases.iter().map(|c| c.name.as_str()).collect();
                let nb: Vec<_> = eb.cases.iter().map(|c| c.name.as_str()).collect();
                self.names("cases", &na, &nb)
            }
            (TypeDefKind::Flags(fa), TypeDefKind::Flags(fb)) => {
                let na: Vec<_> = fa.flags.iter().map(|c| c.name.as_str()).collect();
                let nb: Vec<_> = fb.flags.iter().map(|c| c.name.as_str()).collect();
                self.names("flags", &na, &nb)
            }
            (TypeDefKind::Tuple(ta), TypeDefKind::Tuple(tb)) => {
                if ta.types.len() != tb.types.len() {
                    return differ(self);
                }
                for (i, (x, y)) in ta.types.iter().zip(&tb.types).enumerate() {
                    self.nested(format!("tuple element {i}"), |c| c.ty(x, y));
                }
            }
            (TypeDefKind::List(x), TypeDefKind::List(y)) => {
                self.nested("list element".into(), |c| c.ty(x, y))
            }
            (TypeDefKind::FixedLengthList(x, n), TypeDefKind::FixedLengthList(y, m)) => {
                if n != m {
                    return differ(self);
                }
                self.nested("list element".into(), |c| c.ty(x, y))
            }
            (TypeDefKind::Map(ka, va), TypeDefKind::Map(kb, vb)) => {
                self.nested("map key".into(), |c| c.ty(ka, kb));
                self.nested("map value".into(), |c| c.ty(va, vb))
            }
            (TypeDefKind::Option(x), TypeDefKind::Option(y)) => {
                self.nested("option payload".into(), |c| c.ty(x, y))
            }
            (TypeDefKind::Result(ra), TypeDefKind::Result(rb)) => {
                self.nested("result ok".into(), |c| c.opt(&ra.ok, &rb.ok));
                self.nested("result err".into(), |c| c.opt(&ra.err, &rb.err))
            }
            (TypeDefKind::Future(x), TypeDefKind::Future(y)) => {
                self.nested("future payload".into(), |c| c.opt(x, y))
            }
            (TypeDefKind::Stream(x), TypeDefKind::Stream(y)) => {
                self.nested("stream payload".into(), |c| c.opt(x, y))
            }
            (TypeDefKind::Resource, TypeDefKind::Resource) => {
                if self.a.types[a].name != self.b.types[b].name {
                    differ(self);
                }
            }
            (TypeDefKind::Handle(ha), TypeDefKind::Handle(hb)) => match (ha, hb) {
                (Handle::Own(x), Handle::Own(y)) | (Handle::Borrow(x), Handle::Borrow(y)) => {
                    self.type_id(*x, *y)
                }
                _ => differ(self),
            },
            _ => differ(self),
        }
    }

    fn opt(&mut self, a: &Option<Type>, b: &Option<Type>) {
        match (a, b) {
            (None, None) => {}
            (Some(a), Some(b)) => self.ty(a, b),
            (a, b) => {
                let show = |r: &Resolve, t: &Option<Type>| match t {
                    Some(t) => wit_text::type_ref(r, t),
                    None => "no payload".to_string(),
                };
                self.fail(show(self.a, a), show(self.b, b))
            }
        }
    }

    fn names(&mut self, what: &str, a: &[&str], b: &[&str]) {
        if a == b {
            return;
        }
        self.fail(
            format!("{what} {{ {} }}", a.join(", ")),
            format!("{what} {{ {} }}", b.join(", ")),
        )
    }
}

/// Follows `type x = y` aliases to the underlying type.
fn dealias(resolve: &Resolve, mut ty: Type) -> Type {
    while let Type::Id(id) = ty {
        match &resolve.types[id].kind {
            TypeDefKind::Type(inner) => ty = *inner,
            _ => break,
        }
    }
    ty
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iface(src: &str) -> (Resolve, InterfaceId) {
        let mut resolve = Resolve::default();
        let pkg = resolve.push_str("t.wit", src).unwrap();
        let id = resolve.packages[pkg].interfaces["geo"];
        (resolve, id)
    }

    fn check(a: &str, b: &str) -> Result<(), Mismatches> {
        let (ra, ia) = iface(a);
        let (rb, ib) = iface(b);
        let item = |id| WorldItem::Interface {
            id,
            stability: Default::default(),
            span: Default::default(),
            docs: Default::default(),
            external_id: Default::default(),
        };
        check_item(&ra, &item(ia), &rb, &item(ib))
    }

    #[test]
    fn identical_interfaces_match() {
        let src = "package t:t; interface geo { record point { x: u32, y: u32 } f: func(p: point) -> list<point>; }";
        assert_eq!(check(src, src), Ok(()));
    }

    #[test]
    fn extra_exports_are_fine() {
        let a = "package t:t; interface geo { f: func(); }";
        let b = "package t:t; interface geo { f: func(); g: func(); }";
        assert_eq!(check(a, b), Ok(()));
        assert!(check(b, a).is_err());
    }

    #[test]
    fn reports_deep_record_field() {
        let a = "package t:t; interface geo { record point { x: u32, y: u32 } record shape { corner: point } f: func(s: shape); }";
        let b = "package t:t; interface geo { record point { x: u32, y: string } record shape { corner: point } f: func(s: shape); }";
        let err = check(a, b).unwrap_err();
        assert_eq!(err.0.len(), 1, "{err}");
        let err = err.first();
        assert_eq!(
            err.path,
            ["record point", "field y"].map(String::from).to_vec(),
            "{err}"
        );
        assert_eq!(
            (err.expected.as_str(), err.found.as_str()),
            ("u32", "string")
        );
        assert_eq!(
            err.definitions,
            Some((
                "record point { x: u32, y: u32 }".to_string(),
                "record point { x: u32, y: string }".to_string()
            ))
        );
    }

    #[test]
    fn reports_function_results() {
        let a = "package t:t; interface geo { f: func() -> option<u8>; }";
        let b = "package t:t; interface geo { f: func() -> option<s8>; }";
        let err = check(a, b).unwrap_err();
        assert_eq!(
            err.to_string(),
            "function `f`, result, option payload: expected u8, found s8"
        );
    }

    #[test]
    fn every_difference_is_reported_once() {
        let a = "package t:t; interface geo {
            record point { x: u32, y: u32 }
            enum color { red, green }
            f: func(p: point) -> point;
            g: func(c: color, n: u8);
            h: func();
        }";
        let b = "package t:t; interface geo {
            record point { x: u32, y: string }
            enum color { red, blue }
            f: func(p: point) -> point;
            g: func(c: color, n: u16);
        }";
        let err = check(a, b).unwrap_err();
        let lines: Vec<String> = err.0.iter().map(|m| m.to_string()).collect();
        // `point` differs once (not once per use), and the checker goes on past it.
        assert_eq!(
            lines
                .iter()
                .map(|l| l.lines().next().unwrap().to_string())
                .collect::<Vec<_>>(),
            [
                "record point, field y: expected u32, found string",
                "enum color: expected cases { red, green }, found cases { red, blue }",
                "function `g`, parameter `n`: expected u8, found u16",
                "expected function `h`, found no such function",
            ]
        );
        assert!(
            err.to_string().contains("function `g`, parameter `n`"),
            "{err}"
        );
    }

    #[test]
    fn long_lists_are_capped_with_a_count() {
        let funcs: String = (0..30).map(|i| format!("f{i}: func(x: u8); ")).collect();
        let other: String = (0..30).map(|i| format!("f{i}: func(x: u16); ")).collect();
        let a = format!("package t:t; interface geo {{ {funcs} }}");
        let b = format!("package t:t; interface geo {{ {other} }}");
        let err = check(&a, &b).unwrap_err();
        assert_eq!(err.0.len(), 30);
        let text = err.to_string();
        assert_eq!(text.lines().count(), SHOWN_MISMATCHES + 1, "{text}");
        assert!(text.ends_with("... and 10 more differences"), "{text}");
    }
}
