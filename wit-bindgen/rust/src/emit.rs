//! Renders canonical-ABI plans as Rust statements.
//!
//! Pure operations (constants, casts, struct literals) are returned as expressions; anything that
//! reads memory, calls out or takes ownership is bound to a fresh `let` at once, so it runs exactly
//! once and in plan order.

use crate::Generator;
use crate::temps::Temps;
use crate::types::Position;
use knit_bindgen_core::abi::{
    Emitter, FlatType, HandleKind, Instr, LowerMode, MemKind, PlanKind, ResourceOrigin, Scalar,
};
use knit_bindgen_core::names::Case;
use std::fmt::Write;
use wit_parser::{Type, TypeDefKind, TypeId};

/// Starting capacity of a function body's buffer, so most bodies never grow it.
const BODY_CAPACITY: usize = 4096;
/// Starting capacity of a nested block's buffer.
const BLOCK_CAPACITY: usize = 512;

/// How `CallUser` reaches the user's code in an export.
pub enum UserCall {
    /// Not an export.
    None,
    /// A free function or static: `path(args)`.
    Function(String),
    /// A method: `path(self.get::<_T>(), args)`.
    Method(String),
    /// A constructor: `Handle::new(T::new(args))`, or `T::new(args).map(Handle::new)` when it is
    /// fallible.
    Constructor {
        /// The exported resource's handle type.
        handle: String,
        /// The user's constructor.
        user: String,
        /// Whether the constructor returns a `result`.
        fallible: bool,
    },
}

/// A rendered nested block.
pub struct RustBlock {
    params: Vec<String>,
    code: String,
    results: Vec<String>,
}

/// Renders one plan.
pub struct RustEmitter<'g, 'a> {
    g: &'g Generator<'a>,
    module: &'g [String],
    exporting: bool,
    kind: PlanKind,
    args: Vec<String>,
    call: UserCall,
    temps: Temps,
    bufs: Vec<String>,
    /// Declarations the body needs first (areas, cleanup list).
    pub prelude: String,
    /// The value the function returns, once `Return` ran.
    pub result: Option<String>,
    uses_cleanup: bool,
    /// Whether handles lent inside containers are kept in `_lent` (see `knit_rt::Lent`).
    uses_lent: bool,
    /// Names given to plan locals, by local number (`None` until the local is set).
    locals: Vec<Option<String>>,
    /// Parameter names of the blocks being rendered, innermost last.
    pending: Vec<Vec<String>>,
    /// The operands of the instruction being rendered, kept to be reused by the next one.
    operands: Vec<String>,
    /// Emptied code buffers of blocks already rendered, for the next blocks to write into.
    spare: Vec<String>,
}

impl<'g, 'a> RustEmitter<'g, 'a> {
    /// A renderer for a plan of `kind` inside `module`; `args` name the function's arguments.
    pub fn new(
        g: &'g Generator<'a>,
        module: &'g [String],
        kind: PlanKind,
        args: Vec<String>,
        call: UserCall,
    ) -> Self {
        const FIXED: [&str; 9] = [
            "_lent",
            "self",
            "_T",
            "_rt",
            "_cleanup",
            "_ret_area",
            "_params_area",
            "_RET_AREA",
            "_import",
        ];
        let temps = Temps::new(args.iter().map(String::as_str).chain(FIXED));
        RustEmitter {
            g,
            module,
            exporting: kind != PlanKind::Import && g.export_side,
            kind,
            args,
            call,
            temps,
            bufs: vec![String::with_capacity(BODY_CAPACITY)],
            prelude: String::new(),
            result: None,
            uses_cleanup: false,
            uses_lent: false,
            pending: Vec::new(),
            locals: Default::default(),
            operands: Vec::new(),
            spare: Vec::new(),
        }
    }

    /// The rendered body statements (without prelude or result).
    pub fn body(&mut self) -> String {
        if self.uses_cleanup {
            self.prelude
                .push_str("let mut _cleanup = _rt::Cleanup::new();\n");
        }
        if self.uses_lent {
            self.prelude.push_str("let _lent = _rt::Lent::new();\n");
        }
        std::mem::take(&mut self.bufs[0])
    }

    fn out(&mut self) -> &mut String {
        self.bufs.last_mut().expect("a buffer is open")
    }

    fn fresh(&mut self, base: &'static str) -> String {
        self.temps.fresh(base)
    }

