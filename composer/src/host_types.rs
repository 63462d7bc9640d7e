//! The types of the composed component's own imports.
//!
//! Every import left for the host is typed by the WIT of the components that
//! consume it. Their views are merged (one component may use more functions
//! of an interface than another), turned into a WIT world, encoded by
//! `wit-component`, and the world's component-type declarations are then
//! re-emitted at the top level of the composed component.

use crate::component::ComponentDef;
use crate::error::{ComposeError, ErrorKind};
use crate::graph::Graph;
use crate::names::Version;
use crate::typecheck;
use crate::version_merge::Bridges;
use indexmap::IndexMap;
use wit_parser::{
    InterfaceId, Package, PackageId, PackageName, Resolve, World, WorldId, WorldItem, WorldKey,
};

/// Builds the component-type declarations for every host import of `graph`,
/// returned as wasmparser declarations borrowed from `storage`.
pub fn import_world_bytes(graph: &Graph) -> Result<Vec<u8>, ComposeError> {
    check_consumers_agree(graph)?;
    let mut merged = Resolve::default();
    let mut worlds: IndexMap<usize, WorldId> = IndexMap::new();
    for host in &graph.host_imports {
        for (instance, _) in &host.consumers {
            let component = graph.instances[*instance].component;
            if worlds.contains_key(&component) {
                continue;
            }
            let def = &graph.components[component];
            let world = merge_component(&mut merged, def, worlds.len(), &graph.bridges)?;
            worlds.insert(component, world);
        }
    }

    let mut imports: IndexMap<WorldKey, WorldItem> = IndexMap::new();
    for host in &graph.host_imports {
        // The consumer's WIT was merged with bridged packages renamed, so the
        // import goes by the host import's (possibly newer) name.
        let import_name = &host.name;
        let (instance, _) = &host.consumers[0];
        let world = worlds[&graph.instances[*instance].component];
        let (key, item) = merged.worlds[world]
            .imports
            .iter()
            .find(|(key, _)| merged.name_world_key(key) == *import_name)
            .map(|(k, i)| (k.clone(), i.clone()))
            .ok_or_else(|| {
                ComposeError::new(
                    ErrorKind::Internal,
                    format!("lost track of import `{import_name}` while merging WIT"),
                )
            })?;
        if let WorldItem::Interface { id, .. } = &item {
            add_dependencies(&merged, *id, &mut imports);
        }
        imports.entry(key).or_insert(item);
    }

    let package = merged.packages.alloc(Package {
        name: PackageName {
            namespace: "knit".into(),
            name: "composed".into(),
            version: None,
        },
        docs: Default::default(),
        interfaces: Default::default(),
        worlds: Default::default(),
    });
    let world = merged.worlds.alloc(World {
        name: "composed".into(),
        imports,
        exports: Default::default(),
        package: Some(package),
        docs: Default::default(),
        stability: Default::default(),
        includes: Default::default(),
        span: Default::default(),
    });
    merged.packages[package]
        .worlds
        .insert("composed".into(), world);
    wit_component::encode(&merged, package, false).map_err(|e| {
        ComposeError::new(
            ErrorKind::Internal,
            format!("cannot encode the types of the composition's imports: {e:#}"),
        )
    })
}

/// Imports the interfaces `id` uses types from before `id` itself.
fn add_dependencies(
    resolve: &Resolve,
    id: InterfaceId,
    imports: &mut IndexMap<WorldKey, WorldItem>,
) {
    for dep in resolve.interface_direct_deps(id) {
        add_dependencies(resolve, dep, imports);
        imports
            .entry(WorldKey::Interface(dep))
            .or_insert(WorldItem::Interface {
                id: dep,
                stability: Default::default(),
                span: Default::default(),
                docs: Default::default(),
                external_id: Default::default(),
            });
    }
}

