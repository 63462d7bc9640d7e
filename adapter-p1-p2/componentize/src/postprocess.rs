//! Turns the raw `wasm32-unknown-unknown` build of the adapter crate into an
//! adapter module wit-component accepts:
//!
//! * the `knit:globals` imports (`state_get`, `state_set`) become small local
//!   functions over one new mutable `i32` global, the adapter's state pointer
//!   (stable Rust cannot declare a wasm global directly);
//! * an unused (element-less) table and exports other than functions (`__data_end`, `__heap_base`) are dropped;
//! * custom sections are dropped, except a `name` section naming the
//!   `__stack_pointer` global, which wit-component looks for by name;
//! * data and element segments are refused (the adapter contract forbids
//!   them), naming what LLVM put there;
//! * the adapter's WIT world is embedded as a `component-type` section.

use anyhow::{Context, Result, bail};
use wasm_encoder::reencode::{Error as ReencodeError, Reencode};
use wasm_encoder::{
    CodeSection, ConstExpr, ExportKind, ExportSection, Function, FunctionSection, GlobalSection,
    GlobalType, ImportSection, Instruction, Module, NameMap, NameSection, TypeSection, ValType,
};
use wasmparser::{ExternalKind, Name, Parser, Payload, TypeRef};
use wit_parser::{Resolve, WorldId};

/// The import module whose functions become the state global.
const GLOBALS_MODULE: &str = "knit:globals";

/// Renumbers functions after the `knit:globals` imports are removed.
struct Remap {
    funcs: Vec<u32>,
}

impl Reencode for Remap {
    type Error = std::convert::Infallible;

    fn function_index(&mut self, func: u32) -> Result<u32, ReencodeError<Self::Error>> {
        Ok(self.funcs.get(func as usize).copied().unwrap_or(func))
    }
}

/// Post-processes a raw adapter build and embeds `world` from `resolve`.
pub fn postprocess(raw: &[u8], resolve: &Resolve, world: WorldId) -> Result<Vec<u8>> {
    let mut wasm = rewrite(raw)?;
    wit_component::embed_component_metadata(
        &mut wasm,
        resolve,
        world,
        wit_component::StringEncoding::UTF8,
        false,
    )
    .context("embedding the adapter's WIT world")?;
    wasmparser::Validator::new()
        .validate_all(&wasm)
        .context("the post-processed adapter is not valid wasm")?;
    Ok(wasm)
}

/// What the first pass learns about the raw module.
#[derive(Default)]
struct Survey {
    func_imports: u32,
    /// (old function index, true for `state_set`) of each `knit:globals` import.
    state_funcs: Vec<(u32, bool)>,
    defined_funcs: u32,
    globals: u32,
    stack_pointer: Option<u32>,
}

