//! A fast path for reading a component's types.
//!
//! Recovering a component's WIT only needs its types, yet the decoder walks
//! every section, including thousands of function entries in large core
//! modules. The skeleton keeps every component-level section byte for byte
//! and replaces each core module by a stub with the same types, imports and
//! exports (exported functions get `unreachable` bodies; internal functions,
//! element and data segments are dropped). Its component-level types are
//! therefore identical to the original's. Whenever a skeleton cannot be made
//! or decoded, the caller falls back to decoding the original bytes.

use wasm_encoder::{
    CodeSection, ComponentSectionId, ExportKind, ExportSection, Function, FunctionSection,
    Instruction, RawSection,
};
use wasmparser::{Chunk, Encoding, ExternalKind, Parser, Payload, TypeRef};

/// The skeleton of component `bytes`, or `None` if it cannot be made.
pub fn skeleton(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = wasm_encoder::Component::new();
    let mut parser = Parser::new(0);
    let mut rest = bytes;
    loop {
        let (payload, consumed) = match parser.parse(rest, true).ok()? {
            Chunk::Parsed { consumed, payload } => (payload, consumed),
            Chunk::NeedMoreData(_) => return None,
        };
        let section = payload.as_section();
        rest = &rest[consumed..];
        match payload {
            Payload::Version {
                encoding: Encoding::Component,
                num,
                ..
            } => {
                if num != 0xd {
                    return None;
                }
            }
            Payload::Version { .. } => return None,
            Payload::ModuleSection {
                unchecked_range, ..
            } => {
                let module = slice(bytes, &unchecked_range)?;
                let stub = stub_module(module)?;
                out.section(&RawSection {
                    id: ComponentSectionId::CoreModule as u8,
                    data: &stub,
                });
                // The outer parser has already moved past the nested module.
                rest = rest.get(module.len()..)?;
            }
            Payload::ComponentSection {
                unchecked_range, ..
            } => {
                let nested = slice(bytes, &unchecked_range)?;
                let stub = skeleton(nested)?;
                out.section(&RawSection {
                    id: ComponentSectionId::Component as u8,
                    data: &stub,
                });
                rest = rest.get(nested.len()..)?;
            }
            Payload::End(_) => return Some(out.finish()),
            _ => {
                let (id, range) = section?;
                out.section(&RawSection {
                    id,
                    data: slice(bytes, &range)?,
                });
            }
        }
    }
}

/// The bytes of `range` (offsets from the start of `data`).
fn slice<'a>(data: &'a [u8], range: &std::ops::Range<u64>) -> Option<&'a [u8]> {
    data.get(usize::try_from(range.start).ok()?..usize::try_from(range.end).ok()?)
}

