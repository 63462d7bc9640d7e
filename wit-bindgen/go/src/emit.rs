//! Renders canonical-ABI plans as Go statements.
//!
//! Pure operations (conversions, field reads, constructors) are returned as expressions; anything
//! that reads memory, calls out or takes ownership is bound to a fresh local at once, so it runs
//! exactly once and in plan order. Go rejects unused locals, so once a body is complete, locals
//! nobody reads are turned into blank assignments ([`tidy`]).

use crate::Generator;
use crate::types::flat_go;
use knit_bindgen_core::abi::{
    Area, Emitter, FlatType, HandleKind, Instr, LowerMode, MemKind, PlanKind, ResourceOrigin,
    Scalar, flat_types,
};
use knit_bindgen_core::names::{Language, Scope};
use std::fmt::Write;
use wit_parser::{Type, TypeDefKind, TypeId};

/// How a function's `result<_, string>` meets Go's `error`.
#[derive(Debug, Clone, PartialEq)]
pub enum ResultStyle {
    /// The WIT result type is used as is.
    Plain,
    /// `result<T, string>` as `(T, error)`; holds the Go types of `T` and the WIT result.
    ErrorValue {
        /// Go type of the ok value.
        ok: String,
        /// Go type of the whole `cm.Result`.
        result: String,
    },
    /// `result<_, string>` as `error`; holds the Go type of the WIT result.
    ErrorUnit {
        /// Go type of the whole `cm.Result`.
        result: String,
    },
}

/// How `CallUser` reaches the user's code in an export.
pub enum UserCall {
    /// Not an export.
    None,
    /// A call of `callee` (a function value expression such as `exports_get().Greet`).
    Function(String),
    /// A method of the resource value passed first.
    Method(String),
}

/// A rendered nested block.
pub struct GoBlock {
    params: Vec<String>,
    code: String,
    results: Vec<String>,
}

/// Renders one plan.
pub struct GoEmitter<'g, 'a> {
    g: &'g Generator<'a>,
    exporting: bool,
    kind: PlanKind,
    args: Vec<String>,
    call: UserCall,
    style: ResultStyle,
    params_area: Option<Area>,
    return_area: Option<Area>,
    scope: Scope,
    bufs: Vec<String>,
    pending: Vec<Vec<String>>,
    locals: std::collections::HashMap<u32, String>,
    uses_pinner: bool,
    /// A base name for the `go:wasmimport` declaration.
    pub import_base: String,
    /// Whether the host may call `cabi_realloc` during the import call (its result owns memory),
    /// so the collector must be off around it.
    pub guard_gc: bool,
    /// Borrowed handles of imported resources an export received; dropped once the user returns,
    /// as the component model requires.
    borrows: Vec<String>,
    /// The function-level list of handles lent inside containers, released after the call.
    lent: Option<String>,
}

impl<'g, 'a> GoEmitter<'g, 'a> {
    /// A renderer for a plan of `kind`; `args` name the function's arguments.
    pub fn new(
        g: &'g Generator<'a>,
        kind: PlanKind,
        args: Vec<String>,
        call: UserCall,
        style: ResultStyle,
    ) -> Self {
        let mut scope = Scope::new(Language::Go);
        for reserved in args
            .iter()
            .map(String::as_str)
            .chain(RESERVED.iter().copied())
        {
            scope.reserve(reserved);
        }
        GoEmitter {
            g,
            exporting: kind != PlanKind::Import,
            kind,
            args,
            call,
            style,
            params_area: None,
            return_area: None,
            scope,
            bufs: vec![String::new()],
            pending: Vec::new(),
            locals: std::collections::HashMap::new(),
            uses_pinner: false,
            import_base: "f".into(),
            guard_gc: false,
            borrows: Vec::new(),
            lent: None,
        }
    }

    /// Sets the sizes of the plan's parameter and return areas.
    pub fn areas(&mut self, params: Option<Area>, ret: Option<Area>) {
        self.params_area = params;
        self.return_area = ret;
    }

