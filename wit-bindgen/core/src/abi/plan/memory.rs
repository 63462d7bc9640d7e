//! The plan builder's linear-memory steps: storing a value at an address, loading one, and
//! freeing what a value owns (for post-return).

use super::*;

impl Builder<'_, '_> {
    /// Writes the language value on top of the stack to memory at `base + offset`.
    pub(super) fn store(&mut self, ty: &Type, base: Local, offset: u32, mode: LowerMode) {
        let ty = dealias(self.resolve(), *ty);
        if let Some(scalar) = Scalar::from_type(&ty) {
            self.push(Instr::LowerScalar { ty: scalar });
            return self.store_top(scalar.mem(), base, offset);
        }
        let id = match ty {
            Type::String => {
                self.push(Instr::StringLower { mode });
                return self.store_pair(base, offset);
            }
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
                self.store_each(&fields, base, offset, mode);
            }
            TypeDefKind::Tuple(t) => {
                let types = t.types.clone();
                self.push(Instr::TupleLower {
                    ty: id,
                    arity: types.len(),
                });
                self.store_each(&types, base, offset, mode);
            }
            TypeDefKind::Flags(_) => {
                self.push(Instr::FlagsLower { ty: id });
                let size = self.abi.layout.size(&Type::Id(id)) as usize;
                self.store_top(MemKind::unsigned_of_size(size), base, offset);
            }
            TypeDefKind::Enum(_) => {
                self.push(Instr::EnumLower { ty: id });
                let size = self.abi.layout.size(&Type::Id(id)) as usize;
                self.store_top(MemKind::unsigned_of_size(size), base, offset);
            }
            TypeDefKind::Handle(_) => {
                let instr = self.handle_instr(id, true);
                self.push(instr);
                self.store_top(MemKind::I32, base, offset);
            }
            TypeDefKind::List(element) => {
                let element = *element;
                self.lower_list(element, mode);
                self.store_pair(base, offset);
            }
            TypeDefKind::Variant(_) | TypeDefKind::Option(_) | TypeDefKind::Result(_) => {
                let cases = cases_of(self.resolve(), id);
                let (tag, payload_offset) =
                    self.abi.layout.variant_tag_and_payload(self.resolve(), id);
                let mut blocks = Vec::new();
                for (index, payload) in cases.iter().enumerate() {
                    self.open(usize::from(payload.is_some()), 0);
                    if let Some(payload) = payload {
                        self.store(payload, base, offset + payload_offset, mode);
                    }
                    self.push(Instr::ConstI32 {
                        value: index as i32,
                    });
                    self.store_top(tag, base, offset);
                    blocks.push(self.close());
                }
                self.push(Instr::VariantLower {
                    ty: id,
                    cases: blocks,
                    results: 0,
                });
            }
            TypeDefKind::Type(_) => unreachable!("aliases are followed"),
            other => unreachable!("rejected by check_supported: {other:?}"),
        }
    }

    fn store_top(&mut self, kind: MemKind, base: Local, offset: u32) {
        self.push(Instr::LocalGet { local: base });
        self.push(Instr::Store { kind, offset });
    }

    /// Stores a `(pointer, length)` pair on top of the stack.
    fn store_pair(&mut self, base: Local, offset: u32) {
        let len = self.new_local();
        self.push(Instr::LocalSet { local: len });
        self.store_top(MemKind::I32, base, offset);
        self.push(Instr::LocalGet { local: len });
        self.store_top(MemKind::I32, base, offset + 4);
    }

    fn store_each(&mut self, types: &[Type], base: Local, offset: u32, mode: LowerMode) {
        let parts = self.bind(types.len());
        let offsets = self.abi.layout.field_offsets(types);
        for ((ty, local), field_offset) in types.iter().zip(parts).zip(offsets) {
            self.push(Instr::LocalGet { local });
            self.store(ty, base, offset + field_offset, mode);
        }
    }

    /// Reads a language value from memory at `base + offset` and pushes it.
    pub(super) fn load(&mut self, ty: &Type, base: Local, offset: u32) {
        let ty = dealias(self.resolve(), *ty);
        if let Some(scalar) = Scalar::from_type(&ty) {
            self.load_at(scalar.mem(), base, offset);
            return self.push(Instr::LiftScalar { ty: scalar });
        }
        let id = match ty {
            Type::String => {
                self.load_at(MemKind::I32, base, offset);
                self.load_at(MemKind::I32, base, offset + 4);
                return self.push(Instr::StringLift);
            }
            Type::Id(id) => id,
            _ => unreachable!("scalars handled above"),
        };
        match &self.resolve().types[id].kind {
            TypeDefKind::Record(r) => {
                let fields: Vec<Type> = r.fields.iter().map(|f| f.ty).collect();
                self.load_each(&fields, base, offset);
                self.push(Instr::RecordLift {
                    ty: id,
                    fields: fields.len(),
                });
            }
            TypeDefKind::Tuple(t) => {
                let types = t.types.clone();
                self.load_each(&types, base, offset);
                self.push(Instr::TupleLift {
                    ty: id,
                    arity: types.len(),
                });
            }
            TypeDefKind::Flags(_) => {
                let size = self.abi.layout.size(&Type::Id(id)) as usize;
                self.load_at(MemKind::unsigned_of_size(size), base, offset);
                self.push(Instr::FlagsLift { ty: id });
            }
            TypeDefKind::Enum(_) => {
                let size = self.abi.layout.size(&Type::Id(id)) as usize;
                self.load_at(MemKind::unsigned_of_size(size), base, offset);
                self.push(Instr::EnumLift { ty: id });
            }
            TypeDefKind::Handle(_) => {
                self.load_at(MemKind::I32, base, offset);
                let instr = self.handle_instr(id, false);
                self.push(instr);
            }
            TypeDefKind::List(element) => {
                let element = *element;
                self.load_at(MemKind::I32, base, offset);
                self.load_at(MemKind::I32, base, offset + 4);
                self.lift_list(element);
            }
            TypeDefKind::Variant(_) | TypeDefKind::Option(_) | TypeDefKind::Result(_) => {
                let cases = cases_of(self.resolve(), id);
                let (tag, payload_offset) =
                    self.abi.layout.variant_tag_and_payload(self.resolve(), id);
                let mut blocks = Vec::new();
                for payload in &cases {
                    self.open(0, usize::from(payload.is_some()));
                    if let Some(payload) = payload {
                        self.load(payload, base, offset + payload_offset);
                    }
                    blocks.push(self.close());
                }
                self.load_at(tag, base, offset);
                self.push(Instr::VariantLift {
                    ty: id,
                    cases: blocks,
                });
            }
            TypeDefKind::Type(_) => unreachable!("aliases are followed"),
            other => unreachable!("rejected by check_supported: {other:?}"),
        }
    }

    fn load_at(&mut self, kind: MemKind, base: Local, offset: u32) {
        self.push(Instr::LocalGet { local: base });
        self.push(Instr::Load { kind, offset });
    }

    fn load_each(&mut self, types: &[Type], base: Local, offset: u32) {
        let offsets = self.abi.layout.field_offsets(types);
        for (ty, field_offset) in types.iter().zip(offsets) {
            self.load(ty, base, offset + field_offset);
        }
    }

    /// Frees whatever the value at `base + offset` owns (post-return).
    pub(super) fn free(&mut self, ty: &Type, base: Local, offset: u32) {
        let ty = dealias(self.resolve(), *ty);
        if !self.abi.layout.owns_memory(self.resolve(), &ty) {
            return;
        }
        let id = match ty {
            Type::String => {
                self.load_at(MemKind::I32, base, offset);
                self.load_at(MemKind::I32, base, offset + 4);
                return self.push(Instr::StringFree);
            }
            Type::Id(id) => id,
            _ => return,
        };
        match &self.resolve().types[id].kind {
            TypeDefKind::Record(r) => {
                let fields: Vec<Type> = r.fields.iter().map(|f| f.ty).collect();
                self.free_each(&fields, base, offset);
            }
            TypeDefKind::Tuple(t) => {
                let types = t.types.clone();
                self.free_each(&types, base, offset);
            }
            TypeDefKind::List(element) => {
                let element = *element;
                let size = self.abi.layout.size(&element);
                let align = self.abi.layout.align(&element);
                self.load_at(MemKind::I32, base, offset);
                self.load_at(MemKind::I32, base, offset + 4);
                let body = if self.abi.layout.owns_memory(self.resolve(), &element) {
                    self.open(1, 0);
                    let addr = self.new_local();
                    self.push(Instr::LocalSet { local: addr });
                    self.free(&element, addr, 0);
                    Some(self.close())
                } else {
                    None
                };
                self.push(Instr::ListFree { size, align, body });
            }
            TypeDefKind::Variant(_) | TypeDefKind::Option(_) | TypeDefKind::Result(_) => {
                let cases = cases_of(self.resolve(), id);
                let (tag, payload_offset) =
                    self.abi.layout.variant_tag_and_payload(self.resolve(), id);
                let mut blocks = Vec::new();
                for payload in &cases {
                    self.open(0, 0);
                    if let Some(payload) = payload {
                        self.free(payload, base, offset + payload_offset);
                    }
                    blocks.push(self.close());
                }
                self.load_at(tag, base, offset);
                self.push(Instr::VariantBranch {
                    ty: id,
                    cases: blocks,
                });
            }
            _ => {}
        }
    }

    fn free_each(&mut self, types: &[Type], base: Local, offset: u32) {
        let offsets = self.abi.layout.field_offsets(types);
        for (ty, field_offset) in types.iter().zip(offsets) {
            self.free(ty, base, offset + field_offset);
        }
    }
}