    /// Binds `expr` to a fresh local and returns its name.
    fn bind(&mut self, base: &'static str, expr: &str) -> String {
        let name = self.fresh(base);
        push(self.out(), &["let ", &name, " = ", expr, ";\n"]);
        name
    }

    fn borrow_mode(&self) -> bool {
        self.kind == PlanKind::Import
    }

    fn type_path(&self, id: TypeId) -> String {
        self.g.type_path(id, self.module, self.exporting)
    }

    fn elem_ty(&self, ty: &Type) -> String {
        self.g.ty(ty, self.module, self.exporting, Position::Owned)
    }

    /// The Rust path of a variant type, which its cases are written under (empty for options and
    /// results, whose cases are the prelude's). Computed once per instruction, not once per case.
    fn variant_path(&self, ty: TypeId) -> String {
        match &self.g.resolve.types[ty].kind {
            TypeDefKind::Variant(_) => self.type_path(ty),
            _ => String::new(),
        }
    }

    /// Appends case `index` of a variant-like type as a pattern or constructor, with `payload`
    /// inside; `path` is the type's [`RustEmitter::variant_path`].
    fn push_case(
        &self,
        out: &mut String,
        ty: TypeId,
        path: &str,
        index: usize,
        payload: Option<&str>,
    ) {
        let resolve = self.g.resolve;
        match &resolve.types[ty].kind {
            TypeDefKind::Option(_) => out.push_str(["None", "Some"][index]),
            TypeDefKind::Result(_) => out.push_str(["Ok", "Err"][index]),
            TypeDefKind::Variant(v) => {
                push(out, &[path, "::"]);
                crate::push_rust_ident(out, &v.cases[index].name, Case::UpperCamel);
            }
            other => unreachable!("not a variant: {other:?}"),
        }
        match (&resolve.types[ty].kind, payload) {
            (_, Some(p)) => push(out, &["(", p, ")"]),
            (TypeDefKind::Result(_), None)
                if knit_bindgen_core::abi::case_payload(resolve, ty, index).is_none() =>
            {
                out.push_str("(())")
            }
            _ => {}
        }
    }

    /// Appends case `index` as a match pattern binding the payload to `param`.
    fn push_case_pattern(
        &self,
        out: &mut String,
        ty: TypeId,
        path: &str,
        index: usize,
        param: Option<&str>,
    ) {
        let has_payload = knit_bindgen_core::abi::case_payload(self.g.resolve, ty, index).is_some();
        match (&self.g.resolve.types[ty].kind, param) {
            (TypeDefKind::Result(_), None) if !has_payload => {
                self.push_case(out, ty, path, index, Some("_"))
            }
            _ => self.push_case(out, ty, path, index, param),
        }
    }

    fn case_count(&self, ty: TypeId) -> usize {
        match &self.g.resolve.types[ty].kind {
            TypeDefKind::Variant(v) => v.cases.len(),
            _ => 2,
        }
    }

    fn field_names(&self, ty: TypeId) -> Vec<String> {
        match &self.g.resolve.types[ty].kind {
            TypeDefKind::Record(r) => r
                .fields
                .iter()
                .map(|f| crate::rust_ident(&f.name, Case::Snake))
                .collect(),
            _ => Vec::new(),
        }
    }