    /// The rendered body, with the pinner declared when it is used.
    pub fn body(&mut self) -> String {
        let mut body = std::mem::take(&mut self.bufs[0]);
        if let Some(list) = &self.lent {
            body = format!("var {list} []{}Dropper\n{body}", self.g.cm());
        }
        if self.uses_pinner {
            body = format!(
                "var pinner {}Pinner\ndefer pinner.Unpin()\n{body}",
                self.g.cm()
            );
        }
        tidy(&body)
    }

    fn out(&mut self) -> &mut String {
        self.bufs.last_mut().expect("a buffer is open")
    }

    /// The name of the function-level list of lent handles, declared by [`Self::body`].
    fn lent_list(&mut self) -> String {
        if self.lent.is_none() {
            self.lent = Some(self.scope.fresh("lent"));
        }
        self.lent.clone().unwrap_or_default()
    }

    /// Binds `expr` to a fresh local and returns its name.
    fn bind(&mut self, base: &str, expr: &str) -> String {
        let name = self.scope.fresh(base);
        let _ = writeln!(self.out(), "{name} := {expr}");
        name
    }

    /// Binds an operand to a local unless it is already a plain name.
    fn atom(&mut self, base: &str, expr: &str) -> String {
        if expr.chars().all(|c| c.is_alphanumeric() || c == '_') {
            expr.to_string()
        } else {
            self.bind(base, expr)
        }
    }

    fn ty(&self, ty: &Type) -> String {
        self.g.ty(ty, self.exporting)
    }

    fn type_of(&self, id: TypeId) -> String {
        self.g.ty(&Type::Id(id), self.exporting)
    }