fn survey(raw: &[u8]) -> Result<Survey> {
    let mut s = Survey::default();
    for payload in Parser::new(0).parse_all(raw) {
        match payload? {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import?;
                    if let TypeRef::Func(_) = import.ty {
                        if import.module == GLOBALS_MODULE {
                            let set = match import.name {
                                "state_get" => false,
                                "state_set" => true,
                                other => bail!("unknown `{GLOBALS_MODULE}` import `{other}`"),
                            };
                            s.state_funcs.push((s.func_imports, set));
                        }
                        s.func_imports += 1;
                    }
                }
            }
            Payload::FunctionSection(reader) => s.defined_funcs = reader.count(),
            Payload::GlobalSection(reader) => s.globals = reader.count(),
            Payload::DataSection(reader) => {
                let mut what = Vec::new();
                for data in reader {
                    let data = data?;
                    what.push(format!(
                        "{} bytes {:?}",
                        data.data.len(),
                        &data.data[..data.data.len().min(32)]
                    ));
                }
                bail!(
                    "the adapter build has data segments ({}); adapters may not carry data: \
                     rewrite the code that produced a constant table or string",
                    what.join("; ")
                );
            }
            Payload::ElementSection(_) => {
                bail!("the adapter build has element segments (indirect calls)")
            }
            Payload::CustomSection(c) if c.name() == "name" => {
                let reader = wasmparser::NameSectionReader::new(wasmparser::BinaryReader::new(
                    c.data(),
                    c.data_offset(),
                ));
                for name in reader {
                    if let Name::Global(map) = name? {
                        for naming in map {
                            let naming = naming?;
                            if naming.name == "__stack_pointer" {
                                s.stack_pointer = Some(naming.index);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    Ok(s)
}

fn rewrite(raw: &[u8]) -> Result<Vec<u8>> {
    let s = survey(raw)?;
    let removed = s.state_funcs.len() as u32;
    let kept_imports = s.func_imports - removed;
    let mut funcs = Vec::with_capacity((s.func_imports + s.defined_funcs) as usize);
    let mut next_import = 0;
    for i in 0..s.func_imports {
        match s.state_funcs.iter().position(|(old, _)| *old == i) {
            Some(k) => funcs.push(kept_imports + s.defined_funcs + k as u32),
            None => {
                funcs.push(next_import);
                next_import += 1;
            }
        }
    }
    for i in 0..s.defined_funcs {
        funcs.push(kept_imports + i);
    }
    let mut remap = Remap { funcs };
    let state_global = s.globals;

    let mut module = Module::new();
    let mut types = TypeSection::new();
    let mut imports = ImportSection::new();
    let mut functions = FunctionSection::new();
    let mut globals = GlobalSection::new();
    let mut exports = ExportSection::new();
    let mut code = CodeSection::new();
    let reenc = |e: ReencodeError<std::convert::Infallible>| anyhow::anyhow!("{e:?}");

    for payload in Parser::new(0).parse_all(raw) {
        match payload? {
            Payload::TypeSection(reader) => remap
                .parse_type_section(&mut types, reader)
                .map_err(reenc)?,
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import?;
                    if import.module != GLOBALS_MODULE {
                        remap.parse_import(&mut imports, import).map_err(reenc)?;
                    }
                }
            }
            Payload::FunctionSection(reader) => remap
                .parse_function_section(&mut functions, reader)
                .map_err(reenc)?,
            Payload::GlobalSection(reader) => remap
                .parse_global_section(&mut globals, reader)
                .map_err(reenc)?,
            Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export?;
                    if export.kind == ExternalKind::Func {
                        let index = remap.function_index(export.index).map_err(reenc)?;
                        exports.export(export.name, ExportKind::Func, index);
                    }
                }
            }
            Payload::CodeSectionEntry(body) => {
                remap.parse_function_body(&mut code, body).map_err(reenc)?
            }
            Payload::Version { .. }
            | Payload::CodeSectionStart { .. }
            | Payload::CustomSection(_)
            | Payload::End(_) => {}
            Payload::MemorySection(_) => {
                bail!("the adapter defines a memory; it must import `env.memory`")
            }
            // wasm-ld may emit an empty function table; without element
            // segments nothing can use it (validation below would catch a
            // `call_indirect`), so it is dropped.
            Payload::TableSection(_) => {}
            Payload::StartSection { .. } => bail!("the adapter has a start function"),
            other => bail!("unexpected section in the adapter build: {other:?}"),
        }
    }

    // The state pointer global and its accessors, in `state_funcs` order.
    globals.global(
        GlobalType {
            val_type: ValType::I32,
            mutable: true,
            shared: false,
        },
        &ConstExpr::i32_const(0),
    );
    let get_ty = types.len();
    types.ty().function([], [ValType::I32]);
    let set_ty = types.len();
    types.ty().function([ValType::I32], []);
    for (_, set) in &s.state_funcs {
        let mut f = Function::new([]);
        if *set {
            functions.function(set_ty);
            f.instruction(&Instruction::LocalGet(0));
            f.instruction(&Instruction::GlobalSet(state_global));
        } else {
            functions.function(get_ty);
            f.instruction(&Instruction::GlobalGet(state_global));
        }
        f.instruction(&Instruction::End);
        code.function(&f);
    }

    module.section(&types);
    module.section(&imports);
    module.section(&functions);
    module.section(&globals);
    module.section(&exports);
    module.section(&code);
    let mut names = NameSection::new();
    let mut global_names = NameMap::new();
    match s.stack_pointer {
        Some(sp) => global_names.append(sp, "__stack_pointer"),
        None => bail!("the adapter build has no `__stack_pointer` global name (was it stripped?)"),
    }
    names.globals(&global_names);
    module.section(&names);
    Ok(module.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(body: &str) -> Vec<u8> {
        wat::parse_str(format!(
            r#"(module
                 (import "env" "memory" (memory 0))
                 (import "knit:globals" "state_get" (func $get (result i32)))
                 (import "x" "y" (func $y (param i32)))
                 (import "knit:globals" "state_set" (func $set (param i32)))
                 (global $__stack_pointer (mut i32) (i32.const 0))
                 (global $__data_end i32 (i32.const 0))
                 (export "__data_end" (global $__data_end))
                 {body})"#
        ))
        .unwrap()
    }

    #[test]
    fn state_imports_become_a_global_and_indices_follow() {
        let out = rewrite(&raw(
            r#"(func (export "bump") (call $set (i32.add (call $get) (i32.const 1))) (call $y (call $get)))"#,
        ))
        .unwrap();
        wasmparser::Validator::new().validate_all(&out).unwrap();
        let text = wasmprinter::print_bytes(&out).unwrap();
        assert!(!text.contains("knit:globals"), "{text}");
        assert!(!text.contains("__data_end"), "{text}");
        assert!(text.contains("(global $__stack_pointer"), "{text}");
        // One import left (`x.y`, index 0); `bump` is 1; get and set are 2 and 3.
        assert!(
            text.contains("call 2") && text.contains("call 3") && text.contains("call 0"),
            "{text}"
        );
        assert!(
            text.contains("global.set 2") && text.contains("global.get 2"),
            "{text}"
        );
    }

    #[test]
    fn data_segments_are_refused_with_their_bytes() {
        let err = rewrite(&raw(r#"(data (i32.const 0) "\01\02")"#))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("data segments") && err.contains("[1, 2]"),
            "{err}"
        );
    }

    #[test]
    fn a_missing_stack_pointer_name_is_reported() {
        let bytes =
            wat::parse_str(r#"(module (import "env" "memory" (memory 0)) (func (export "f")))"#)
                .unwrap();
        let err = rewrite(&bytes).unwrap_err().to_string();
        assert!(err.contains("__stack_pointer"), "{err}");
    }
}
