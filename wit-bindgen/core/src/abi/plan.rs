//! Builds canonical-ABI plans for the functions of a world.
//!
//! Three kinds of plan cover a guest's needs:
//! - [`Abi::import_plan`]: the wrapper a guest calls for an imported function. It starts with the
//!   WIT parameters as language values, lowers them (flat, or into a parameter area when there are more
//!   than 16 flat values), calls the core import (passing a return area when the result needs more than
//!   one flat value), lifts the result and returns it.
//! - [`Abi::export_plan`]: the core entry point of an exported function. It lifts the core
//!   parameters (from memory when indirect, freeing that block), calls the user, lowers the result and
//!   returns it (through a return area when it does not fit in one flat value).
//! - [`Abi::post_return_plan`]: frees what an export's result handed to the caller, given the
//!   pointer the export returned; `None` when there is nothing to free.

mod memory;

use super::instr::*;
use super::layout::{Layout, flat_types};
use super::types::{
    all_types_supported, case_payload, cases_of, dealias, dealias_resource, is_canonical_element,
    unsupported_in_checked,
};
use wit_parser::{
    Function, Handle, Resolve, Type, TypeDefKind, TypeId, TypeOwner, WorldId, WorldItem, WorldKey,
};

/// Most flat parameters a core function takes before they move to memory.
pub const MAX_FLAT_PARAMS: usize = 16;
/// Most flat results a core function returns before they move to memory.
pub const MAX_FLAT_RESULTS: usize = 1;

/// Which generated function a plan describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanKind {
    /// A guest's wrapper around an imported function.
    Import,
    /// A guest's core entry point for an exported function.
    Export,
    /// A guest's post-return function for an export.
    PostReturn,
}

/// A block of linear memory a plan needs: a parameter or return area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Area {
    /// Size in bytes.
    pub size: u32,
    /// Alignment in bytes.
    pub align: u32,
}

/// The complete, checked plan of one generated function.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// What the plan is for.
    pub kind: PlanKind,
    /// The instructions; the block has no params and ends empty (after `Return`).
    pub body: Block,
    /// Number of locals used (`Local(0)` to `Local(locals - 1)`).
    pub locals: u32,
    /// Memory for indirect parameters that the generated code must provide (import plans).
    pub params_area: Option<Area>,
    /// Memory for results that the generated code must provide (a stack slot in an import wrapper, a
    /// static buffer in an export that outlives the call).
    pub return_area: Option<Area>,
    /// The core signature of the function called (import) or defined (export, post-return).
    pub core_params: Vec<FlatType>,
    /// Core results, as for `core_params`.
    pub core_results: Vec<FlatType>,
}

/// An error planning a function: a WIT feature the ABI layer does not support yet.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("function `{function}`: {message}")]
pub struct PlanError {
    /// The WIT function name.
    pub function: String,
    /// What is unsupported.
    pub message: String,
}

/// Plans functions of one world through the canonical ABI.
pub struct Abi<'a> {
    resolve: &'a Resolve,
    world: WorldId,
    layout: Layout,
    /// Types whose memory layout the backend does not control (types it maps to outside
    /// definitions): never moved as raw blocks.
    foreign: std::collections::BTreeSet<TypeId>,
    /// The core module name of the last interface an import was planned for: the functions of an
    /// interface are planned one after another, so this one entry saves naming it each time.
    last_module: std::cell::RefCell<Option<(WorldKey, String)>>,
    /// Whether [`all_types_supported`] holds for the resolve, which spares each plan walking the
    /// types of its signature for unsupported ones.
    types_supported: bool,
}

/// A source of flat values to lift from: core arguments or locals.
#[derive(Clone, Copy)]
enum Flat {
    Arg(usize),
    Local(Local),
}

struct Builder<'a, 'b> {
    abi: &'b Abi<'a>,
    next_local: u32,
    stack: Vec<Block>,
    exporting: bool,
    function: &'b str,
}

