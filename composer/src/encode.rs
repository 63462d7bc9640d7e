//! Encoding an instance graph as one component with `wasm-encoder`, then
//! validating it with `wasmparser`.
//!
//! Layout of the output, in order: the types and imports of the host imports,
//! each distinct input component embedded once, one `instantiate` per
//! instance (arguments aliased from earlier instances or taken from the
//! imports), the exports, and a name section naming components and instances.

use crate::component::ExternKind;
use crate::error::{ComposeError, ErrorKind};
use crate::graph::{Graph, Source};
use crate::host_types;
use crate::parallel::RunAll;
use std::collections::HashMap;
use wasm_encoder::reencode::{ReencodeComponent, RoundtripReencoder};
use wasm_encoder::{
    ComponentBuilder, ComponentExportKind, ComponentNameSection, IndirectNameMap, NameMap,
};
use wasmparser::{ComponentType, ComponentTypeDeclaration, Parser, Payload};

/// Encodes and validates `graph`.
///
/// With `validate_code`, the output is validated in full, including every
/// function body of the embedded components. Without it, a shadow of the
/// output that embeds the inputs' skeletons (same types, stub core modules)
/// is validated instead: every type, import, instantiation and export of the
/// composition is checked, the code inside the inputs' core modules is not.
pub fn encode(graph: &Graph, validate_code: bool) -> Result<Vec<u8>, ComposeError> {
    let world = if graph.host_imports.is_empty() {
        None
    } else {
        Some(host_types::import_world_bytes(graph)?)
    };
    let bytes = build(graph, world.as_deref(), |def| &def.bytes)?;
    let has_skeletons = graph.components.iter().any(|c| c.skeleton.is_some());
    if validate_code || !has_skeletons {
        validate(&bytes, validate_code)?;
    } else {
        let shadow = build(graph, world.as_deref(), |def| {
            def.skeleton.as_deref().unwrap_or(&def.bytes)
        })?;
        validate(&shadow, false)?;
    }
    Ok(bytes)
}

/// Encodes `graph`, embedding `embed(component)` for each component.
fn build(
    graph: &Graph,
    world: Option<&[u8]>,
    embed: impl Fn(&crate::component::ComponentDef) -> &[u8],
) -> Result<Vec<u8>, ComposeError> {
    let mut builder = ComponentBuilder::default();
    let mut imports: HashMap<String, u32> = HashMap::new();
    if let Some(world) = world {
        emit_imports(&mut builder, world, &mut imports)?;
    }

    let mut component_index: HashMap<usize, u32> = HashMap::new();
    let mut component_names = NameMap::new();
    for instance in &graph.instances {
        if component_index.contains_key(&instance.component) {
            continue;
        }
        let def = &graph.components[instance.component];
        let index = builder.component_raw(None, embed(def));
        component_names.append(index, &def.label);
        component_index.insert(instance.component, index);
    }

    let mut instance_index: Vec<u32> = Vec::with_capacity(graph.instances.len());
    let mut instance_names = NameMap::new();
    let mut aliases: HashMap<(usize, String), u32> = HashMap::new();
    for instance in &graph.instances {
        let mut args = Vec::with_capacity(instance.args.len());
        for arg in &instance.args {
            let kind = export_kind(graph.source_kind(&arg.source).ok_or_else(|| {
                ComposeError::new(
                    ErrorKind::MissingExport,
                    format!("{} does not exist", graph.describe(&arg.source)),
                )
            })?);
            let index = resolve_source(
                graph,
                &mut builder,
                &imports,
                &instance_index,
                &mut aliases,
                &arg.source,
                kind,
            )?;
            args.push((arg.import.clone(), kind, index));
        }
        let index = builder.instantiate(None, component_index[&instance.component], args);
        instance_names.append(index, &instance.name);
        instance_index.push(index);
    }

    for export in &graph.exports {
        let kind = export_kind(graph.source_kind(&export.source).ok_or_else(|| {
            ComposeError::new(
                ErrorKind::MissingExport,
                format!("{} does not exist", graph.describe(&export.source)),
            )
        })?);
        let index = resolve_source(
            graph,
            &mut builder,
            &imports,
            &instance_index,
            &mut aliases,
            &export.source,
            kind,
        )?;
        builder.export(export.name.as_str(), kind, index, None);
    }

    let mut names = ComponentNameSection::new();
    names.components(&component_names);
    names.instances(&instance_names);
    let _ = IndirectNameMap::new();
    builder.custom_section(&names.as_custom());
    Ok(builder.finish())
}

fn export_kind(kind: ExternKind) -> ComponentExportKind {
    match kind {
        ExternKind::Instance(_) => ComponentExportKind::Instance,
        ExternKind::Func => ComponentExportKind::Func,
        ExternKind::Type(_) => ComponentExportKind::Type,
    }
}

