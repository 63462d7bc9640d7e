//! The instruction set of a canonical-ABI plan.
//!
//! A plan is a tree of [`Block`]s holding [`Instr`]uctions that work on an operand stack. Every
//! instruction declares how many operands it pops and how many results it pushes
//! ([`Instr::pops`], [`Instr::pushes`]); nested blocks declare how many values they start with and how
//! many they leave. [`Block::check`] simulates the stack so a malformed plan is caught before any
//! backend sees it, and the [`driver`](super::driver) checks every backend against the same numbers.
//!
//! Operands are of two kinds, and the instruction says which it expects: *core* values (the `i32`,
//! `i64`, `f32`, `f64` of core WebAssembly, see [`FlatType`]) and *language* values (a WIT-typed
//! value in the target language: a string, a record, a resource handle).

use wit_parser::{Type, TypeId};

/// A core WebAssembly value type, as the canonical ABI flattens WIT values into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FlatType {
    /// `i32`; also pointers and lengths on wasm32.
    I32,
    /// `i64`.
    I64,
    /// `f32`.
    F32,
    /// `f64`.
    F64,
}

impl FlatType {
    /// The core WebAssembly spelling: `i32`, `i64`, `f32`, `f64`.
    pub fn wasm_name(self) -> &'static str {
        match self {
            FlatType::I32 => "i32",
            FlatType::I64 => "i64",
            FlatType::F32 => "f32",
            FlatType::F64 => "f64",
        }
    }

    /// The type a variant payload slot takes when two cases put `self` and `other` in it
    /// (the canonical ABI's `join`).
    pub fn join(self, other: FlatType) -> FlatType {
        use FlatType::*;
        match (self, other) {
            (a, b) if a == b => a,
            (I32, F32) | (F32, I32) => I32,
            _ => I64,
        }
    }
}

/// A WIT scalar: the types that lift and lower as a single core value with no memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scalar {
    /// `bool`: lowered as 0 or 1; any non-zero `i32` lifts as true.
    Bool,
    /// `u8`.
    U8,
    /// `s8`.
    S8,
    /// `u16`.
    U16,
    /// `s16`.
    S16,
    /// `u32`.
    U32,
    /// `s32`.
    S32,
    /// `u64`.
    U64,
    /// `s64`.
    S64,
    /// `f32` (NaN payloads pass through unchanged).
    F32,
    /// `f64` (NaN payloads pass through unchanged).
    F64,
    /// `char`: a Unicode scalar value; lifting traps on surrogates and values above `0x10FFFF`.
    Char,
}

impl Scalar {
    /// The scalar for a WIT type, if it is one.
    pub fn from_type(ty: &Type) -> Option<Scalar> {
        Some(match ty {
            Type::Bool => Scalar::Bool,
            Type::U8 => Scalar::U8,
            Type::S8 => Scalar::S8,
            Type::U16 => Scalar::U16,
            Type::S16 => Scalar::S16,
            Type::U32 => Scalar::U32,
            Type::S32 => Scalar::S32,
            Type::U64 => Scalar::U64,
            Type::S64 => Scalar::S64,
            Type::F32 => Scalar::F32,
            Type::F64 => Scalar::F64,
            Type::Char => Scalar::Char,
            _ => return None,
        })
    }

    /// The core type this scalar flattens to.
    pub fn flat(self) -> FlatType {
        match self {
            Scalar::U64 | Scalar::S64 => FlatType::I64,
            Scalar::F32 => FlatType::F32,
            Scalar::F64 => FlatType::F64,
            _ => FlatType::I32,
        }
    }

    /// How the scalar is read from and written to linear memory.
    pub fn mem(self) -> MemKind {
        match self {
            Scalar::Bool | Scalar::U8 => MemKind::U8,
            Scalar::S8 => MemKind::S8,
            Scalar::U16 => MemKind::U16,
            Scalar::S16 => MemKind::S16,
            Scalar::U32 | Scalar::S32 | Scalar::Char => MemKind::I32,
            Scalar::U64 | Scalar::S64 => MemKind::I64,
            Scalar::F32 => MemKind::F32,
            Scalar::F64 => MemKind::F64,
        }
    }
}