impl<'a> Abi<'a> {
    /// Prepares sizes and alignments for every type of `resolve`.
    pub fn new(resolve: &'a Resolve, world: WorldId) -> Abi<'a> {
        Abi {
            resolve,
            world,
            layout: Layout::new(resolve),
            foreign: Default::default(),
            last_module: Default::default(),
            types_supported: all_types_supported(resolve),
        }
    }

    /// Declares types whose language definition the backend does not write (a `with` mapping to
    /// an outside type): their layout is unknown, so lists of them are never moved as raw blocks.
    pub fn with_foreign_types(mut self, types: impl IntoIterator<Item = TypeId>) -> Self {
        self.foreign.extend(types);
        self
    }

    /// Whether values of `ty` have the canonical ABI's bytes in linear memory in every backend's
    /// language, so that a list of them moves as one block instead of element by element:
    /// integers, floats, and records made only of those (which a backend must define with the
    /// C layout, whose field order, alignment and padding are the canonical ABI's). `bool` and
    /// `char` are excluded because not every byte pattern is a valid value; foreign types (see
    /// [`Abi::with_foreign_types`]) because their layout is unknown.
    pub fn has_canonical_layout(&self, ty: &Type) -> bool {
        if is_canonical_element(self.resolve, ty) {
            return true;
        }
        let Type::Id(id) = ty else {
            return false;
        };
        if self.foreign.contains(id) {
            return false;
        }
        match &self.resolve.types[*id].kind {
            TypeDefKind::Type(t) => self.has_canonical_layout(t),
            TypeDefKind::Record(r) => r.fields.iter().all(|f| self.has_canonical_layout(&f.ty)),
            _ => false,
        }
    }

    /// The core module name of an import from `key`, as [`super::mangle::import_module`] gives.
    fn import_module(&self, key: Option<&WorldKey>) -> String {
        let Some(key) = key else {
            return super::mangle::import_module(self.resolve, None);
        };
        let mut last = self.last_module.borrow_mut();
        match &*last {
            Some((cached, name)) if cached == key => name.clone(),
            _ => {
                let name = super::mangle::import_module(self.resolve, Some(key));
                *last = Some((key.clone(), name.clone()));
                name
            }
        }
    }

    /// The memory layout of the resolve's types.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// The resolve being planned.
    pub fn resolve(&self) -> &'a Resolve {
        self.resolve
    }

    /// Plans the guest wrapper of an imported function. `key` is the interface it belongs to (`None`
    /// for a world-level function).
    pub fn import_plan(&self, key: Option<&WorldKey>, func: &Function) -> Result<Plan, PlanError> {
        self.check_supported(func)?;
        let module = self.import_module(key);
        let mut b = Builder::new(self, false, &func.name);
        let param_types: Vec<Type> = func.params.iter().map(|p| p.ty).collect();
        let flat_params = flat_types(self.resolve, &param_types);
        let mut core_params = Vec::new();
        let mut params_area = None;
        if flat_params.len() > MAX_FLAT_PARAMS {
            let (area, offsets) = self.layout.record(&param_types);
            params_area = Some(area);
            let base = b.new_local();
            b.push(Instr::ParamsArea);
            b.push(Instr::LocalSet { local: base });
            for (i, (ty, offset)) in param_types.iter().zip(offsets).enumerate() {
                b.push(Instr::Arg { index: i });
                b.store(ty, base, offset, LowerMode::Borrow);
            }
            b.push(Instr::LocalGet { local: base });
            core_params.push(FlatType::I32);
        } else {
            for (i, ty) in param_types.iter().enumerate() {
                b.push(Instr::Arg { index: i });
                b.lower_flat(ty, LowerMode::Borrow);
            }
            core_params.extend(flat_params);
        }
        let result_flat = func
            .result
            .map(|t| flat_types(self.resolve, &[t]))
            .unwrap_or_default();
        let mut return_area = None;
        let mut core_results = Vec::new();
        let mut ret_local = None;
        if result_flat.len() > MAX_FLAT_RESULTS {
            let ty = func.result.expect("non-empty flat result");
            return_area = Some(Area {
                size: self.layout.size(&ty),
                align: self.layout.align(&ty),
            });
            let local = b.new_local();
            b.push(Instr::ReturnArea);
            b.push(Instr::LocalSet { local });
            b.push(Instr::LocalGet { local });
            core_params.push(FlatType::I32);
            ret_local = Some(local);
        } else {
            core_results = result_flat;
        }
        b.push(Instr::CallImport {
            module,
            name: func.name.clone(),
            params: core_params.clone(),
            results: core_results.clone(),
        });
        match (func.result, ret_local) {
            (Some(ty), Some(base)) => {
                b.load(&ty, base, 0);
                b.push(Instr::Return { count: 1 });
            }
            (Some(ty), None) => {
                let local = b.new_local();
                b.push(Instr::LocalSet { local });
                b.lift_flat(&ty, &mut [Flat::Local(local)].into_iter());
                b.push(Instr::Return { count: 1 });
            }
            (None, _) => b.push(Instr::Return { count: 0 }),
        }
        b.finish(
            PlanKind::Import,
            params_area,
            return_area,
            core_params,
            core_results,
        )
    }

