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
    /// A method: `path(self.get::<T>(), args)`.
    Method(String),
    /// A constructor: `Handle::new(T::new(args))`.
    Constructor {
        /// The exported resource's handle type.
        handle: String,
        /// The user's constructor.
        user: String,
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
    /// Names given to plan locals.
    locals: rustc_hash::FxHashMap<u32, String>,
    /// Parameter names of the blocks being rendered, innermost last.
    pending: Vec<Vec<String>>,
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
        const FIXED: [&str; 8] = [
            "self",
            "T",
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
            exporting: kind != PlanKind::Import,
            kind,
            args,
            call,
            temps,
            bufs: vec![String::with_capacity(BODY_CAPACITY)],
            prelude: String::new(),
            result: None,
            uses_cleanup: false,
            pending: Vec::new(),
            locals: Default::default(),
        }
    }

    /// The rendered body statements (without prelude or result).
    pub fn body(&mut self) -> String {
        if self.uses_cleanup {
            self.prelude
                .push_str("let mut _cleanup = _rt::Cleanup::new();\n");
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

    /// Case `index` of a variant-like type as a pattern or constructor, with `payload` inside.
    fn case(&self, ty: TypeId, index: usize, payload: Option<&str>) -> String {
        let resolve = self.g.resolve;
        let mut head = match &resolve.types[ty].kind {
            TypeDefKind::Option(_) => ["None", "Some"][index].to_string(),
            TypeDefKind::Result(_) => ["Ok", "Err"][index].to_string(),
            TypeDefKind::Variant(v) => [
                self.type_path(ty).as_str(),
                "::",
                &crate::rust_ident(&v.cases[index].name, Case::UpperCamel),
            ]
            .concat(),
            other => unreachable!("not a variant: {other:?}"),
        };
        match (&resolve.types[ty].kind, payload) {
            (_, Some(p)) => push(&mut head, &["(", p, ")"]),
            (TypeDefKind::Result(_), None)
                if knit_bindgen_core::abi::case_payload(resolve, ty, index).is_none() =>
            {
                head.push_str("(())")
            }
            _ => {}
        }
        head
    }

    fn case_pattern(&self, ty: TypeId, index: usize, param: Option<&str>) -> String {
        let has_payload = knit_bindgen_core::abi::case_payload(self.g.resolve, ty, index).is_some();
        match (&self.g.resolve.types[ty].kind, param) {
            (TypeDefKind::Result(_), None) if !has_payload => self.case(ty, index, Some("_")),
            _ => self.case(ty, index, param),
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

    fn addr(base: &str, offset: u32) -> String {
        if offset == 0 {
            ["(", base, " as u32 as usize)"].concat()
        } else {
            ["(", base, " as u32 as usize + ", &offset.to_string(), ")"].concat()
        }
    }

    fn emit_import_call(
        &mut self,
        module: &str,
        name: &str,
        params: &[FlatType],
        results: &[FlatType],
        ops: &[String],
    ) -> Vec<String> {
        let sig: Vec<String> = params
            .iter()
            .map(|p| format!("_: {}", p.wasm_name()))
            .collect();
        let ret = results
            .first()
            .map(|r| format!(" -> {}", r.wasm_name()))
            .unwrap_or_default();
        let _ = write!(
            self.out(),
            "#[cfg(target_arch = \"wasm32\")]\n#[link(wasm_import_module = {module:?})]\nunsafe extern \"C\" {{\n    #[link_name = {name:?}]\n    fn _import({sig}){ret};\n}}\n#[cfg(not(target_arch = \"wasm32\"))]\nunsafe extern \"C\" fn _import({sig}){ret} {{\n    unreachable!(\"WIT imports are only available on wasm32\")\n}}\n",
            sig = sig.join(", ")
        );
        let call = format!("_import({})", ops.join(", "));
        if results.is_empty() {
            let _ = writeln!(self.out(), "{call};");
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
                let mut args = vec![format!("{}.get::<T>()", ops[0])];
                args.extend(ops[1..].iter().cloned());
                format!("{path}({})", args.join(", "))
            }
            UserCall::Constructor { handle, user } => {
                format!("{handle}::new({user}({}))", ops.join(", "))
            }
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

fn load(kind: MemKind, addr: &str) -> String {
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
    if widen {
        ["i32::from(*(", addr, " as *const ", ty, "))"].concat()
    } else {
        ["*(", addr, " as *const ", ty, ")"].concat()
    }
}

fn store(kind: MemKind, addr: &str, value: &str) -> String {
    let (narrow, ty) = match kind {
        MemKind::U8 | MemKind::S8 => (true, "u8"),
        MemKind::U16 | MemKind::S16 => (true, "u16"),
        MemKind::I32 => (false, "i32"),
        MemKind::I64 => (false, "i64"),
        MemKind::F32 => (false, "f32"),
        MemKind::F64 => (false, "f64"),
    };
    if narrow {
        let value = group(value);
        ["*(", addr, " as *mut ", ty, ") = ", &value, " as ", ty, ";"].concat()
    } else {
        ["*(", addr, " as *mut ", ty, ") = ", strip(value), ";"].concat()
    }
}

/// Appends every piece to `out`: a `write!` for plain text that skips the formatting machinery.
pub(crate) fn push(out: &mut String, pieces: &[&str]) {
    out.reserve(pieces.iter().map(|p| p.len()).sum());
    for piece in pieces {
        out.push_str(piece);
    }
}

impl Emitter for RustEmitter<'_, '_> {
    type Block = RustBlock;

    fn begin_block(&mut self, params: usize) -> Vec<String> {
        self.bufs.push(String::with_capacity(BLOCK_CAPACITY));
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

    fn emit(&mut self, instr: &Instr, ops: Vec<String>, mut blocks: Vec<RustBlock>) -> Vec<String> {
        match instr {
            Instr::Arg { index } => vec![self.args[*index].clone()],
            Instr::LocalSet { local } => {
                let name = self.fresh("l");
                push(self.out(), &["let ", &name, " = ", strip(&ops[0]), ";\n"]);
                self.locals.insert(local.0, name);
                vec![]
            }
            Instr::LocalGet { local } => vec![self.locals[&local.0].clone()],
            Instr::ConstI32 { value } => vec![value.to_string() + "i32"],
            Instr::ConstZero { ty } => vec![
                match ty {
                    FlatType::I32 => "0i32",
                    FlatType::I64 => "0i64",
                    FlatType::F32 => "0.0f32",
                    FlatType::F64 => "0.0f64",
                }
                .to_string(),
            ],
            Instr::Bitcast { from, to } => vec![bitcast(*from, *to, &ops[0])],
            Instr::Load { kind, offset } => {
                let value = load(*kind, &Self::addr(&ops[0], *offset));
                vec![self.bind("v", &value)]
            }
            Instr::Store { kind, offset } => {
                let line = store(*kind, &Self::addr(&ops[1], *offset), &ops[0]);
                push(self.out(), &[&line, "\n"]);
                vec![]
            }
            Instr::LowerScalar { ty } => {
                let helper = match ty {
                    Scalar::U64 | Scalar::S64 => "_rt::as_i64(",
                    Scalar::F32 => "_rt::as_f32(",
                    Scalar::F64 => "_rt::as_f64(",
                    _ => "_rt::as_i32(",
                };
                vec![[helper, &ops[0], ")"].concat()]
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
                vec![[before, &ops[0], after].concat()]
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
                locals
            }
            Instr::RecordLift { ty, .. } => {
                let names = self.field_names(*ty);
                let fields: Vec<String> = names
                    .iter()
                    .zip(&ops)
                    .map(|(n, v)| format!("{n}: {v}"))
                    .collect();
                vec![format!(
                    "{} {{ {} }}",
                    self.type_path(*ty),
                    fields.join(", ")
                )]
            }
            Instr::TupleLower { arity, .. } => {
                let locals: Vec<String> = (0..*arity).map(|_| self.fresh("t")).collect();
                let value = if self.borrow_mode() {
                    format!("&{}", group(&ops[0]))
                } else {
                    strip(&ops[0]).to_string()
                };
                let _ = writeln!(self.out(), "let ({},) = {value};", locals.join(", "));
                locals
            }
            Instr::TupleLift { .. } => vec![format!("({},)", ops.join(", "))],
            Instr::FlagsLower { .. } => vec![format!("({}.bits() as i32)", group(&ops[0]))],
            Instr::FlagsLift { ty } => {
                vec![format!(
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
                let arms: Vec<String> = e
                    .cases
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        format!(
                            "{path}::{} => {i}i32",
                            crate::rust_ident(&c.name, Case::UpperCamel)
                        )
                    })
                    .collect();
                vec![format!("match {} {{ {} }}", ops[0], arms.join(", "))]
            }
            Instr::EnumLift { ty } => {
                let TypeDefKind::Enum(e) = &self.g.resolve.types[*ty].kind else {
                    unreachable!()
                };
                let path = self.type_path(*ty);
                let arms: Vec<String> = e
                    .cases
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        format!(
                            "{i} => {path}::{}",
                            crate::rust_ident(&c.name, Case::UpperCamel)
                        )
                    })
                    .collect();
                let expr = format!(
                    "match {} {{ {}, _ => _rt::invalid_discriminant() }}",
                    ops[0],
                    arms.join(", ")
                );
                vec![self.bind("en", &expr)]
            }
            Instr::VariantLower { ty, results, .. } => {
                let scrutinee = if self.borrow_mode() {
                    format!("&{}", group(&ops[0]))
                } else {
                    strip(&ops[0]).to_string()
                };
                let names: Vec<String> = (0..*results).map(|_| self.fresh("p")).collect();
                let mut text = match names.len() {
                    0 => String::new(),
                    1 => format!("let {} = ", names[0]),
                    _ => format!("let ({}) = ", names.join(", ")),
                };
                push(&mut text, &["match ", &scrutinee, " {\n"]);
                for (index, block) in blocks.iter().enumerate() {
                    let pattern =
                        self.case_pattern(*ty, index, block.params.first().map(String::as_str));
                    let value = match block.results.len() {
                        0 => String::new(),
                        1 => block.results[0].clone(),
                        _ => ["(", &block.results.join(", "), ")"].concat(),
                    };
                    push(
                        &mut text,
                        &[&pattern, " => {\n", &block.code, &value, "\n}\n"],
                    );
                }
                text.push_str(if names.is_empty() { "}\n" } else { "};\n" });
                self.out().push_str(&text);
                names
            }
            Instr::VariantLift { ty, .. } => {
                let mut text = ["match ", &ops[0], " {\n"].concat();
                for (index, block) in blocks.iter().enumerate() {
                    let value = self.case(*ty, index, block.results.first().map(String::as_str));
                    let index = index.to_string();
                    push(
                        &mut text,
                        &[&index, " => {\n", &block.code, &value, "\n}\n"],
                    );
                }
                text.push_str("_ => _rt::invalid_discriminant(),\n}");
                vec![self.bind("var", &text)]
            }
            Instr::VariantBranch { ty, .. } => {
                let _ = self.case_count(*ty);
                let mut text = format!("match {} {{\n", ops[0]);
                for (index, block) in blocks.iter().enumerate() {
                    let _ = writeln!(text, "{index} => {{\n{}}}", block.code);
                }
                text.push_str("_ => {}\n}\n");
                self.out().push_str(&text);
                vec![]
            }
            Instr::StringLower {
                mode: LowerMode::Borrow,
            } => {
                let s = self.bind("s", &format!("{{ let s: &str = &({}); s }}", ops[0]));
                vec![
                    format!("{s}.as_ptr() as usize as i32"),
                    format!("{s}.len() as i32"),
                ]
            }
            Instr::StringLower {
                mode: LowerMode::Give,
            } => self.give("string_give", &ops[0]),
            Instr::StringLift => {
                let lift = ["_rt::string_lift(", &ops[0], ", ", &ops[1], ")"].concat();
                vec![self.bind("s", &lift)]
            }
            Instr::ListCanonLower { element, mode } => {
                self.list_canon_lower(element, *mode, &ops[0])
            }
            Instr::ListCanonLift { element } => self.list_canon_lift(element, &ops[0], &ops[1]),
            Instr::ListLower { element, mode, .. } if self.g.has_canonical_layout(element) => {
                self.list_canon_lower(element, *mode, &ops[0])
            }
            Instr::ListLower {
                size, align, mode, ..
            } => {
                let block = blocks.remove(0);
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
                vec![base, format!("{len} as i32")]
            }
            Instr::ListLift { element, .. } if self.g.has_canonical_layout(element) => {
                self.list_canon_lift(element, &ops[0], &ops[1])
            }
            Instr::ListLift { size, align, .. } => {
                let block = blocks.remove(0);
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
                vec![vec]
            }
            Instr::HandleLower { kind, origin, .. } => {
                let (before, after) = match (kind, origin) {
                    (HandleKind::Own, _) => ("(_rt::take_handle_of(&", ") as i32)"),
                    (HandleKind::Borrow, ResourceOrigin::Imported) => {
                        ("(_rt::handle_of(&", ") as i32)")
                    }
                    (HandleKind::Borrow, ResourceOrigin::Exported) => ("(", ".rep() as i32)"),
                };
                vec![[before, &group(&ops[0]), after].concat()]
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
                        vec![self.bind("h", &lift)]
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
                        vec![format!("&{h}")]
                    }
                    (HandleKind::Borrow, ResourceOrigin::Exported) => {
                        let borrow =
                            self.g
                                .borrow_type_path(*resource, self.module, self.exporting);
                        vec![self.bind("b", &format!("{borrow}::lift({} as u32 as usize)", ops[0]))]
                    }
                }
            }
            Instr::ParamsArea | Instr::ReturnArea => {
                let params = matches!(instr, Instr::ParamsArea);
                let plan_area = if params { "params" } else { "return" };
                let _ = plan_area;
                vec![if self.kind == PlanKind::Import {
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
                self.emit_import_call(&module, &name, params, results, &ops)
            }
            Instr::CallUser { results, .. } => self.call_user(&ops, *results),
            Instr::Dealloc { size, align } => {
                let _ = writeln!(self.out(), "_rt::dealloc({}, {size}, {align});", ops[0]);
                vec![]
            }
            Instr::StringFree => {
                let _ = writeln!(
                    self.out(),
                    "_rt::dealloc({}, {} as u32 as usize, 1);",
                    ops[0],
                    ops[1]
                );
                vec![]
            }
            Instr::ListFree { size, align, body } => {
                let (base, len) = (self.bind("base", &ops[0]), self.bind("len", &ops[1]));
                if body.is_some() {
                    let block = blocks.remove(0);
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
                vec![]
            }
            Instr::Return { count } => {
                self.result = match count {
                    0 => None,
                    _ => Some(ops[0].clone()),
                };
                vec![]
            }
        }
    }
}