    fn flags_repr(&self, ty: TypeId) -> &'static str {
        match &self.g.resolve.types[ty].kind {
            TypeDefKind::Flags(f) if f.flags.len() <= 8 => "u8",
            TypeDefKind::Flags(f) if f.flags.len() <= 16 => "u16",
            _ => "u32",
        }
    }

    /// Appends the address `base + offset` as a `usize` expression.
    fn push_addr(out: &mut String, base: &str, offset: u32) {
        push(out, &["(", base, " as u32 as usize"]);
        if offset != 0 {
            out.push_str(" + ");
            push_decimal(out, offset as usize);
        }
        out.push(')');
    }

    fn emit_import_call(
        &mut self,
        module: &str,
        name: &str,
        params: &[FlatType],
        results: &[FlatType],
        ops: &[String],
    ) -> Vec<String> {
        // `_import(_: i32, ...) -> i32`, written twice below.
        let mut sig = String::from("_import(");
        for (i, param) in params.iter().enumerate() {
            if i > 0 {
                sig.push_str(", ");
            }
            push(&mut sig, &["_: ", param.wasm_name()]);
        }
        sig.push(')');
        if let Some(result) = results.first() {
            push(&mut sig, &[" -> ", result.wasm_name()]);
        }
        let out = self.out();
        out.push_str("#[cfg(target_arch = \"wasm32\")]\n#[link(wasm_import_module = ");
        push_quoted(out, module);
        out.push_str(")]\nunsafe extern \"C\" {\n    #[link_name = ");
        push_quoted(out, name);
        push(
            out,
            &[
                "]\n    fn ",
                &sig,
                ";\n}\n#[cfg(not(target_arch = \"wasm32\"))]\nunsafe extern \"C\" fn ",
                &sig,
                " {\n    unreachable!(\"WIT imports are only available on wasm32\")\n}\n",
            ],
        );
        let call = ["_import(", &ops.join(", "), ")"].concat();
        if results.is_empty() {
            push(self.out(), &[&call, ";\n"]);
            Vec::new()
        } else {
            vec![self.bind("ret", &call)]
        }
    }

    /// Hands an owned string or list to linear memory through `_rt::{helper}`: `(pointer, length)`.
    fn give(&mut self, helper: &str, value: &str) -> Vec<String> {
        let (ptr, len) = (self.fresh("ptr"), self.fresh("len"));
        let _ = writeln!(
            self.out(),
            "let ({ptr}, {len}) = _rt::{helper}({});",
            strip(value)
        );
        vec![ptr, len]
    }

    /// Lowers a list whose elements have the same bytes in Rust as in linear memory: a borrowed
    /// list passes its own buffer, an owned one is handed over whole.
    fn list_canon_lower(&mut self, element: &Type, mode: LowerMode, list: &str) -> Vec<String> {
        if mode == LowerMode::Give {
            return self.give("list_give", list);
        }
        let elem = self.elem_ty(element);
        let v = self.bind("v", &format!("{{ let v: &[{elem}] = &({list}); v }}"));
        vec![
            format!("{v}.as_ptr() as usize as i32"),
            format!("{v}.len() as i32"),
        ]
    }

    /// Lifts a list whose elements have the same bytes in Rust as in linear memory by taking
    /// ownership of its buffer, without copying.
    fn list_canon_lift(&mut self, element: &Type, ptr: &str, len: &str) -> Vec<String> {
        let elem = self.elem_ty(element);
        vec![self.bind(
            "list",
            &format!("_rt::list_canon_lift::<{elem}>({ptr}, {len})"),
        )]
    }

    fn call_user(&mut self, ops: &[String], results: usize) -> Vec<String> {
        let call = match &self.call {
            UserCall::None => unreachable!("CallUser appears only in export plans"),
            UserCall::Function(path) => format!("{path}({})", ops.join(", ")),
            UserCall::Method(path) => {
                let mut args = vec![format!("{}.get::<_T>()", ops[0])];
                args.extend(ops[1..].iter().cloned());
                format!("{path}({})", args.join(", "))
            }
            UserCall::Constructor {
                handle,
                user,
                fallible: false,
            } => format!("{handle}::new({user}({}))", ops.join(", ")),
            UserCall::Constructor {
                handle,
                user,
                fallible: true,
            } => format!("{user}({}).map({handle}::new)", ops.join(", ")),
        };
        if results == 0 {
            let _ = writeln!(self.out(), "{call};");
            Vec::new()
        } else {
            vec![self.bind("result", &call)]
        }
    }
}

/// Wraps an expression in parentheses unless it is already one operand (a name, a literal, a call
/// or an already parenthesised group), so generated code has no redundant parentheses.
fn group(expr: &str) -> String {
    if is_atom(expr) {
        expr.to_string()
    } else {
        format!("({expr})")
    }
}

/// The expression without one pair of enclosing parentheses, when they enclose all of it.
fn strip(expr: &str) -> &str {
    if expr.starts_with('(') && expr.ends_with(')') && encloses(expr) {
        &expr[1..expr.len() - 1]
    } else {
        expr
    }
}

fn encloses(expr: &str) -> bool {
    let mut depth = 0i32;
    for (i, c) in expr.char_indices() {
        match c {
            ',' if depth == 1 => return false,
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 && i != expr.len() - 1 {
                    return false;
                }
            }
            _ => {}
        }
    }
    true
}