    /// Plans the core entry point of an exported function.
    pub fn export_plan(&self, func: &Function) -> Result<Plan, PlanError> {
        self.check_supported(func)?;
        let mut b = Builder::new(self, !self.is_world_export(func), &func.name);
        let param_types: Vec<Type> = func.params.iter().map(|p| p.ty).collect();
        let flat_params = flat_types(self.resolve, &param_types);
        let core_params = if flat_params.len() > MAX_FLAT_PARAMS {
            let (area, offsets) = self.layout.record(&param_types);
            let base = b.new_local();
            b.push(Instr::Arg { index: 0 });
            b.push(Instr::LocalSet { local: base });
            for (ty, offset) in param_types.iter().zip(offsets) {
                b.load(ty, base, offset);
            }
            // The caller allocated the block with our realloc; once lifted it is ours to free. The
            // lifted values are bound first so they stay on the stack in order.
            let values: Vec<Local> = (0..param_types.len()).map(|_| b.new_local()).collect();
            for local in values.iter().rev() {
                b.push(Instr::LocalSet { local: *local });
            }
            b.push(Instr::LocalGet { local: base });
            b.push(Instr::Dealloc {
                size: area.size,
                align: area.align,
            });
            for local in &values {
                b.push(Instr::LocalGet { local: *local });
            }
            vec![FlatType::I32]
        } else {
            let mut args = (0..flat_params.len()).map(Flat::Arg);
            for ty in &param_types {
                b.lift_flat(ty, &mut args);
            }
            flat_params
        };
        let results = usize::from(func.result.is_some());
        b.push(Instr::CallUser {
            params: param_types.len(),
            results,
        });
        let mut return_area = None;
        let mut core_results = Vec::new();
        if let Some(ty) = func.result {
            let flat = flat_types(self.resolve, &[ty]);
            if flat.len() > MAX_FLAT_RESULTS {
                return_area = Some(Area {
                    size: self.layout.size(&ty),
                    align: self.layout.align(&ty),
                });
                let base = b.new_local();
                b.push(Instr::ReturnArea);
                b.push(Instr::LocalSet { local: base });
                b.store(&ty, base, 0, LowerMode::Give);
                b.push(Instr::LocalGet { local: base });
                core_results.push(FlatType::I32);
            } else {
                b.lower_flat(&ty, LowerMode::Give);
                core_results = flat;
            }
        }
        b.push(Instr::Return {
            count: core_results.len(),
        });
        b.finish(
            PlanKind::Export,
            None,
            return_area,
            core_params,
            core_results,
        )
    }

    /// Plans the post-return function of an export, which frees the memory its result handed over.
    /// `None` when the result owns no memory.
    pub fn post_return_plan(&self, func: &Function) -> Result<Option<Plan>, PlanError> {
        self.check_supported(func)?;
        let Some(ty) = func.result else {
            return Ok(None);
        };
        if !self.layout.owns_memory(self.resolve, &ty) {
            return Ok(None);
        }
        let flat = flat_types(self.resolve, &[ty]);
        let mut b = Builder::new(self, !self.is_world_export(func), &func.name);
        let base = b.new_local();
        b.push(Instr::Arg { index: 0 });
        b.push(Instr::LocalSet { local: base });
        // A result with one flat value owns no memory, so an owning result always came back through
        // the return area.
        debug_assert!(flat.len() > MAX_FLAT_RESULTS);
        b.free(&ty, base, 0);
        b.push(Instr::Return { count: 0 });
        b.finish(
            PlanKind::PostReturn,
            None,
            None,
            vec![FlatType::I32],
            Vec::new(),
        )
        .map(Some)
    }