/// The width and signedness of one linear-memory access.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MemKind {
    /// One byte, zero-extended to `i32` on load (`i32.load8_u` / `i32.store8`).
    U8,
    /// One byte, sign-extended to `i32` on load (`i32.load8_s` / `i32.store8`).
    S8,
    /// Two bytes, zero-extended (`i32.load16_u` / `i32.store16`).
    U16,
    /// Two bytes, sign-extended (`i32.load16_s` / `i32.store16`).
    S16,
    /// Four bytes as `i32`.
    I32,
    /// Eight bytes as `i64`.
    I64,
    /// Four bytes as `f32`.
    F32,
    /// Eight bytes as `f64`.
    F64,
}

impl MemKind {
    /// The core type of the value loaded or stored.
    pub fn flat(self) -> FlatType {
        match self {
            MemKind::I64 => FlatType::I64,
            MemKind::F32 => FlatType::F32,
            MemKind::F64 => FlatType::F64,
            _ => FlatType::I32,
        }
    }

    /// The unsigned access of `bytes` bytes (1, 2 or 4), used for discriminants and flags.
    pub fn unsigned_of_size(bytes: usize) -> MemKind {
        match bytes {
            1 => MemKind::U8,
            2 => MemKind::U16,
            _ => MemKind::I32,
        }
    }
}

/// Who owns the memory behind a lowered string or list while the core call runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LowerMode {
    /// The lowered pointer borrows memory the caller keeps alive until the call returns (guest import
    /// parameters). Any buffer the lowering had to allocate is freed by the backend after the call.
    Borrow,
    /// Ownership moves into linear memory; the function's post-return plan frees it (guest export
    /// results).
    Give,
}

/// Whether a resource handle is owned or borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HandleKind {
    /// `own<r>`.
    Own,
    /// `borrow<r>`.
    Borrow,
}

/// Which side of the component defines a resource, from the point of view of the code generated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResourceOrigin {
    /// The resource is imported: handles refer to another component's (or the host's) objects.
    Imported,
    /// The resource is defined by this component's exports: handles carry the guest's own objects.
    Exported,
}

/// A plan-level local variable. Locals are how a value is used more than once; a block may read the
/// locals of the blocks around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Local(pub u32);

/// A sequence of instructions with a declared stack effect.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Values on the stack when the block starts (supplied by the instruction that owns the block).
    pub params: usize,
    /// Values the block leaves on the stack when it ends.
    pub results: usize,
    /// The instructions, in order.
    pub instrs: Vec<Instr>,
}

