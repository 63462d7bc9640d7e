//! Sizes, alignments, field offsets and flat types of WIT types on wasm32.

use super::instr::{FlatType, MemKind};
use super::plan::Area;
use wit_parser::{Resolve, SizeAlign, Type, TypeDefKind, TypeId};

/// The memory layout of every type in a [`Resolve`], for 32-bit linear memory.
pub struct Layout {
    sizes: SizeAlign,
}

impl Layout {
    /// Computes the layout of every type of `resolve`.
    pub fn new(resolve: &Resolve) -> Layout {
        let mut sizes = SizeAlign::default();
        // Filling fails only for types the plans reject anyway (such as unsized fixed-length lists).
        let _ = sizes.fill(resolve);
        Layout { sizes }
    }

    /// Size in bytes of a value of `ty`.
    pub fn size(&self, ty: &Type) -> u32 {
        self.sizes.size(ty).size_wasm32() as u32
    }

    /// Alignment in bytes of a value of `ty`.
    pub fn align(&self, ty: &Type) -> u32 {
        self.sizes.align(ty).align_wasm32() as u32
    }

    /// The offset of each of `types` laid out one after another as a record.
    pub fn field_offsets(&self, types: &[Type]) -> Vec<u32> {
        self.sizes
            .field_offsets(types)
            .into_iter()
            .map(|(offset, _)| offset.size_wasm32() as u32)
            .collect()
    }

    /// The area holding `types` as a record, with each one's offset.
    pub fn record(&self, types: &[Type]) -> (Area, Vec<u32>) {
        let info = self.sizes.record(types);
        let area = Area {
            size: info.size.size_wasm32() as u32,
            align: info.align.align_wasm32() as u32,
        };
        (area, self.field_offsets(types))
    }

    /// How a variant-like type's discriminant is stored, and the offset of its payload.
    pub fn variant_tag_and_payload(&self, resolve: &Resolve, id: TypeId) -> (MemKind, u32) {
        // The cases are handed to `payload_offset` as they are, without collecting them.
        let (tag, offset) = match &resolve.types[id].kind {
            TypeDefKind::Variant(v) => {
                let tag = v.tag();
                let cases = v.cases.iter().map(|c| c.ty.as_ref());
                (tag, self.sizes.payload_offset(tag, cases))
            }
            TypeDefKind::Option(t) => {
                let tag = wit_parser::Int::U8;
                (tag, self.sizes.payload_offset(tag, [None, Some(t)]))
            }
            TypeDefKind::Result(r) => {
                let tag = wit_parser::Int::U8;
                (
                    tag,
                    self.sizes
                        .payload_offset(tag, [r.ok.as_ref(), r.err.as_ref()]),
                )
            }
            other => unreachable!("not a variant: {other:?}"),
        };
        let tag_bytes = match tag {
            wit_parser::Int::U8 => 1,
            wit_parser::Int::U16 => 2,
            wit_parser::Int::U32 | wit_parser::Int::U64 => 4,
        };
        (
            MemKind::unsigned_of_size(tag_bytes),
            offset.size_wasm32() as u32,
        )
    }

    /// Whether a value of `ty` owns linear memory (a string or list somewhere inside it), so that
    /// handing it over needs cleanup.
    pub fn owns_memory(&self, resolve: &Resolve, ty: &Type) -> bool {
        match ty {
            Type::String => true,
            Type::Id(id) => match &resolve.types[*id].kind {
                TypeDefKind::List(_) => true,
                TypeDefKind::Type(t) | TypeDefKind::Option(t) => self.owns_memory(resolve, t),
                TypeDefKind::Record(r) => r.fields.iter().any(|f| self.owns_memory(resolve, &f.ty)),
                TypeDefKind::Tuple(t) => t.types.iter().any(|t| self.owns_memory(resolve, t)),
                TypeDefKind::Variant(v) => v
                    .cases
                    .iter()
                    .any(|c| c.ty.is_some_and(|t| self.owns_memory(resolve, &t))),
                TypeDefKind::Result(r) => {
                    r.ok.iter()
                        .chain(&r.err)
                        .any(|t| self.owns_memory(resolve, t))
                }
                _ => false,
            },
            _ => false,
        }
    }
}

/// The flat core types of `types` laid side by side, with no limit applied.
pub fn flat_types(resolve: &Resolve, types: &[Type]) -> Vec<FlatType> {
    let mut out = Vec::new();
    for ty in types {
        push_flat(resolve, ty, &mut out);
    }
    out
}

fn push_flat(resolve: &Resolve, ty: &Type, out: &mut Vec<FlatType>) {
    match ty {
        Type::U64 | Type::S64 => out.push(FlatType::I64),
        Type::F32 => out.push(FlatType::F32),
        Type::F64 => out.push(FlatType::F64),
        Type::String => out.extend([FlatType::I32, FlatType::I32]),
        Type::Id(id) => match &resolve.types[*id].kind {
            TypeDefKind::Type(t) => push_flat(resolve, t, out),
            TypeDefKind::Record(r) => r.fields.iter().for_each(|f| push_flat(resolve, &f.ty, out)),
            TypeDefKind::Tuple(t) => t.types.iter().for_each(|t| push_flat(resolve, t, out)),
            TypeDefKind::List(_) | TypeDefKind::Map(..) => {
                out.extend([FlatType::I32, FlatType::I32])
            }
            TypeDefKind::FixedLengthList(t, n) => (0..*n).for_each(|_| push_flat(resolve, t, out)),
            TypeDefKind::Variant(v) => push_variant(resolve, v.cases.iter().map(|c| c.ty), out),
            TypeDefKind::Option(t) => push_variant(resolve, [None, Some(*t)], out),
            TypeDefKind::Result(r) => push_variant(resolve, [r.ok, r.err], out),
            _ => out.push(FlatType::I32),
        },
        _ => out.push(FlatType::I32),
    }
}

/// A discriminant followed by the element-wise join of every case's flat payload.
fn push_variant(
    resolve: &Resolve,
    cases: impl IntoIterator<Item = Option<Type>>,
    out: &mut Vec<FlatType>,
) {
    out.push(FlatType::I32);
    // The joined payload is built in place after the discriminant; each case is flattened just
    // past it, joined in and dropped again, so no case needs a vector of its own.
    let start = out.len();
    for case in cases.into_iter().flatten() {
        let scratch = out.len();
        push_flat(resolve, &case, out);
        let joined = scratch - start;
        for i in 0..out.len() - scratch {
            let ty = out[scratch + i];
            if i < joined {
                out[start + i] = out[start + i].join(ty);
            } else {
                // Slots beyond the longest case so far are taken as they are; moving them down
                // keeps the joined prefix contiguous.
                out[start + i] = ty;
            }
        }
        let longest = joined.max(out.len() - scratch);
        out.truncate(start + longest);
    }
}