fn is_atom(expr: &str) -> bool {
    let simple = expr
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == ':' || c == '.');
    simple || (expr.starts_with('(') && expr.ends_with(')') && encloses(expr))
}

fn bitcast(from: FlatType, to: FlatType, op: &str) -> String {
    use FlatType::*;
    match (from, to) {
        (F32, I32) => format!("({op}).to_bits() as i32"),
        (I32, F32) => format!("f32::from_bits({op} as u32)"),
        (I32, I64) => format!("i64::from({op} as u32)"),
        (I64, I32) => format!("({op} as i32)"),
        (F32, I64) => format!("i64::from(({op}).to_bits())"),
        (I64, F32) => format!("f32::from_bits({op} as u32)"),
        (F64, I64) => format!("({op}).to_bits() as i64"),
        (I64, F64) => format!("f64::from_bits({op} as u64)"),
        (a, b) if a == b => op.to_string(),
        (a, b) => unreachable!("no bitcast from {a:?} to {b:?}"),
    }
}

/// Appends a read of `kind` at `base + offset`.
fn load(out: &mut String, kind: MemKind, base: &str, offset: u32) {
    let (widen, ty) = match kind {
        MemKind::U8 => (true, "u8"),
        MemKind::S8 => (true, "i8"),
        MemKind::U16 => (true, "u16"),
        MemKind::S16 => (true, "i16"),
        MemKind::I32 => (false, "i32"),
        MemKind::I64 => (false, "i64"),
        MemKind::F32 => (false, "f32"),
        MemKind::F64 => (false, "f64"),
    };
    out.push_str(if widen { "i32::from(*(" } else { "*(" });
    RustEmitter::push_addr(out, base, offset);
    push(out, &[" as *const ", ty, if widen { "))" } else { ")" }]);
}

/// Appends a write of `value` as `kind` at `base + offset`.
fn store(out: &mut String, kind: MemKind, base: &str, offset: u32, value: &str) {
    let (narrow, ty) = match kind {
        MemKind::U8 | MemKind::S8 => (true, "u8"),
        MemKind::U16 | MemKind::S16 => (true, "u16"),
        MemKind::I32 => (false, "i32"),
        MemKind::I64 => (false, "i64"),
        MemKind::F32 => (false, "f32"),
        MemKind::F64 => (false, "f64"),
    };
    out.push_str("*(");
    RustEmitter::push_addr(out, base, offset);
    push(out, &[" as *mut ", ty, ") = "]);
    if narrow {
        push(out, &[&group(value), " as ", ty, ";"]);
    } else {
        push(out, &[strip(value), ";"]);
    }
}