    fn pinner(&mut self) -> &'static str {
        self.uses_pinner = true;
        "&pinner"
    }

    /// Go type arguments `[T, E]` of a result type.
    fn result_args(&self, id: TypeId) -> String {
        let TypeDefKind::Result(r) = &self.g.resolve.types[id].kind else {
            unreachable!("not a result")
        };
        let part = |t: &Option<Type>| {
            t.as_ref()
                .map(|t| self.ty(t))
                .unwrap_or_else(|| "struct{}".into())
        };
        format!("[{}, {}]", part(&r.ok), part(&r.err))
    }

    /// The value of case `index` of a variant-like type, built from `payload`.
    fn construct(&self, ty: TypeId, index: usize, payload: Option<&str>) -> String {
        let cm = self.g.cm();
        match &self.g.resolve.types[ty].kind {
            TypeDefKind::Option(t) => match payload {
                Some(p) => format!("{cm}Some[{}]({p})", self.ty(t)),
                None => format!("{cm}None[{}]()", self.ty(t)),
            },
            TypeDefKind::Result(_) => {
                let head = if index == 0 { "Ok" } else { "Err" };
                format!(
                    "{cm}{head}{}({})",
                    self.result_args(ty),
                    payload.unwrap_or("struct{}{}")
                )
            }
            _ => {
                let ctor = self.g.named(ty, self.exporting, |n| n.ctors[index].clone());
                format!("{ctor}({})", payload.unwrap_or_default())
            }
        }
    }

    /// Renders a `switch` (or `if`) choosing the case of a variant-like value `value`; each block
    /// first binds its parameter to the case's payload.
    fn lower_cases(
        &mut self,
        ty: TypeId,
        value: &str,
        blocks: &[GoBlock],
        results: &[String],
    ) -> String {
        let kind = self.g.resolve.types[ty].kind.clone();
        let mut text = String::new();
        let arm = |block: &GoBlock, payload: String| -> String {
            let mut s = String::new();
            if let Some(p) = block.params.first() {
                let _ = writeln!(s, "{p} := {payload}");
            }
            s.push_str(&block.code);
            for (r, v) in results.iter().zip(&block.results) {
                let _ = writeln!(s, "{r} = {v}");
            }
            s
        };
        match kind {
            TypeDefKind::Option(_) => {
                let _ = write!(
                    text,
                    "if {value}.IsSome() {{\n{}}} else {{\n{}}}\n",
                    arm(&blocks[1], format!("{value}.Value()")),
                    arm(&blocks[0], String::new())
                );
            }
            TypeDefKind::Result(_) => {
                let _ = write!(
                    text,
                    "if {value}.IsErr() {{\n{}}} else {{\n{}}}\n",
                    arm(&blocks[1], format!("{value}.Err()")),
                    arm(&blocks[0], format!("{value}.OK()"))
                );
            }
            _ => {
                let (home, names) = self.g.names_of(ty, self.exporting);
                let _ = writeln!(text, "switch {value}.Tag() {{");
                for (i, block) in blocks.iter().enumerate() {
                    let c = self.g.qualify(home, &names.consts[i]);
                    let payload = format!("{value}.{}()", names.accessors[i]);
                    let _ = write!(text, "case {c}:\n{}", arm(block, payload));
                }
                text.push_str("}\n");
            }
        }
        text
    }

    fn call_import(
        &mut self,
        module: &str,
        name: &str,
        params: &[FlatType],
        results: &[FlatType],
        ops: &[String],
    ) -> Vec<String> {
        let pkg = self.g.current.get();
        let func = self
            .g
            .claim(pkg, &format!("wasmimport_{}", sanitize(&self.import_base)));
        let sig: Vec<String> = params
            .iter()
            .enumerate()
            .map(|(i, p)| format!("arg{i} {}", flat_go(*p)))
            .collect();
        let ret = results
            .first()
            .map(|r| format!(" {}", flat_go(*r)))
            .unwrap_or_default();
        let _ = write!(
            self.g.decls.borrow_mut(),
            "//go:wasmimport {module} {name}\nfunc {func}({}){ret}\n\n",
            sig.join(", ")
        );
        let call = format!("{func}({})", ops.join(", "));
        if self.guard_gc {
            let cm = self.g.cm();
            let gc = self.scope.fresh("gc");
            let _ = writeln!(self.out(), "{gc} := {cm}ImportEnter()");
            let _ = writeln!(self.out(), "{call}");
            let _ = writeln!(self.out(), "{cm}ImportLeave({gc})");
            return Vec::new();
        }
        if results.is_empty() {
            let _ = writeln!(self.out(), "{call}");
            Vec::new()
        } else {
            vec![self.bind("ret", &call)]
        }
    }

    fn call_user(&mut self, ops: &[String], results: usize) -> Vec<String> {
        let call = match &self.call {
            UserCall::None => unreachable!("CallUser appears only in export plans"),
            UserCall::Function(callee) => format!("{callee}({})", ops.join(", ")),
            UserCall::Method(name) => format!("{}.{name}({})", ops[0], ops[1..].join(", ")),
        };
        let borrows = std::mem::take(&mut self.borrows);
        let mut release = borrows
            .iter()
            .map(|b| format!("{b}.Drop()\n"))
            .collect::<String>();
        if let Some(list) = &self.lent {
            let _ = writeln!(release, "for _, h := range {list} {{\nh.Drop()\n}}");
        }
        if results == 0 {
            let _ = writeln!(self.out(), "{call}");
            self.out().push_str(&release);
            return Vec::new();
        }
        if !release.is_empty() {
            let _ = writeln!(self.out(), "defer func() {{\n{release}}}()");
        }
        let cm = self.g.cm();
        match self.style.clone() {
            ResultStyle::Plain => vec![self.bind("result", &call)],
            ResultStyle::ErrorValue { ok, result } => {
                let (v, err, r) = (
                    self.scope.fresh("value"),
                    self.scope.fresh("err"),
                    self.scope.fresh("result"),
                );
                let _ = write!(
                    self.out(),
                    "{v}, {err} := {call}\n{r} := {cm}Ok[{ok}, string]({v})\nif {err} != nil {{\n{r} = {cm}Err[{ok}, string]({err}.Error())\n}}\n"
                );
                let _ = result;
                vec![r]
            }
            ResultStyle::ErrorUnit { result } => {
                let (err, r) = (self.scope.fresh("err"), self.scope.fresh("result"));
                let _ = write!(
                    self.out(),
                    "{err} := {call}\n{r} := {cm}Ok[struct{{}}, string](struct{{}}{{}})\nif {err} != nil {{\n{r} = {cm}Err[struct{{}}, string]({err}.Error())\n}}\n"
                );
                let _ = result;
                vec![r]
            }
        }
    }

    fn ret(&mut self, ops: &[String]) {
        let Some(value) = ops.first() else { return };
        if self.kind != PlanKind::Import {
            let _ = writeln!(self.out(), "return {value}");
            return;
        }
        let cm = self.g.cm();
        match &self.style {
            ResultStyle::Plain => {
                let _ = writeln!(self.out(), "return {value}");
            }
            ResultStyle::ErrorValue { .. } => {
                let r = self.atom("result", value);
                let _ = write!(
                    self.out(),
                    "if {r}.IsErr() {{\nreturn {r}.OK(), {cm}StringError({r}.Err())\n}}\nreturn {r}.OK(), nil\n"
                );
            }
            ResultStyle::ErrorUnit { .. } => {
                let r = self.atom("result", value);
                let _ = write!(
                    self.out(),
                    "if {r}.IsErr() {{\nreturn {cm}StringError({r}.Err())\n}}\nreturn nil\n"
                );
            }
        }
    }

    fn area(&mut self, area: Option<Area>) -> String {
        let area = area.unwrap_or(Area { size: 8, align: 8 });
        let cm = self.g.cm();
        if self.kind == PlanKind::Import {
            let pinner = self.pinner();
            self.bind(
                "area",
                &format!("{cm}AllocPinned({pinner}, {}, {})", area.size, area.align),
            )
        } else {
            let pkg = self.g.current.get();
            let name = self.g.claim(
                pkg,
                &format!("wasmexport_area_{}", sanitize(&self.import_base)),
            );
            let _ = write!(
                self.g.decls.borrow_mut(),
                "var {name} = {cm}NewArea({})\n\n",
                area.size
            );
            format!("{name}.Addr()")
        }
    }
}