/// The index of a source in its index space, aliasing instance exports once.
fn resolve_source(
    graph: &Graph,
    builder: &mut ComponentBuilder,
    imports: &HashMap<String, u32>,
    instance_index: &[u32],
    aliases: &mut HashMap<(usize, String), u32>,
    source: &Source,
    kind: ComponentExportKind,
) -> Result<u32, ComposeError> {
    match source {
        Source::Host(i) => {
            let name = &graph.host_imports[*i].name;
            imports.get(name).copied().ok_or_else(|| {
                ComposeError::new(
                    ErrorKind::Internal,
                    format!("the import `{name}` was not emitted"),
                )
            })
        }
        Source::Export { instance, name } => {
            if let Some(index) = aliases.get(&(*instance, name.clone())) {
                return Ok(*index);
            }
            let index = builder.alias_export(instance_index[*instance], name, kind);
            aliases.insert((*instance, name.clone()), index);
            Ok(index)
        }
    }
}

/// Re-emits the declarations of the world type inside `world_package` (a WIT
/// package encoded by wit-component) as top-level types, aliases and imports.
fn emit_imports(
    builder: &mut ComponentBuilder,
    world_package: &[u8],
    imports: &mut HashMap<String, u32>,
) -> Result<(), ComposeError> {
    let internal = |what: String| ComposeError::new(ErrorKind::Internal, what);
    for payload in Parser::new(0).parse_all(world_package) {
        let payload = payload.map_err(|e| internal(format!("re-reading import types: {e}")))?;
        let Payload::ComponentTypeSection(section) = payload else {
            continue;
        };
        for ty in section {
            let ty = ty.map_err(|e| internal(format!("re-reading import types: {e}")))?;
            let ComponentType::Component(wrapper) = ty else {
                continue;
            };
            for decl in wrapper {
                if let ComponentTypeDeclaration::Type(ComponentType::Component(world)) = decl {
                    for decl in world {
                        emit_declaration(builder, decl, imports)
                            .map_err(|e| internal(format!("re-emitting import types: {e}")))?;
                    }
                    return Ok(());
                }
            }
        }
    }
    Err(internal(
        "no world type found in the encoded imports".into(),
    ))
}

fn emit_declaration(
    builder: &mut ComponentBuilder,
    decl: ComponentTypeDeclaration<'_>,
    imports: &mut HashMap<String, u32>,
) -> Result<(), wasm_encoder::reencode::Error> {
    let mut re = RoundtripReencoder;
    match decl {
        ComponentTypeDeclaration::CoreType(ty) => {
            let (_, enc) = builder.core_type(None);
            re.parse_component_core_type(enc, ty)?;
        }
        ComponentTypeDeclaration::Type(ty) => {
            let (_, enc) = builder.ty(None);
            re.parse_component_type(enc, ty)?;
        }
        ComponentTypeDeclaration::Alias(alias) => {
            let alias = re.component_alias(alias)?;
            builder.alias(None, alias);
        }
        ComponentTypeDeclaration::Import(import) => {
            let ty = re.component_type_ref(import.ty)?;
            let index = builder.import(import.name.name, ty);
            imports.insert(import.name.name.to_string(), index);
        }
        ComponentTypeDeclaration::Export { .. } => {}
    }
    Ok(())
}

/// Validates a composed component: structure, types and instantiations, then
/// (when `validate_code`) every function body, spread over
/// `KNIT_COMPOSE_THREADS` threads (default one).
pub fn validate(bytes: &[u8], validate_code: bool) -> Result<(), ComposeError> {
    let invalid = |e: wasmparser::BinaryReaderError| {
        ComposeError::new(
            ErrorKind::Internal,
            format!("the composed component is not valid: {e}"),
        )
    };
    let mut validator = wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all());
    let mut bodies = Vec::new();
    for payload in Parser::new(0).parse_all(bytes) {
        let payload = payload.map_err(invalid)?;
        if let wasmparser::ValidPayload::Func(func, body) =
            validator.payload(&payload).map_err(invalid)?
            && validate_code
        {
            bodies.push((func, body));
        }
    }
    let check = |chunk: Vec<(
        wasmparser::FuncToValidate<wasmparser::ValidatorResources>,
        wasmparser::FunctionBody<'_>,
    )>| {
        let mut allocations = wasmparser::FuncValidatorAllocations::default();
        for (func, body) in chunk {
            let mut validator = func.into_validator(allocations);
            validator.validate(&body)?;
            allocations = validator.into_allocations();
        }
        Ok::<(), wasmparser::BinaryReaderError>(())
    };
    let threads = crate::parallel::threads_for(bodies.len(), 1000);
    crate::parallel::split(bodies, threads)
        .into_iter()
        .map(|chunk| move || check(chunk))
        .collect::<Vec<_>>()
        .pipe_run()
        .into_iter()
        .try_for_each(|r| r.map_err(invalid))
}