    /// Whether a function's result needs a post-return function.
    pub fn needs_post_return(&self, func: &Function) -> bool {
        func.result
            .is_some_and(|ty| self.layout.owns_memory(self.resolve, &ty))
    }

    fn check_supported(&self, func: &Function) -> Result<(), PlanError> {
        let types = func.params.iter().map(|p| p.ty).chain(func.result);
        for ty in types {
            if let Some(what) = unsupported_in_checked(self.resolve, &ty, self.types_supported) {
                return Err(PlanError {
                    function: func.name.clone(),
                    message: format!("{what} is not supported by knit yet"),
                });
            }
        }
        if func.kind.is_async() {
            return Err(PlanError {
                function: func.name.clone(),
                message: "async functions are not supported by knit yet".to_string(),
            });
        }
        Ok(())
    }

    /// Which side defines `resource` when a function of the given direction refers to it.
    /// Whether `func` is one of the world's own exported functions (not an interface's). Their
    /// types come through the world's `use`, which always names the imported interfaces, so the
    /// resources they reach are imported ones even when the world also exports the interface.
    pub fn is_world_export(&self, func: &Function) -> bool {
        self.resolve.worlds[self.world]
            .exports
            .values()
            .any(|item| matches!(item, WorldItem::Function(f) if std::ptr::eq(f, func)))
    }

    /// Which side defines `resource` as seen from guest code that imports (`exporting` false) or
    /// that implements an exported interface (`exporting` true).
    pub fn resource_origin(&self, resource: TypeId, exporting: bool) -> ResourceOrigin {
        if !exporting {
            return ResourceOrigin::Imported;
        }
        let TypeOwner::Interface(owner) = self.resolve.types[resource].owner else {
            return ResourceOrigin::Imported;
        };
        let exported = self.resolve.worlds[self.world]
            .exports
            .iter()
            .any(|(key, item)| {
                matches!(key, WorldKey::Interface(id) if *id == owner)
                    || matches!(item, WorldItem::Interface { id, .. } if *id == owner)
            });
        if exported {
            ResourceOrigin::Exported
        } else {
            ResourceOrigin::Imported
        }
    }
}

impl<'a, 'b> Builder<'a, 'b> {
    fn new(abi: &'b Abi<'a>, exporting: bool, function: &'b str) -> Self {
        Builder {
            abi,
            next_local: 0,
            stack: vec![Block::new(0, 0)],
            exporting,
            function,
        }
    }