/// Names every generated function body keeps for itself.
const RESERVED: &[&str] = &["pinner", "cm"];

/// A WIT name made into part of a Go identifier.
pub fn sanitize(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

fn bitcast(from: FlatType, to: FlatType, op: &str, cm: &str) -> String {
    use FlatType::*;
    match (from, to) {
        (F32, I32) => format!("{cm}F32ToI32({op})"),
        (I32, F32) => format!("{cm}I32ToF32({op})"),
        (I32, I64) => format!("{cm}I32ToI64({op})"),
        (I64, I32) => format!("{cm}I64ToI32({op})"),
        (F32, I64) => format!("{cm}F32ToI64({op})"),
        (I64, F32) => format!("{cm}I64ToF32({op})"),
        (F64, I64) => format!("{cm}F64ToI64({op})"),
        (I64, F64) => format!("{cm}I64ToF64({op})"),
        (a, b) if a == b => op.to_string(),
        (a, b) => unreachable!("no bitcast from {a:?} to {b:?}"),
    }
}

fn load_fn(kind: MemKind) -> &'static str {
    match kind {
        MemKind::U8 => "LoadU8",
        MemKind::S8 => "LoadS8",
        MemKind::U16 => "LoadU16",
        MemKind::S16 => "LoadS16",
        MemKind::I32 => "LoadI32",
        MemKind::I64 => "LoadI64",
        MemKind::F32 => "LoadF32",
        MemKind::F64 => "LoadF64",
    }
}