/// One step of a plan. The comment on each variant gives its stack effect as `pops → pushes`.
#[derive(Debug, Clone, PartialEq)]
pub enum Instr {
    /// `0 → 1`: the `index`-th argument of the function being generated. In a guest-import wrapper
    /// it is a language value (a WIT parameter); in an export entry point it is a core value.
    Arg {
        /// Position of the argument.
        index: usize,
    },
    /// `1 → 0`: binds the top of the stack to a local.
    LocalSet {
        /// The local written.
        local: Local,
    },
    /// `0 → 1`: pushes a local's value.
    LocalGet {
        /// The local read.
        local: Local,
    },
    /// `0 → 1`: an `i32` constant (variant discriminants).
    ConstI32 {
        /// The value.
        value: i32,
    },
    /// `0 → 1`: a zero of the given core type (unused variant payload slots).
    ConstZero {
        /// The type of the zero.
        ty: FlatType,
    },
    /// `1 → 1`: reinterprets or resizes a core value between a variant case's own flat type and the
    /// joined slot type (`f32`↔`i32` by bits, `i32`→`i64` zero-extended, `i64`→`i32` wrapped,
    /// `f32`↔`i64` through the `i32` bits, `f64`↔`i64` by bits).
    Bitcast {
        /// Type of the operand.
        from: FlatType,
        /// Type of the result.
        to: FlatType,
    },
    /// `1 → 1`: reads linear memory at `address + offset`.
    Load {
        /// Width and signedness.
        kind: MemKind,
        /// Constant byte offset from the address operand.
        offset: u32,
    },
    /// `2 → 0`: pops the address, then the value, and writes the value at `address + offset`
    /// (the value was pushed first).
    Store {
        /// Width.
        kind: MemKind,
        /// Constant byte offset from the address operand.
        offset: u32,
    },
    /// `1 → 1`: a language scalar to its core value.
    LowerScalar {
        /// The scalar type.
        ty: Scalar,
    },
    /// `1 → 1`: a core value to a language scalar (truncating to the scalar's width, validating
    /// `char`).
    LiftScalar {
        /// The scalar type.
        ty: Scalar,
    },
    /// `1 → n`: splits a record into its `n` fields, in declaration order.
    RecordLower {
        /// The record's type definition.
        ty: TypeId,
        /// Number of fields.
        fields: usize,
    },
    /// `n → 1`: builds a record from its `n` fields.
    RecordLift {
        /// The record's type definition.
        ty: TypeId,
        /// Number of fields.
        fields: usize,
    },
    /// `1 → n`: splits a tuple into its elements.
    TupleLower {
        /// The tuple's type definition.
        ty: TypeId,
        /// Number of elements.
        arity: usize,
    },
    /// `n → 1`: builds a tuple.
    TupleLift {
        /// The tuple's type definition.
        ty: TypeId,
        /// Number of elements.
        arity: usize,
    },
    /// `1 → 1`: a flags value to its `i32` bit set (bit `i` is member `i`).
    FlagsLower {
        /// The flags' type definition.
        ty: TypeId,
    },
    /// `1 → 1`: an `i32` bit set to a flags value; bits beyond the last member are ignored.
    FlagsLift {
        /// The flags' type definition.
        ty: TypeId,
    },
    /// `1 → 1`: an enum value to its `i32` discriminant.
    EnumLower {
        /// The enum's type definition.
        ty: TypeId,
    },
    /// `1 → 1`: an `i32` discriminant to an enum value; an out-of-range discriminant traps.
    EnumLift {
        /// The enum's type definition.
        ty: TypeId,
    },
    /// `1 → results`: matches on a variant, option or result value and runs the block of the case it
    /// holds. Each case block starts with the case's payload (1 param) or nothing (0 params) and
    /// leaves `results` values.
    VariantLower {
        /// The variant, option or result type definition.
        ty: TypeId,
        /// One block per case, in case order (option: none, some; result: ok, err).
        cases: Vec<Block>,
        /// Values each case block leaves.
        results: usize,
    },
    /// `1 → 1`: pops an `i32` discriminant, runs that case's block and builds the value. A case block
    /// starts empty and leaves its payload (1) or nothing (0); blocks read what they need from
    /// locals. An out-of-range discriminant traps.
    VariantLift {
        /// The variant, option or result type definition.
        ty: TypeId,
        /// One block per case, in case order.
        cases: Vec<Block>,
    },
    /// `1 → 0`: pops an `i32` discriminant and runs that case's block (which starts and ends empty);
    /// used by post-return cleanup.
    VariantBranch {
        /// The variant, option or result type definition.
        ty: TypeId,
        /// One block per case, in case order.
        cases: Vec<Block>,
    },
    /// `1 → 2`: a string to `(pointer, byte length)` of its UTF-8 bytes.
    StringLower {
        /// Who owns the bytes during the call.
        mode: LowerMode,
    },
    /// `2 → 1`: `(pointer, byte length)` to a string, taking ownership of the buffer, which was
    /// allocated with `cabi_realloc` (alignment 1). Invalid UTF-8 traps.
    StringLift,
    /// `1 → 2`: a list whose elements have the canonical layout in every language (integers, floats
    /// and records of those: [`super::Abi::has_canonical_layout`]) to `(pointer, length)`, without
    /// copying element by element. A backend defines such records with the C layout.
    ListCanonLower {
        /// Element type.
        element: Type,
        /// Who owns the buffer during the call.
        mode: LowerMode,
    },
    /// `2 → 1`: `(pointer, length)` to a list of elements with the canonical layout, taking
    /// ownership of the buffer.
    ListCanonLift {
        /// Element type.
        element: Type,
    },
    /// `1 → 2`: a list to `(pointer, length)` by allocating `length * size` bytes and running `body`
    /// for each element; the body starts with `[element value, element address]` and leaves nothing.
    ListLower {
        /// Element type.
        element: Type,
        /// Size of one element in memory.
        size: u32,
        /// Alignment of the buffer.
        align: u32,
        /// Who owns the buffer during the call.
        mode: LowerMode,
        /// Stores one element.
        body: Block,
    },
    /// `2 → 1`: `(pointer, length)` to a list, running `body` for each element and then freeing the
    /// buffer; the body starts with `[element address]` and leaves the element value.
    ListLift {
        /// Element type.
        element: Type,
        /// Size of one element in memory.
        size: u32,
        /// Alignment of the buffer.
        align: u32,
        /// Loads one element.
        body: Block,
    },
    /// `1 → 1`: a resource handle value to its `i32` handle (or, for a borrow of this component's own
    /// resource, the representation).
    HandleLower {
        /// The resource type (the `resource` definition, aliases followed).
        resource: TypeId,
        /// `own` or `borrow`.
        kind: HandleKind,
        /// Who defines the resource.
        origin: ResourceOrigin,
    },
    /// `1 → 1`: an `i32` handle (or representation) to a resource handle value.
    HandleLift {
        /// The resource type (the `resource` definition, aliases followed).
        resource: TypeId,
        /// `own` or `borrow`.
        kind: HandleKind,
        /// Who defines the resource.
        origin: ResourceOrigin,
    },
    /// `0 → 1`: the address of the plan's parameter area (see [`Plan::params_area`](super::Plan::params_area)).
    ParamsArea,
    /// `0 → 1`: the address of the plan's return area (see [`Plan::return_area`](super::Plan::return_area)).
    ReturnArea,
    /// `params.len() → results.len()`: calls the imported core function.
    CallImport {
        /// The core import's module name (`$root` for world-level functions).
        module: String,
        /// The core import's field name.
        name: String,
        /// Core parameter types.
        params: Vec<FlatType>,
        /// Core result types.
        results: Vec<FlatType>,
    },
    /// `params → results`: calls the user's implementation of an export with language values.
    CallUser {
        /// Number of WIT parameters.
        params: usize,
        /// 0 or 1.
        results: usize,
    },
    /// `1 → 0`: frees a block the caller allocated in this component's memory for indirect
    /// parameters, after they have been lifted.
    Dealloc {
        /// Size of the block.
        size: u32,
        /// Alignment of the block.
        align: u32,
    },
    /// `2 → 0`: post-return: frees a string's bytes given `(pointer, length)`.
    StringFree,
    /// `2 → 0`: post-return: runs `body` for each element (starting with `[element address]`,
    /// leaving nothing) when there is one, then frees the buffer given `(pointer, length)`.
    ListFree {
        /// Size of one element in memory.
        size: u32,
        /// Alignment of the buffer.
        align: u32,
        /// Frees what one element owns, when it owns anything.
        body: Option<Block>,
    },
    /// `count → 0`: returns from the generated function.
    Return {
        /// Number of values returned (core values for exports, language values for import wrappers).
        count: usize,
    },
}