    fn resolve(&self) -> &'a Resolve {
        self.abi.resolve
    }

    fn new_local(&mut self) -> Local {
        self.next_local += 1;
        Local(self.next_local - 1)
    }

    fn push(&mut self, instr: Instr) {
        self.stack
            .last_mut()
            .expect("a block is open")
            .instrs
            .push(instr);
    }

    fn open(&mut self, params: usize, results: usize) {
        self.stack.push(Block::new(params, results));
    }

    fn close(&mut self) -> Block {
        self.stack.pop().expect("a block is open")
    }

    fn finish(
        mut self,
        kind: PlanKind,
        params_area: Option<Area>,
        return_area: Option<Area>,
        core_params: Vec<FlatType>,
        core_results: Vec<FlatType>,
    ) -> Result<Plan, PlanError> {
        let body = self.close();
        let resolve = self.resolve();
        body.check(&|ty, case| case_payload(resolve, ty, case).is_some())
            .map_err(|e| PlanError {
                function: self.function.to_string(),
                message: e.to_string(),
            })?;
        Ok(Plan {
            kind,
            body,
            locals: self.next_local,
            params_area,
            return_area,
            core_params,
            core_results,
        })
    }

    /// Binds the top `n` values to fresh locals, returned in stack order (bottom first).
    fn bind(&mut self, n: usize) -> Vec<Local> {
        let locals: Vec<Local> = (0..n).map(|_| self.new_local()).collect();
        for local in locals.iter().rev() {
            self.push(Instr::LocalSet { local: *local });
        }
        locals
    }

    fn handle_instr(&self, id: TypeId, lower: bool) -> Instr {
        let TypeDefKind::Handle(handle) = &self.resolve().types[id].kind else {
            unreachable!()
        };
        let (resource, kind) = match handle {
            Handle::Own(r) => (*r, HandleKind::Own),
            Handle::Borrow(r) => (*r, HandleKind::Borrow),
        };
        let resource = dealias_resource(self.resolve(), resource);
        let origin = self.abi.resource_origin(resource, self.exporting);
        if lower {
            Instr::HandleLower {
                resource,
                kind,
                origin,
            }
        } else {
            Instr::HandleLift {
                resource,
                kind,
                origin,
            }
        }
    }

    /// Lowers the language value on top of the stack to its flat core values, pushed in order.
    fn lower_flat(&mut self, ty: &Type, mode: LowerMode) {
        let ty = dealias(self.resolve(), *ty);
        if let Some(scalar) = Scalar::from_type(&ty) {
            self.push(Instr::LowerScalar { ty: scalar });
            return;
        }
        let id = match ty {
            Type::String => return self.push(Instr::StringLower { mode }),
            Type::Id(id) => id,
            _ => unreachable!("scalars handled above"),
        };
        match &self.resolve().types[id].kind {
            TypeDefKind::Record(r) => {
                let fields: Vec<Type> = r.fields.iter().map(|f| f.ty).collect();
                self.push(Instr::RecordLower {
                    ty: id,
                    fields: fields.len(),
                });
                self.lower_each(&fields, mode);
            }
            TypeDefKind::Tuple(t) => {
                let types = t.types.clone();
                self.push(Instr::TupleLower {
                    ty: id,
                    arity: types.len(),
                });
                self.lower_each(&types, mode);
            }
            TypeDefKind::Flags(_) => self.push(Instr::FlagsLower { ty: id }),
            TypeDefKind::Enum(_) => self.push(Instr::EnumLower { ty: id }),
            TypeDefKind::Handle(_) => {
                let instr = self.handle_instr(id, true);
                self.push(instr);
            }
            TypeDefKind::List(element) => {
                let element = *element;
                self.lower_list(element, mode);
            }
            TypeDefKind::Variant(_) | TypeDefKind::Option(_) | TypeDefKind::Result(_) => {
                let joined = flat_types(self.resolve(), &[Type::Id(id)]);
                let cases = cases_of(self.resolve(), id);
                let mut blocks = Vec::new();
                for (index, payload) in cases.iter().enumerate() {
                    self.open(usize::from(payload.is_some()), joined.len());
                    let mut own = Vec::new();
                    if let Some(payload) = payload {
                        own = flat_types(self.resolve(), &[*payload]);
                        self.lower_flat(payload, mode);
                    }
                    let values = self.bind(own.len());
                    self.push(Instr::ConstI32 {
                        value: index as i32,
                    });
                    for (slot, want) in joined[1..].iter().enumerate() {
                        match own.get(slot) {
                            Some(have) => {
                                self.push(Instr::LocalGet {
                                    local: values[slot],
                                });
                                if have != want {
                                    self.push(Instr::Bitcast {
                                        from: *have,
                                        to: *want,
                                    });
                                }
                            }
                            None => self.push(Instr::ConstZero { ty: *want }),
                        }
                    }
                    blocks.push(self.close());
                }
                self.push(Instr::VariantLower {
                    ty: id,
                    cases: blocks,
                    results: joined.len(),
                });
            }
            TypeDefKind::Type(_) => unreachable!("aliases are followed"),
            other => unreachable!("rejected by check_supported: {other:?}"),
        }
    }

    /// After a `RecordLower`/`TupleLower`, lowers each part in order.
    fn lower_each(&mut self, types: &[Type], mode: LowerMode) {
        let parts = self.bind(types.len());
        for (ty, local) in types.iter().zip(parts) {
            self.push(Instr::LocalGet { local });
            self.lower_flat(ty, mode);
        }
    }

    fn lower_list(&mut self, element: Type, mode: LowerMode) {
        if self.abi.has_canonical_layout(&element) {
            self.push(Instr::ListCanonLower { element, mode });
            return;
        }
        let size = self.abi.layout.size(&element);
        let align = self.abi.layout.align(&element);
        self.open(2, 0);
        let addr = self.new_local();
        self.push(Instr::LocalSet { local: addr });
        self.store(&element, addr, 0, mode);
        let body = self.close();
        self.push(Instr::ListLower {
            element,
            size,
            align,
            mode,
            body,
        });
    }

    /// Lifts a language value from flat core values taken, in order, from `flats`.
    fn lift_flat(&mut self, ty: &Type, flats: &mut dyn Iterator<Item = Flat>) {
        let ty = dealias(self.resolve(), *ty);
        if let Some(scalar) = Scalar::from_type(&ty) {
            self.push_flat(flats);
            self.push(Instr::LiftScalar { ty: scalar });
            return;
        }
        let id = match ty {
            Type::String => {
                self.push_flat(flats);
                self.push_flat(flats);
                return self.push(Instr::StringLift);
            }
            Type::Id(id) => id,
            _ => unreachable!("scalars handled above"),
        };
        match &self.resolve().types[id].kind {
            TypeDefKind::Record(r) => {
                let fields: Vec<Type> = r.fields.iter().map(|f| f.ty).collect();
                for field in &fields {
                    self.lift_flat(field, flats);
                }
                self.push(Instr::RecordLift {
                    ty: id,
                    fields: fields.len(),
                });
            }
            TypeDefKind::Tuple(t) => {
                let types = t.types.clone();
                for t in &types {
                    self.lift_flat(t, flats);
                }
                self.push(Instr::TupleLift {
                    ty: id,
                    arity: types.len(),
                });
            }
            TypeDefKind::Flags(_) => {
                self.push_flat(flats);
                self.push(Instr::FlagsLift { ty: id });
            }
            TypeDefKind::Enum(_) => {
                self.push_flat(flats);
                self.push(Instr::EnumLift { ty: id });
            }
            TypeDefKind::Handle(_) => {
                self.push_flat(flats);
                let instr = self.handle_instr(id, false);
                self.push(instr);
            }
            TypeDefKind::List(element) => {
                let element = *element;
                self.push_flat(flats);
                self.push_flat(flats);
                self.lift_list(element);
            }
            TypeDefKind::Variant(_) | TypeDefKind::Option(_) | TypeDefKind::Result(_) => {
                let joined = flat_types(self.resolve(), &[Type::Id(id)]);
                let slots: Vec<Flat> = flats.take(joined.len()).collect();
                let cases = cases_of(self.resolve(), id);
                let mut blocks = Vec::new();
                for payload in &cases {
                    self.open(0, usize::from(payload.is_some()));
                    if let Some(payload) = payload {
                        let own = flat_types(self.resolve(), &[*payload]);
                        let mut converted = Vec::new();
                        for (slot, have) in own.iter().enumerate() {
                            let joined_ty = joined[slot + 1];
                            self.push_flat(&mut std::iter::once(slots[slot + 1]));
                            if joined_ty != *have {
                                self.push(Instr::Bitcast {
                                    from: joined_ty,
                                    to: *have,
                                });
                            }
                            let local = self.new_local();
                            self.push(Instr::LocalSet { local });
                            converted.push(Flat::Local(local));
                        }
                        self.lift_flat(payload, &mut converted.into_iter());
                    }
                    blocks.push(self.close());
                }
                self.push_flat(&mut std::iter::once(slots[0]));
                self.push(Instr::VariantLift {
                    ty: id,
                    cases: blocks,
                });
            }
            TypeDefKind::Type(_) => unreachable!("aliases are followed"),
            other => unreachable!("rejected by check_supported: {other:?}"),
        }
    }

    fn push_flat(&mut self, flats: &mut dyn Iterator<Item = Flat>) {
        match flats.next().expect("flat value count matches the type") {
            Flat::Arg(index) => self.push(Instr::Arg { index }),
            Flat::Local(local) => self.push(Instr::LocalGet { local }),
        }
    }

    fn lift_list(&mut self, element: Type) {
        if self.abi.has_canonical_layout(&element) {
            self.push(Instr::ListCanonLift { element });
            return;
        }
        let size = self.abi.layout.size(&element);
        let align = self.abi.layout.align(&element);
        self.open(1, 1);
        let addr = self.new_local();
        self.push(Instr::LocalSet { local: addr });
        self.load(&element, addr, 0);
        let body = self.close();
        self.push(Instr::ListLift {
            element,
            size,
            align,
            body,
        });
    }
}