fn store_fn(kind: MemKind) -> &'static str {
    match kind {
        MemKind::U8 | MemKind::S8 => "Store8",
        MemKind::U16 | MemKind::S16 => "Store16",
        MemKind::I32 => "StoreI32",
        MemKind::I64 => "StoreI64",
        MemKind::F32 => "StoreF32",
        MemKind::F64 => "StoreF64",
    }
}

impl Emitter for GoEmitter<'_, '_> {
    type Block = GoBlock;

    fn begin_block(&mut self, params: usize) -> Vec<String> {
        self.bufs.push(String::new());
        let names: Vec<String> = (0..params)
            .map(|i| {
                self.scope.fresh(if i == 0 && params == 2 {
                    "e"
                } else if params == 2 {
                    "addr"
                } else {
                    "x"
                })
            })
            .collect();
        self.pending.push(names.clone());
        names
    }

    fn end_block(&mut self, results: Vec<String>) -> GoBlock {
        let code = self.bufs.pop().expect("a block is open");
        let params = self.pending.pop().expect("blocks are balanced");
        GoBlock {
            params,
            code,
            results,
        }
    }

    fn emit(&mut self, instr: &Instr, ops: Vec<String>, mut blocks: Vec<GoBlock>) -> Vec<String> {
        let op = |i: usize| ops[i].clone();
        let cm = self.g.cm();
        match instr {
            Instr::Arg { index } => vec![self.args[*index].clone()],
            Instr::LocalSet { local } => {
                let name = self.bind("l", &op(0));
                self.locals.insert(local.0, name);
                vec![]
            }
            Instr::LocalGet { local } => vec![self.locals[&local.0].clone()],
            Instr::ConstI32 { value } => vec![format!("int32({value})")],
            Instr::ConstZero { ty } => vec![format!("{}(0)", flat_go(*ty))],
            Instr::Bitcast { from, to } => vec![bitcast(*from, *to, &op(0), cm)],
            Instr::Load { kind, offset } => {
                let expr = format!("{cm}{}({}, {offset})", load_fn(*kind), op(0));
                vec![self.bind("v", &expr)]
            }
            Instr::Store { kind, offset } => {
                let value = match kind {
                    MemKind::I32 | MemKind::U8 | MemKind::S8 | MemKind::U16 | MemKind::S16 => op(0),
                    _ => op(0),
                };
                let _ = writeln!(
                    self.out(),
                    "{cm}{}({}, {offset}, {value})",
                    store_fn(*kind),
                    op(1)
                );
                vec![]
            }
            Instr::LowerScalar { ty } => vec![match ty {
                Scalar::Bool => format!("{cm}BoolToI32({})", op(0)),
                Scalar::U64 | Scalar::S64 => format!("int64({})", op(0)),
                Scalar::F32 | Scalar::F64 => op(0),
                _ => format!("int32({})", op(0)),
            }],
            Instr::LiftScalar { ty } => vec![match ty {
                Scalar::Bool => format!("({} != 0)", op(0)),
                Scalar::U8 => format!("uint8({})", op(0)),
                Scalar::S8 => format!("int8({})", op(0)),
                Scalar::U16 => format!("uint16({})", op(0)),
                Scalar::S16 => format!("int16({})", op(0)),
                Scalar::U32 => format!("uint32({})", op(0)),
                Scalar::S32 => format!("int32({})", op(0)),
                Scalar::U64 => format!("uint64({})", op(0)),
                Scalar::S64 => format!("int64({})", op(0)),
                Scalar::F32 | Scalar::F64 => op(0),
                Scalar::Char => format!("{cm}LiftChar({})", op(0)),
            }],
            Instr::RecordLower { ty, .. } => {
                let TypeDefKind::Record(r) = &self.g.resolve.types[*ty].kind else {
                    unreachable!()
                };
                let fields = record_fields(r);
                let v = self.atom("r", &op(0));
                fields.iter().map(|f| format!("{v}.{f}")).collect()
            }
            Instr::RecordLift { ty, .. } => {
                let TypeDefKind::Record(r) = &self.g.resolve.types[*ty].kind else {
                    unreachable!()
                };
                let fields = record_fields(r);
                let parts: Vec<String> = fields
                    .iter()
                    .zip(&ops)
                    .map(|(f, v)| format!("{f}: {v}"))
                    .collect();
                vec![format!("{}{{{}}}", self.type_of(*ty), parts.join(", "))]
            }
            Instr::TupleLower { arity, .. } => {
                let v = self.atom("t", &op(0));
                (0..*arity).map(|i| format!("{v}.F{i}")).collect()
            }
            Instr::TupleLift { ty, .. } => {
                let parts: Vec<String> = ops
                    .iter()
                    .enumerate()
                    .map(|(i, v)| format!("F{i}: {v}"))
                    .collect();
                vec![format!("{}{{{}}}", self.type_of(*ty), parts.join(", "))]
            }
            Instr::FlagsLower { .. } => vec![format!("int32({})", op(0))],
            Instr::FlagsLift { ty } => {
                let TypeDefKind::Flags(f) = &self.g.resolve.types[*ty].kind else {
                    unreachable!()
                };
                let mask: u64 = if f.flags.len() >= 32 {
                    u32::MAX as u64
                } else {
                    (1u64 << f.flags.len()) - 1
                };
                vec![format!("{}(uint32({}) & {mask})", self.type_of(*ty), op(0))]
            }
            Instr::EnumLower { .. } => vec![format!("int32({})", op(0))],
            Instr::EnumLift { ty } => {
                let TypeDefKind::Enum(e) = &self.g.resolve.types[*ty].kind else {
                    unreachable!()
                };
                let expr = format!(
                    "{}({cm}Discriminant({}, {}))",
                    self.type_of(*ty),
                    op(0),
                    e.cases.len()
                );
                vec![self.bind("en", &expr)]
            }
            Instr::VariantLower { ty, results, .. } => {
                let flat = flat_types(self.g.resolve, &[Type::Id(*ty)]);
                let names: Vec<String> = (0..*results).map(|_| self.scope.fresh("p")).collect();
                for (name, t) in names.iter().zip(&flat) {
                    let _ = writeln!(self.out(), "var {name} {}", flat_go(*t));
                }
                let value = self.atom("variant", &op(0));
                let text = self.lower_cases(*ty, &value, &blocks, &names);
                self.out().push_str(&text);
                names
            }
            Instr::VariantLift { ty, .. } => {
                let v = self.scope.fresh("lifted");
                let t = self.type_of(*ty);
                let mut text = format!("var {v} {t}\nswitch {} {{\n", op(0));
                for (index, block) in blocks.iter().enumerate() {
                    let value =
                        self.construct(*ty, index, block.results.first().map(String::as_str));
                    let _ = write!(text, "case {index}:\n{}{v} = {value}\n", block.code);
                }
                let _ = write!(text, "default:\n{cm}InvalidDiscriminant()\n}}\n");
                self.out().push_str(&text);
                vec![v]
            }
            Instr::VariantBranch { .. } => {
                let mut text = format!("switch {} {{\n", op(0));
                for (index, block) in blocks.iter().enumerate() {
                    let _ = write!(text, "case {index}:\n{}", block.code);
                }
                text.push_str("}\n");
                self.out().push_str(&text);
                vec![]
            }
            Instr::StringLower { mode } | Instr::ListCanonLower { mode, .. } => {
                let (ptr, len) = (self.scope.fresh("ptr"), self.scope.fresh("len"));
                let what = if matches!(instr, Instr::StringLower { .. }) {
                    "String"
                } else {
                    "Slice"
                };
                let call = match mode {
                    LowerMode::Borrow => {
                        let pinner = self.pinner();
                        format!("{cm}Lower{what}({pinner}, {})", op(0))
                    }
                    LowerMode::Give => format!("{cm}Give{what}({})", op(0)),
                };
                let _ = writeln!(self.out(), "{ptr}, {len} := {call}");
                vec![ptr, len]
            }
            Instr::StringLift => {
                vec![self.bind("s", &format!("{cm}LiftString({}, {})", op(0), op(1)))]
            }
            Instr::ListCanonLift { element } => {
                let elem = self.ty(element);
                vec![self.bind(
                    "list",
                    &format!("{cm}LiftSlice[{elem}]({}, {})", op(0), op(1)),
                )]
            }
            Instr::ListLower {
                size, align, mode, ..
            } => {
                let block = blocks.remove(0);
                let vec = self.atom("vec", &op(0));
                let (base, i) = (self.scope.fresh("base"), self.scope.fresh("i"));
                let alloc = match mode {
                    LowerMode::Borrow => {
                        let pinner = self.pinner();
                        format!("{cm}AllocPinned({pinner}, uint32(len({vec}))*{size}, {align})")
                    }
                    LowerMode::Give => format!("{cm}AllocGive(uint32(len({vec}))*{size}, {align})"),
                };
                let _ = write!(
                    self.out(),
                    "{base} := {alloc}\nfor {i} := range {vec} {{\n{e} := {vec}[{i}]\n{a} := {base} + int32({i}*{size})\n{}}}\n",
                    block.code,
                    e = block.params[0],
                    a = block.params[1],
                );
                vec![base, format!("int32(len({vec}))")]
            }
            Instr::ListLift { element, size, .. } => {
                let block = blocks.remove(0);
                let elem = self.ty(element);
                let (base, n, vec, i) = (
                    self.scope.fresh("base"),
                    self.scope.fresh("n"),
                    self.scope.fresh("list"),
                    self.scope.fresh("i"),
                );
                let _ = write!(
                    self.out(),
                    "{base} := {}\n{n} := {}\n{vec} := make([]{elem}, uint32({n}))\nfor {i} := range {vec} {{\n{a} := {base} + int32({i}*{size})\n{}{vec}[{i}] = {}\n}}\n{cm}Free({base})\n",
                    op(0),
                    op(1),
                    block.code,
                    block.results[0],
                    a = block.params[0],
                );
                vec![vec]
            }
            Instr::HandleLower {
                resource,
                kind,
                origin,
            } => {
                let value = op(0);
                vec![match (kind, origin) {
                    (_, ResourceOrigin::Imported) => format!("{value}.Handle()"),
                    (HandleKind::Own, ResourceOrigin::Exported) => {
                        let f = self
                            .g
                            .named(*resource, true, |n| format!("{}_LowerOwn", n.name));
                        self.bind("handle", &format!("{f}({value})"))
                    }
                    (HandleKind::Borrow, ResourceOrigin::Exported) => {
                        let f = self.g.named(*resource, true, |n| format!("{}_Rep", n.name));
                        format!("{f}({value})")
                    }
                }]
            }
            Instr::HandleLift {
                resource,
                kind,
                origin,
            } => {
                let exporting = *origin == ResourceOrigin::Exported;
                let helper = match (kind, origin) {
                    (_, ResourceOrigin::Imported) => "FromHandle",
                    (HandleKind::Own, ResourceOrigin::Exported) => "LiftOwn",
                    (HandleKind::Borrow, ResourceOrigin::Exported) => "LiftBorrow",
                };
                let f = self.g.named(*resource, exporting && self.exporting, |n| {
                    format!("{}_{helper}", n.name)
                });
                let value = self.bind("res", &format!("{f}({})", op(0)));
                let lent = (*kind, *origin) == (HandleKind::Borrow, ResourceOrigin::Imported);
                if self.kind == PlanKind::Export && lent {
                    if self.bufs.len() > 1 {
                        // Lifted inside a container (a case, a list element): the local ends
                        // with its block, so the function-level list keeps it for the release.
                        let list = self.lent_list();
                        let _ = writeln!(self.out(), "{list} = append({list}, {value})");
                    } else {
                        self.borrows.push(value.clone());
                    }
                }
                vec![value]
            }
            Instr::ParamsArea => {
                let area = self.params_area;
                vec![self.area(area)]
            }
            Instr::ReturnArea => {
                let area = self.return_area;
                vec![self.area(area)]
            }
            Instr::CallImport {
                module,
                name,
                params,
                results,
            } => {
                let (module, name) = (module.clone(), name.clone());
                self.call_import(&module, &name, params, results, &ops)
            }
            Instr::CallUser { results, .. } => self.call_user(&ops, *results),
            Instr::Dealloc { .. } => {
                let _ = writeln!(self.out(), "{cm}Free({})", op(0));
                vec![]
            }
            Instr::StringFree => {
                let _ = writeln!(self.out(), "{cm}Release({})", op(0));
                vec![]
            }
            Instr::ListFree { size, body, .. } => {
                let base = self.atom("base", &op(0));
                if body.is_some() {
                    let block = blocks.remove(0);
                    let i = self.scope.fresh("i");
                    let _ = write!(
                        self.out(),
                        "for {i} := int32(0); {i} < {}; {i}++ {{\n{a} := {base} + {i}*{size}\n{}}}\n",
                        op(1),
                        block.code,
                        a = block.params[0]
                    );
                }
                let _ = writeln!(self.out(), "{cm}Release({base})");
                vec![]
            }
            Instr::Return { .. } => {
                self.ret(&ops);
                vec![]
            }
        }
    }
}