impl Instr {
    /// How many operands the instruction pops.
    pub fn pops(&self) -> usize {
        use Instr::*;
        match self {
            Arg { .. } | LocalGet { .. } | ConstI32 { .. } | ConstZero { .. } => 0,
            ParamsArea | ReturnArea => 0,
            LocalSet { .. } | Bitcast { .. } | Load { .. } => 1,
            LowerScalar { .. } | LiftScalar { .. } => 1,
            FlagsLower { .. } | FlagsLift { .. } | EnumLower { .. } | EnumLift { .. } => 1,
            RecordLower { .. } | TupleLower { .. } => 1,
            RecordLift { fields, .. } => *fields,
            TupleLift { arity, .. } => *arity,
            VariantLower { .. } | VariantLift { .. } | VariantBranch { .. } => 1,
            StringLower { .. } | ListCanonLower { .. } | ListLower { .. } => 1,
            HandleLower { .. } | HandleLift { .. } | Dealloc { .. } => 1,
            Store { .. } | StringLift | ListCanonLift { .. } | ListLift { .. } => 2,
            StringFree | ListFree { .. } => 2,
            CallImport { params, .. } => params.len(),
            CallUser { params, .. } => *params,
            Return { count } => *count,
        }
    }

    /// How many results the instruction pushes.
    pub fn pushes(&self) -> usize {
        use Instr::*;
        match self {
            LocalSet { .. } | Store { .. } | VariantBranch { .. } | Dealloc { .. } => 0,
            StringFree | ListFree { .. } | Return { .. } => 0,
            Arg { .. } | LocalGet { .. } | ConstI32 { .. } | ConstZero { .. } => 1,
            ParamsArea | ReturnArea | Bitcast { .. } | Load { .. } => 1,
            LowerScalar { .. } | LiftScalar { .. } => 1,
            FlagsLower { .. } | FlagsLift { .. } | EnumLower { .. } | EnumLift { .. } => 1,
            RecordLift { .. } | TupleLift { .. } | VariantLift { .. } => 1,
            RecordLower { fields, .. } => *fields,
            TupleLower { arity, .. } => *arity,
            VariantLower { results, .. } => *results,
            StringLower { .. } | ListCanonLower { .. } | ListLower { .. } => 2,
            StringLift | ListCanonLift { .. } | ListLift { .. } => 1,
            HandleLower { .. } | HandleLift { .. } => 1,
            CallImport { results, .. } => results.len(),
            CallUser { results, .. } => *results,
        }
    }