/// A core module with the same types, imports and exports as `module`.
fn stub_module(module: &[u8]) -> Option<Vec<u8>> {
    let mut raw: Vec<(u8, &[u8])> = Vec::new();
    let mut imported_funcs = 0u32;
    let mut defined_types: Vec<u32> = Vec::new();
    let mut exports: Vec<(&str, ExternalKind, u32)> = Vec::new();
    let mut parser = Parser::new(0);
    let mut rest = module;
    loop {
        let (payload, consumed) = match parser.parse(rest, true).ok()? {
            Chunk::Parsed { consumed, payload } => (payload, consumed),
            Chunk::NeedMoreData(_) => return None,
        };
        let section = payload.as_section();
        rest = &rest[consumed..];
        match payload {
            Payload::Version {
                encoding: Encoding::Module,
                ..
            } => {}
            Payload::Version { .. } => return None,
            Payload::TypeSection(_)
            | Payload::TableSection(_)
            | Payload::MemorySection(_)
            | Payload::TagSection(_)
            | Payload::GlobalSection(_) => {
                let (id, range) = section?;
                raw.push((id, slice(module, &range)?));
            }
            Payload::ImportSection(reader) => {
                let (id, range) = section?;
                raw.push((id, slice(module, &range)?));
                for import in reader.into_imports() {
                    if let TypeRef::Func(_) = import.ok()?.ty {
                        imported_funcs += 1;
                    }
                }
            }
            Payload::FunctionSection(reader) => {
                for ty in reader {
                    defined_types.push(ty.ok()?);
                }
            }
            Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export.ok()?;
                    exports.push((export.name, export.kind, export.index));
                }
            }
            Payload::CodeSectionStart { size, .. } => {
                parser.skip_section();
                rest = rest.get(size as usize..)?;
            }
            Payload::End(_) => break,
            // Element, data, start and custom sections do not shape the
            // module's type.
            _ => {}
        }
    }

    // Keep only exported defined functions, renumbered after the imports.
    let mut kept: Vec<u32> = Vec::new();
    let mut exported = Vec::with_capacity(exports.len());
    for (name, kind, index) in exports {
        let (kind, index) = match kind {
            ExternalKind::Func | ExternalKind::FuncExact if index >= imported_funcs => {
                let defined = index - imported_funcs;
                let slot = match kept.iter().position(|k| *k == defined) {
                    Some(slot) => slot,
                    None => {
                        kept.push(defined);
                        kept.len() - 1
                    }
                };
                (ExportKind::Func, imported_funcs + slot as u32)
            }
            ExternalKind::Func | ExternalKind::FuncExact => (ExportKind::Func, index),
            ExternalKind::Table => (ExportKind::Table, index),
            ExternalKind::Memory => (ExportKind::Memory, index),
            ExternalKind::Global => (ExportKind::Global, index),
            ExternalKind::Tag => (ExportKind::Tag, index),
        };
        exported.push((name, kind, index));
    }

    let mut out = wasm_encoder::Module::new();
    let order = |id: u8| match id {
        1 => 1,  // type
        2 => 2,  // import
        4 => 4,  // table
        5 => 5,  // memory
        13 => 6, // tag
        6 => 7,  // global
        _ => 0,
    };
    let mut functions = FunctionSection::new();
    for defined in &kept {
        functions.function(*defined_types.get(*defined as usize)?);
    }
    raw.sort_by_key(|(id, _)| order(*id));
    let mut functions_written = false;
    for (id, data) in &raw {
        if order(*id) > 2 && !functions_written {
            out.section(&functions);
            functions_written = true;
        }
        out.section(&RawSection { id: *id, data });
    }
    if !functions_written {
        out.section(&functions);
    }
    let mut export_section = ExportSection::new();
    for (name, kind, index) in &exported {
        export_section.export(name, *kind, *index);
    }
    out.section(&export_section);
    let mut code = CodeSection::new();
    let mut body = Function::new([]);
    body.instruction(&Instruction::Unreachable);
    body.instruction(&Instruction::End);
    for _ in &kept {
        code.function(&body);
    }
    out.section(&code);
    Some(out.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stub_keeps_exports_and_drops_internal_code() {
        let module = wat::parse_str(
            r#"(module
                (import "env" "f" (func $f (param i32)))
                (memory (export "memory") 1)
                (func $internal (param i32) (result i32) local.get 0)
                (func (export "run") (result i32) i32.const 1 call $internal)
                (table funcref (elem $internal))
                (data (i32.const 0) "hello"))"#,
        )
        .unwrap();
        let stub = stub_module(&module).unwrap();
        wasmparser::Validator::new().validate_all(&stub).unwrap();
        let printed = wasmprinter_like_exports(&stub);
        assert_eq!(printed, vec!["memory".to_string(), "run".to_string()]);
        assert!(stub.len() < module.len());
    }

    #[test]
    fn skeleton_has_the_same_wit_as_the_component() {
        let mut resolve = wit_parser::Resolve::default();
        let pkg = resolve
            .push_str(
                "t.wit",
                "package t:t; interface i { record r { a: u32, b: string } f: func(x: r) -> list<r>; }
                 world w { import i; export run: func(s: string) -> u32; }",
            )
            .unwrap();
        let world = resolve.select_world(&[pkg], Some("w")).unwrap();
        let mut module = wit_component::dummy_module(
            &resolve,
            world,
            wit_parser::ManglingAndAbi::Legacy(wit_parser::LiftLowerAbi::Sync),
        );
        wit_component::embed_component_metadata(
            &mut module,
            &resolve,
            world,
            wit_component::StringEncoding::UTF8,
            false,
        )
        .unwrap();
        let component = wit_component::ComponentEncoder::default()
            .module(&module)
            .unwrap()
            .validate(true)
            .encode()
            .unwrap();
        let stub = skeleton(&component).expect("skeleton is made");
        wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all())
            .validate_all(&stub)
            .expect("skeleton is valid");
        let wit = |bytes: &[u8]| {
            let decoded = wit_component::decode(bytes).unwrap();
            let mut printer = wit_component::WitPrinter::default();
            printer
                .print(decoded.resolve(), decoded.package(), &[])
                .unwrap();
            printer.output.to_string()
        };
        assert_eq!(wit(&stub), wit(&component));
    }

    fn wasmprinter_like_exports(module: &[u8]) -> Vec<String> {
        let mut names = Vec::new();
        for payload in Parser::new(0).parse_all(module) {
            if let Payload::ExportSection(reader) = payload.unwrap() {
                for export in reader {
                    names.push(export.unwrap().name.to_string());
                }
            }
        }
        names
    }
}