/// Appends `n` in decimal without going through `core::fmt`.
fn push_decimal(out: &mut String, n: usize) {
    if n >= 10 {
        push_decimal(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// Appends `text` as a Rust string literal, exactly as `{text:?}` writes it.
fn push_quoted(out: &mut String, text: &str) {
    // Printable ASCII other than quotes and backslashes is written as it is; anything else
    // takes the formatter's escaping.
    if text
        .bytes()
        .all(|b| (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\')
    {
        push(out, &["\"", text, "\""]);
    } else {
        let _ = write!(out, "{text:?}");
    }
}

/// Appends every piece to `out`: a `write!` for plain text that skips the formatting machinery.
pub(crate) fn push(out: &mut String, pieces: &[&str]) {
    out.reserve(pieces.iter().map(|p| p.len()).sum());
    for piece in pieces {
        out.push_str(piece);
    }
}

/// What one instruction pushes: most push one value or none, which then need no vector.
enum Values {
    /// Nothing.
    None,
    /// One value.
    One(String),
    /// Any number of values, in stack order.
    Many(Vec<String>),
}

impl Values {
    /// Pushes the values onto `stack`.
    fn push_onto(self, stack: &mut Vec<String>) {
        match self {
            Values::None => {}
            Values::One(value) => stack.push(value),
            Values::Many(values) => stack.extend(values),
        }
    }
}

impl From<Vec<String>> for Values {
    fn from(values: Vec<String>) -> Values {
        Values::Many(values)
    }
}

/// Builds [`Values`] like `vec!` builds a vector.
macro_rules! values {
    () => {
        Values::None
    };
    ($one:expr $(,)?) => {
        Values::One($one)
    };
    ($($many:expr),+ $(,)?) => {
        Values::Many(vec![$($many),+])
    };
}

impl Emitter for RustEmitter<'_, '_> {
    type Block = RustBlock;

    fn begin_block(&mut self, params: usize) -> Vec<String> {
        let buf = self
            .spare
            .pop()
            .unwrap_or_else(|| String::with_capacity(BLOCK_CAPACITY));
        self.bufs.push(buf);
        let names: Vec<String> = (0..params)
            .map(|i| self.fresh(if i == 0 { "e" } else { "addr" }))
            .collect();
        self.pending.push(names.clone());
        names
    }

    fn end_block(&mut self, results: Vec<String>) -> RustBlock {
        let code = self.bufs.pop().expect("a block is open");
        let params = self.pending.pop().expect("blocks are balanced");
        RustBlock {
            params,
            code,
            results,
        }
    }

    fn emit(&mut self, instr: &Instr, ops: Vec<String>, blocks: Vec<RustBlock>) -> Vec<String> {
        let mut results = Vec::new();
        self.render(instr, &ops, &blocks).push_onto(&mut results);
        self.recycle(blocks);
        results
    }

    fn emit_on_stack(&mut self, instr: &Instr, stack: &mut Vec<String>, blocks: Vec<RustBlock>) {
        // The operands move to a buffer kept from one instruction to the next.
        let mut ops = std::mem::take(&mut self.operands);
        ops.extend(stack.drain(stack.len() - instr.pops()..));
        self.render(instr, &ops, &blocks).push_onto(stack);
        self.recycle(blocks);
        ops.clear();
        self.operands = ops;
    }
}

impl RustEmitter<'_, '_> {
    /// Keeps the code buffers of rendered blocks for the blocks still to come.
    fn recycle(&mut self, blocks: Vec<RustBlock>) {
        for block in blocks {
            let mut code = block.code;
            code.clear();
            self.spare.push(code);
        }
    }

    /// Renders one instruction given its operands (bottom of the stack first); returns what it
    /// pushes.
    fn render(&mut self, instr: &Instr, ops: &[String], blocks: &[RustBlock]) -> Values {
        match instr {
            Instr::Arg { index } => values![self.args[*index].clone()],
            Instr::LocalSet { local } => {
                let name = self.fresh("l");
                push(self.out(), &["let ", &name, " = ", strip(&ops[0]), ";\n"]);
                let slot = local.0 as usize;
                if self.locals.len() <= slot {
                    self.locals.resize(slot + 1, None);
                }
                self.locals[slot] = Some(name);
                values![]
            }
            Instr::LocalGet { local } => values![
                self.locals[local.0 as usize]
                    .clone()
                    .expect("plans set a local before reading it"),
            ],
            Instr::ConstI32 { value } => values![value.to_string() + "i32"],
            Instr::ConstZero { ty } => values![
                match ty {
                    FlatType::I32 => "0i32",
                    FlatType::I64 => "0i64",
                    FlatType::F32 => "0.0f32",
                    FlatType::F64 => "0.0f64",
                }
                .to_string(),
            ],
            Instr::Bitcast { from, to } => values![bitcast(*from, *to, &ops[0])],
            Instr::Load { kind, offset } => {
                let name = self.fresh("v");
                let out = self.out();
                push(out, &["let ", &name, " = "]);
                load(out, *kind, &ops[0], *offset);
                out.push_str(";\n");
                values![name]
            }
            Instr::Store { kind, offset } => {
                let out = self.out();
                store(out, *kind, &ops[1], *offset, &ops[0]);
                out.push('\n');
                values![]
            }
            Instr::LowerScalar { ty } => {
                let helper = match ty {
                    Scalar::U64 | Scalar::S64 => "_rt::as_i64(",
                    Scalar::F32 => "_rt::as_f32(",
                    Scalar::F64 => "_rt::as_f64(",
                    _ => "_rt::as_i32(",
                };
                values![[helper, &ops[0], ")"].concat()]
            }
            Instr::LiftScalar { ty } => {
                let (before, after) = match ty {
                    Scalar::Bool => ("(", " != 0)"),
                    Scalar::U8 => ("(", " as u8)"),
                    Scalar::S8 => ("(", " as i8)"),
                    Scalar::U16 => ("(", " as u16)"),
                    Scalar::S16 => ("(", " as i16)"),
                    Scalar::U32 => ("(", " as u32)"),
                    Scalar::U64 => ("(", " as u64)"),
                    Scalar::S32 | Scalar::S64 | Scalar::F32 | Scalar::F64 => ("", ""),
                    Scalar::Char => ("_rt::char_lift(", ")"),
                };
                values![[before, &ops[0], after].concat()]
            }
            Instr::RecordLower { ty, .. } => {
                let names = self.field_names(*ty);
                let locals: Vec<String> = names.iter().map(|_| self.fresh("f")).collect();
                let fields: Vec<String> = names
                    .iter()
                    .zip(&locals)
                    .map(|(n, l)| format!("{n}: {l}"))
                    .collect();
                let path = self.type_path(*ty);
                let value = if self.borrow_mode() {
                    format!("&{}", group(&ops[0]))
                } else {
                    strip(&ops[0]).to_string()
                };
                let _ = writeln!(
                    self.out(),
                    "let {path} {{ {} }} = {value};",
                    fields.join(", ")
                );
                locals.into()
            }
            Instr::RecordLift { ty, .. } => {
                let names = self.field_names(*ty);
                let mut value = self.type_path(*ty);
                value.push_str(" { ");
                for (i, (name, op)) in names.iter().zip(ops).enumerate() {
                    if i > 0 {
                        value.push_str(", ");
                    }
                    push(&mut value, &[name, ": ", op]);
                }
                value.push_str(" }");
                values![value]
            }
            Instr::TupleLower { arity, .. } => {
                let locals: Vec<String> = (0..*arity).map(|_| self.fresh("t")).collect();
                let value = if self.borrow_mode() {
                    format!("&{}", group(&ops[0]))
                } else {
                    strip(&ops[0]).to_string()
                };
                let _ = writeln!(self.out(), "let ({},) = {value};", locals.join(", "));
                locals.into()
            }
            Instr::TupleLift { .. } => values![format!("({},)", ops.join(", "))],
            Instr::FlagsLower { .. } => values![format!("({}.bits() as i32)", group(&ops[0]))],
            Instr::FlagsLift { ty } => {
                values![format!(
                    "{}::from_bits_truncate({} as {})",
                    self.type_path(*ty),
                    ops[0],
                    self.flags_repr(*ty)
                )]
            }
            Instr::EnumLower { ty } => {
                let TypeDefKind::Enum(e) = &self.g.resolve.types[*ty].kind else {
                    unreachable!()
                };
                let path = self.type_path(*ty);
                let mut text = ["match ", &ops[0], " { "].concat();
                for (i, c) in e.cases.iter().enumerate() {
                    if i > 0 {
                        text.push_str(", ");
                    }
                    let case = crate::rust_ident(&c.name, Case::UpperCamel);
                    push(&mut text, &[&path, "::", &case, " => "]);
                    push_decimal(&mut text, i);
                    text.push_str("i32");
                }
                text.push_str(" }");
                values![text]
            }
            Instr::EnumLift { ty } => {
                let TypeDefKind::Enum(e) = &self.g.resolve.types[*ty].kind else {
                    unreachable!()
                };
                let path = self.type_path(*ty);
                let mut expr = ["match ", &ops[0], " { "].concat();
                for (i, c) in e.cases.iter().enumerate() {
                    push_decimal(&mut expr, i);
                    let case = crate::rust_ident(&c.name, Case::UpperCamel);
                    push(&mut expr, &[" => ", &path, "::", &case, ", "]);
                }
                expr.push_str("_ => _rt::invalid_discriminant() }");
                values![self.bind("en", &expr)]
            }
            Instr::VariantLower { ty, results, .. } => {
                let scrutinee = if self.borrow_mode() {
                    format!("&{}", group(&ops[0]))
                } else {
                    strip(&ops[0]).to_string()
                };
                let names: Vec<String> = (0..*results).map(|_| self.fresh("p")).collect();
                let path = self.variant_path(*ty);
                // Written straight into the open buffer, taken out while the cases borrow `self`.
                let mut text = self.bufs.pop().expect("a buffer is open");
                match names.len() {
                    0 => {}
                    1 => push(&mut text, &["let ", &names[0], " = "]),
                    _ => push(&mut text, &["let (", &names.join(", "), ") = "]),
                }
                push(&mut text, &["match ", &scrutinee, " {\n"]);
                for (index, block) in blocks.iter().enumerate() {
                    let param = block.params.first().map(String::as_str);
                    self.push_case_pattern(&mut text, *ty, &path, index, param);
                    push(&mut text, &[" => {\n", &block.code]);
                    match block.results.len() {
                        0 => {}
                        1 => text.push_str(&block.results[0]),
                        _ => push(&mut text, &["(", &block.results.join(", "), ")"]),
                    }
                    text.push_str("\n}\n");
                }
                text.push_str(if names.is_empty() { "}\n" } else { "};\n" });
                self.bufs.push(text);
                names.into()
            }
            Instr::VariantLift { ty, .. } => {
                // As `bind` would write it, but straight into the open buffer.
                let name = self.fresh("var");
                let path = self.variant_path(*ty);
                let mut text = self.bufs.pop().expect("a buffer is open");
                push(&mut text, &["let ", &name, " = match ", &ops[0], " {\n"]);
                for (index, block) in blocks.iter().enumerate() {
                    push_decimal(&mut text, index);
                    push(&mut text, &[" => {\n", &block.code]);
                    let value = block.results.first().map(String::as_str);
                    self.push_case(&mut text, *ty, &path, index, value);
                    text.push_str("\n}\n");
                }
                text.push_str("_ => _rt::invalid_discriminant(),\n};\n");
                self.bufs.push(text);
                values![name]
            }
            Instr::VariantBranch { ty, .. } => {
                let _ = self.case_count(*ty);
                let mut text = format!("match {} {{\n", ops[0]);
                for (index, block) in blocks.iter().enumerate() {
                    let _ = writeln!(text, "{index} => {{\n{}}}", block.code);
                }
                text.push_str("_ => {}\n}\n");
                self.out().push_str(&text);
                values![]
            }
            Instr::StringLower {
                mode: LowerMode::Borrow,
            } => {
                let s = self.bind("s", &format!("{{ let s: &str = &({}); s }}", ops[0]));
                values![
                    format!("{s}.as_ptr() as usize as i32"),
                    format!("{s}.len() as i32"),
                ]
            }
            Instr::StringLower {
                mode: LowerMode::Give,
            } => self.give("string_give", &ops[0]).into(),
            Instr::StringLift => {
                let lift = ["_rt::string_lift(", &ops[0], ", ", &ops[1], ")"].concat();
                values![self.bind("s", &lift)]
            }
            Instr::ListCanonLower { element, mode } => {
                self.list_canon_lower(element, *mode, &ops[0]).into()
            }
            Instr::ListCanonLift { element } => {
                self.list_canon_lift(element, &ops[0], &ops[1]).into()
            }
            Instr::ListLower {
                size, align, mode, ..
            } => {
                let block = &blocks[0];
                let (vec, len, base, i) = (
                    self.fresh("vec"),
                    self.fresh("len"),
                    self.fresh("base"),
                    self.fresh("i"),
                );
                let borrow = *mode == LowerMode::Borrow;
                let (bind, iter) = if borrow {
                    ("&", "iter")
                } else {
                    ("", "into_iter")
                };
                let mut text = format!(
                    "let {vec} = {bind}({});\nlet {len} = {vec}.len();\nlet {base} = _rt::list_alloc({len}, {size}, {align});\n",
                    ops[0]
                );
                if borrow {
                    self.uses_cleanup = true;
                    let _ = writeln!(text, "_cleanup.push({base}, {len} * {size}, {align});");
                }
                let _ = writeln!(
                    text,
                    "for ({i}, {e}) in {vec}.{iter}().enumerate() {{\nlet {a} = {base} + ({i} * {size}) as i32;\n{}}}",
                    block.code,
                    e = block.params[0],
                    a = block.params[1],
                );
                self.out().push_str(&text);
                values![base, format!("{len} as i32")]
            }
            Instr::ListLift { size, align, .. } => {
                let block = &blocks[0];
                let (base, len, vec, i) = (
                    self.fresh("base"),
                    self.fresh("len"),
                    self.fresh("vec"),
                    self.fresh("i"),
                );
                let _ = write!(
                    self.out(),
                    "let {base} = {};\nlet {len} = {};\nlet mut {vec} = _rt::Vec::with_capacity({len} as u32 as usize);\nfor {i} in 0..({len} as u32 as usize) {{\nlet {a} = {base} + ({i} * {size}) as i32;\n{}{vec}.push({});\n}}\n_rt::list_free({base}, {len}, {size}, {align});\n",
                    ops[0],
                    ops[1],
                    block.code,
                    block.results[0],
                    a = block.params[0],
                );
                values![vec]
            }
            Instr::HandleLower { kind, origin, .. } => {
                let (before, after) = match (kind, origin) {
                    (HandleKind::Own, _) => ("(_rt::take_handle_of(&", ") as i32)"),
                    (HandleKind::Borrow, ResourceOrigin::Imported) => {
                        ("(_rt::handle_of(&", ") as i32)")
                    }
                    (HandleKind::Borrow, ResourceOrigin::Exported) => ("(", ".rep() as i32)"),
                };
                values![[before, &group(&ops[0]), after].concat()]
            }
            Instr::HandleLift {
                resource,
                kind,
                origin,
            } => {
                let path = self.type_path(*resource);
                match (kind, origin) {
                    (HandleKind::Own, _) => {
                        let lift = [
                            "<",
                            &path,
                            " as _rt::FromHandle>::from_handle(",
                            &ops[0],
                            " as u32)",
                        ]
                        .concat();
                        values![self.bind("h", &lift)]
                    }
                    (HandleKind::Borrow, ResourceOrigin::Imported) if self.bufs.len() > 1 => {
                        // Inside a container the lift sits in a nested block, which would drop a
                        // local wrapper before the call: the function-level `_lent` keeps it.
                        self.uses_lent = true;
                        values![format!(
                            "_lent.keep(<{path} as _rt::FromHandle>::from_handle({} as u32))",
                            ops[0]
                        )]
                    }
                    (HandleKind::Borrow, ResourceOrigin::Imported) => {
                        // A borrow lent to this export is a handle of its own, which must be dropped before the
                        // call returns: the owned wrapper does that when it goes out of scope.
                        let h = self.bind(
                            "h",
                            &format!(
                                "<{path} as _rt::FromHandle>::from_handle({} as u32)",
                                ops[0]
                            ),
                        );
                        values![format!("&{h}")]
                    }
                    (HandleKind::Borrow, ResourceOrigin::Exported) => {
                        let borrow =
                            self.g
                                .borrow_type_path(*resource, self.module, self.exporting);
                        values![
                            self.bind("b", &format!("{borrow}::lift({} as u32 as usize)", ops[0]))
                        ]
                    }
                }
            }
            Instr::ParamsArea | Instr::ReturnArea => {
                let params = matches!(instr, Instr::ParamsArea);
                let plan_area = if params { "params" } else { "return" };
                let _ = plan_area;
                values![if self.kind == PlanKind::Import {
                    if params {
                        "_params_area.addr()".to_string()
                    } else {
                        "_ret_area.addr()".to_string()
                    }
                } else {
                    "_RET_AREA.addr()".to_string()
                }]
            }
            Instr::CallImport {
                module,
                name,
                params,
                results,
            } => {
                let (module, name) = (module.clone(), name.clone());
                self.emit_import_call(&module, &name, params, results, ops)
                    .into()
            }
            Instr::CallUser { results, .. } => self.call_user(ops, *results).into(),
            Instr::Dealloc { size, align } => {
                let _ = writeln!(self.out(), "_rt::dealloc({}, {size}, {align});", ops[0]);
                values![]
            }
            Instr::StringFree => {
                let _ = writeln!(
                    self.out(),
                    "_rt::dealloc({}, {} as u32 as usize, 1);",
                    ops[0],
                    ops[1]
                );
                values![]
            }
            Instr::ListFree { size, align, body } => {
                let (base, len) = (self.bind("base", &ops[0]), self.bind("len", &ops[1]));
                if body.is_some() {
                    let block = &blocks[0];
                    let i = self.fresh("i");
                    let _ = write!(
                        self.out(),
                        "for {i} in 0..({len} as u32 as usize) {{\nlet {a} = {base} + ({i} * {size}) as i32;\n{}}}\n",
                        block.code,
                        a = block.params[0]
                    );
                }
                let _ = writeln!(
                    self.out(),
                    "_rt::list_free({base}, {len}, {size}, {align});"
                );
                values![]
            }
            Instr::Return { count } => {
                self.result = match count {
                    0 => None,
                    _ => Some(ops[0].clone()),
                };
                values![]
            }
        }
    }
}