    /// The nested blocks of this instruction, in order.
    pub fn blocks(&self) -> Vec<&Block> {
        self.nested().iter().collect()
    }

    /// The nested blocks of this instruction, in order, without allocating.
    pub fn nested(&self) -> &[Block] {
        match self {
            Instr::VariantLower { cases, .. }
            | Instr::VariantLift { cases, .. }
            | Instr::VariantBranch { cases, .. } => cases,
            Instr::ListLower { body, .. } | Instr::ListLift { body, .. } => {
                std::slice::from_ref(body)
            }
            Instr::ListFree { body, .. } => body.as_slice(),
            _ => &[],
        }
    }

    /// The `(params, results)` each nested block must have, given the block's position.
    fn block_shape(
        &self,
        index: usize,
        resolve_payload: &dyn Fn(TypeId, usize) -> bool,
    ) -> (usize, usize) {
        match self {
            Instr::VariantLower { ty, results, .. } => {
                (usize::from(resolve_payload(*ty, index)), *results)
            }
            Instr::VariantLift { ty, .. } => (0, usize::from(resolve_payload(*ty, index))),
            Instr::VariantBranch { .. } => (0, 0),
            Instr::ListLower { .. } => (2, 0),
            Instr::ListLift { .. } => (1, 1),
            Instr::ListFree { .. } => (1, 0),
            _ => (0, 0),
        }
    }
}

/// A malformed plan: a knit bug, reported with the path to the offending instruction.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("malformed canonical-ABI plan at {path}: {message}")]
pub struct PlanCheckError {
    /// Where: block and instruction indices from the root, such as `3/case1/0`.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl Block {
    /// An empty block with the given shape.
    pub fn new(params: usize, results: usize) -> Block {
        Block {
            params,
            results,
            instrs: Vec::new(),
        }
    }

    /// Simulates the operand stack through the block and every nested block, checking that no
    /// instruction pops more than is there, that each nested block has the shape its instruction
    /// requires, and that the block ends with exactly `results` values. `has_payload(ty, case)` tells
    /// whether case `case` of the variant-like type `ty` carries a payload.
    pub fn check(&self, has_payload: &dyn Fn(TypeId, usize) -> bool) -> Result<(), PlanCheckError> {
        self.check_at(&|| "root".to_string(), has_payload)
    }

    /// Checks the block; `path` names it for messages and is only formatted when something is wrong.
    fn check_at(
        &self,
        path: &dyn Fn() -> String,
        has_payload: &dyn Fn(TypeId, usize) -> bool,
    ) -> Result<(), PlanCheckError> {
        let mut depth = self.params;
        for (i, instr) in self.instrs.iter().enumerate() {
            let here = || format!("{}/{i}", path());
            if instr.pops() > depth {
                return Err(PlanCheckError {
                    path: here(),
                    message: format!(
                        "{instr:?} pops {} but the stack holds {depth}",
                        instr.pops()
                    ),
                });
            }
            for (b, block) in instr.nested().iter().enumerate() {
                let (params, results) = instr.block_shape(b, has_payload);
                let block_path = || format!("{}/block{b}", here());
                if block.params != params || block.results != results {
                    return Err(PlanCheckError {
                        path: block_path(),
                        message: format!(
                            "block shape is {}→{}, the instruction needs {params}→{results}",
                            block.params, block.results
                        ),
                    });
                }
                block.check_at(&block_path, has_payload)?;
            }
            depth = depth - instr.pops() + instr.pushes();
        }
        if depth != self.results {
            return Err(PlanCheckError {
                path: path(),
                message: format!(
                    "block ends with {depth} values on the stack, declared {}",
                    self.results
                ),
            });
        }
        Ok(())
    }
}