/// The Go field names of a record, as the type declaration gives them.
pub fn record_fields(r: &wit_parser::Record) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    r.fields
        .iter()
        .map(|f| {
            let mut name = crate::go_ident(&f.name, knit_bindgen_core::names::Case::UpperCamel);
            while !seen.insert(name.clone()) {
                name.push('_');
            }
            name
        })
        .collect()
}

/// Turns declarations of locals that nothing reads into blank assignments, and drops unread
/// `var` declarations, since Go rejects unused locals.
pub fn tidy(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    for line in body.lines() {
        if let Some(rest) = line.strip_prefix("var ") {
            let name = rest.split(' ').next().unwrap_or_default();
            if count_word(body, name) <= 1 {
                continue;
            }
        } else if let Some((lhs, rhs)) = line.split_once(" := ") {
            let names: Vec<&str> = lhs.split(", ").collect();
            if names.iter().all(|n| is_ident(n)) {
                let kept: Vec<&str> = names
                    .iter()
                    .map(|n| if count_word(body, n) <= 1 { "_" } else { n })
                    .collect();
                let op = if kept.iter().all(|n| *n == "_") {
                    "="
                } else {
                    ":="
                };
                let _ = writeln!(out, "{} {op} {rhs}", kept.join(", "));
                continue;
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn is_ident(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| c.is_alphanumeric() || c == '_')
        && !s.starts_with(|c: char| c.is_ascii_digit())
}

/// How often `word` occurs in `text` as a whole identifier.
fn count_word(text: &str, word: &str) -> usize {
    let bytes = text.as_bytes();
    let is_part = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    text.match_indices(word)
        .filter(|(i, _)| {
            let before = *i == 0 || !is_part(bytes[i - 1]);
            let end = i + word.len();
            let after = end >= bytes.len() || !is_part(bytes[end]);
            before && after
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unused_locals_become_blank() {
        let body = "a := f()\nb, c := g()\nvar d int32\nvar e int32\ne = 1\nreturn b + e\n";
        assert_eq!(
            tidy(body),
            "_ = f()\nb, _ := g()\nvar e int32\ne = 1\nreturn b + e\n"
        );
    }

    #[test]
    fn words_are_whole_identifiers() {
        assert_eq!(count_word("l1 l10 xl1 l1", "l1"), 2);
    }
}
