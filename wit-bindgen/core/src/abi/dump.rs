//! A readable text form of plans, for golden tests and for `--debug` output.

use super::instr::{Block, Instr};
use super::plan::Plan;
use std::fmt::Write;
use wit_parser::{Resolve, Type, TypeId};

/// Renders a plan as indented text, one instruction a line, type names spelled out.
pub fn dump(resolve: &Resolve, plan: &Plan) -> String {
    let mut out = String::new();
    let sig = |tys: &[super::FlatType]| {
        tys.iter()
            .map(|t| t.wasm_name())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let _ = writeln!(
        out,
        "{:?} ({}) -> ({})",
        plan.kind,
        sig(&plan.core_params),
        sig(&plan.core_results)
    );
    if let Some(area) = plan.params_area {
        let _ = writeln!(out, "params-area size={} align={}", area.size, area.align);
    }
    if let Some(area) = plan.return_area {
        let _ = writeln!(out, "return-area size={} align={}", area.size, area.align);
    }
    write_block(resolve, &plan.body, 1, &mut out);
    out
}

fn type_name(resolve: &Resolve, id: TypeId) -> String {
    resolve.types[id]
        .name
        .clone()
        .unwrap_or_else(|| format!("<anon {}>", id.index()))
}

fn ty(resolve: &Resolve, ty: &Type) -> String {
    match ty {
        Type::Id(id) => type_name(resolve, *id),
        other => format!("{other:?}").to_lowercase(),
    }
}

fn write_block(resolve: &Resolve, block: &Block, indent: usize, out: &mut String) {
    let pad = "  ".repeat(indent);
    for instr in &block.instrs {
        let line = describe(resolve, instr);
        let _ = writeln!(out, "{pad}{line}");
        for (i, nested) in instr.blocks().into_iter().enumerate() {
            let _ = writeln!(
                out,
                "{pad}  block {i} ({} -> {}):",
                nested.params, nested.results
            );
            write_block(resolve, nested, indent + 2, out);
        }
    }
}

fn describe(resolve: &Resolve, instr: &Instr) -> String {
    use Instr::*;
    match instr {
        Arg { index } => format!("arg {index}"),
        LocalSet { local } => format!("local.set {}", local.0),
        LocalGet { local } => format!("local.get {}", local.0),
        ConstI32 { value } => format!("i32.const {value}"),
        ConstZero { ty } => format!("{}.zero", ty.wasm_name()),
        Bitcast { from, to } => format!("bitcast {} -> {}", from.wasm_name(), to.wasm_name()),
        Load { kind, offset } => format!("load {kind:?} offset={offset}"),
        Store { kind, offset } => format!("store {kind:?} offset={offset}"),
        LowerScalar { ty } => format!("lower {ty:?}"),
        LiftScalar { ty } => format!("lift {ty:?}"),
        RecordLower { ty, fields } => {
            format!("record.lower {} ({fields})", type_name(resolve, *ty))
        }
        RecordLift { ty, fields } => format!("record.lift {} ({fields})", type_name(resolve, *ty)),
        TupleLower { ty, arity } => format!("tuple.lower {} ({arity})", type_name(resolve, *ty)),
        TupleLift { ty, arity } => format!("tuple.lift {} ({arity})", type_name(resolve, *ty)),
        FlagsLower { ty } => format!("flags.lower {}", type_name(resolve, *ty)),
        FlagsLift { ty } => format!("flags.lift {}", type_name(resolve, *ty)),
        EnumLower { ty } => format!("enum.lower {}", type_name(resolve, *ty)),
        EnumLift { ty } => format!("enum.lift {}", type_name(resolve, *ty)),
        VariantLower { ty, results, .. } => {
            format!("variant.lower {} -> {results}", type_name(resolve, *ty))
        }
        VariantLift { ty, .. } => format!("variant.lift {}", type_name(resolve, *ty)),
        VariantBranch { ty, .. } => format!("variant.branch {}", type_name(resolve, *ty)),
        StringLower { mode } => format!("string.lower {mode:?}"),
        StringLift => "string.lift".to_string(),
        ListCanonLower { element, mode } => {
            format!("list.canon-lower {} {mode:?}", ty(resolve, element))
        }
        ListCanonLift { element } => format!("list.canon-lift {}", ty(resolve, element)),
        ListLower {
            element,
            size,
            align,
            mode,
            ..
        } => {
            format!(
                "list.lower {} size={size} align={align} {mode:?}",
                ty(resolve, element)
            )
        }
        ListLift {
            element,
            size,
            align,
            ..
        } => {
            format!(
                "list.lift {} size={size} align={align}",
                ty(resolve, element)
            )
        }
        HandleLower {
            resource,
            kind,
            origin,
        } => {
            format!(
                "handle.lower {kind:?} {} {origin:?}",
                type_name(resolve, *resource)
            )
        }
        HandleLift {
            resource,
            kind,
            origin,
        } => {
            format!(
                "handle.lift {kind:?} {} {origin:?}",
                type_name(resolve, *resource)
            )
        }
        ParamsArea => "params-area".to_string(),
        ReturnArea => "return-area".to_string(),
        CallImport { module, name, .. } => format!("call-import {module:?} {name:?}"),
        CallUser { params, results } => format!("call-user ({params}) -> ({results})"),
        Dealloc { size, align } => format!("dealloc size={size} align={align}"),
        StringFree => "string.free".to_string(),
        ListFree { size, align, .. } => format!("list.free size={size} align={align}"),
        Return { count } => format!("return {count}"),
    }
}