/// Merges a component's WIT into `merged`, renaming its synthetic root
/// package so that worlds of different components never collide.
fn merge_component(
    merged: &mut Resolve,
    def: &ComponentDef,
    index: usize,
    bridges: &Bridges,
) -> Result<WorldId, ComposeError> {
    let mut resolve = def.resolve.clone();
    rename_bridged_packages(&mut resolve, bridges);
    if let Some(package) = resolve.worlds[def.world].package {
        let old = resolve.packages[package].name.clone();
        let new = PackageName {
            namespace: "knit-composed".into(),
            name: format!("component{index}"),
            version: None,
        };
        resolve.package_names.shift_remove(&old);
        resolve.package_names.insert(new.clone(), package);
        resolve.packages[package].name = new;
    }
    let remap = merged.merge(resolve).map_err(|e| {
        ComposeError::new(
            ErrorKind::TypeMismatch,
            format!(
                "the WIT of `{}` conflicts with other components: {e:#}",
                def.label
            ),
        )
    })?;
    remap.worlds[def.world.index()]
        .ok_or_else(|| ComposeError::new(ErrorKind::Internal, "world lost while merging WIT"))
}

/// Gives every bridged package of `resolve` its newer version, so that
/// merging unifies its interfaces with the newer importers' (the union of
/// what both use).
fn rename_bridged_packages(resolve: &mut Resolve, bridges: &Bridges) {
    let renames: Vec<(PackageId, PackageName, PackageName)> = resolve
        .packages
        .iter()
        .filter_map(|(id, package)| {
            let old = &package.name;
            let version = Version::parse(&old.version.as_ref()?.to_string())?;
            let to = bridges.get(&(format!("{}:{}", old.namespace, old.name), version))?;
            let mut new = old.clone();
            if let Some(v) = &mut new.version {
                v.major = to.major;
                v.minor = to.minor;
                v.patch = to.patch;
            }
            Some((id, old.clone(), new))
        })
        .collect();
    for (id, old, new) in renames {
        if resolve.package_names.contains_key(&new) {
            // Both versions in one component: its WIT is merged as it is.
            continue;
        }
        resolve.package_names.shift_remove(&old);
        resolve.package_names.insert(new.clone(), id);
        resolve.packages[id].name = new;
    }
}

/// Components sharing one host import must agree where their views overlap.
fn check_consumers_agree(graph: &Graph) -> Result<(), ComposeError> {
    for host in &graph.host_imports {
        let mut first: Option<(&ComponentDef, InterfaceId)> = None;
        for (instance, import) in &host.consumers {
            let def = graph.component_of(*instance);
            let Some(ext) = def.import(import) else {
                continue;
            };
            let WorldItem::Interface { id, .. } = def.import_item(ext) else {
                continue;
            };
            match first {
                None => first = Some((def, *id)),
                Some((other, other_id)) => {
                    typecheck::check_overlap(&other.resolve, other_id, &def.resolve, *id)
                        .map_err(|m| disagreement(other, def, &host.name, &m))?;
                }
            }
        }
    }
    Ok(())
}

/// The message for two importers whose views of a shared import conflict.
fn disagreement(
    first: &ComponentDef,
    second: &ComponentDef,
    import: &str,
    mismatches: &typecheck::Mismatches,
) -> ComposeError {
    let mut message = format!(
        "`{}` and `{}` disagree about the shared import `{import}`:",
        first.label, second.label
    );
    let shown = mismatches.0.iter().take(typecheck::SHOWN_MISMATCHES);
    for mismatch in shown {
        let place = if mismatch.path.is_empty() {
            String::new()
        } else {
            format!("{}: ", mismatch.path.join(", "))
        };
        message.push_str(&format!(
            "\n  {place}`{}` uses {}, `{}` uses {}",
            first.label, mismatch.expected, second.label, mismatch.found
        ));
    }
    if mismatches.0.len() > typecheck::SHOWN_MISMATCHES {
        message.push_str(&format!(
            "\n  ... and {} more differences",
            mismatches.0.len() - typecheck::SHOWN_MISMATCHES
        ));
    }
    ComposeError::new(ErrorKind::TypeMismatch, message)
}
