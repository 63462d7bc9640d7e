//! World selection: parsing a world name and choosing it among the loaded worlds.

use std::fmt;

use wit_parser::{Resolve, WorldId};

use super::LoadError;

pub(super) const WORLD_HINT: &str = "hint: name a world by its short name (`proxy`) or fully qualified \
(`wasi:http/proxy`); add `@version` (`wasi:http/proxy@0.2.0`) when a package comes in several versions";

pub(super) fn ambiguity(requested: Option<&str>, matches: &[String]) -> String {
    match requested {
        None => "several worlds are available and none was chosen".to_string(),
        Some(name) => format!(
            "world `{name}` is ambiguous: it matches {}",
            matches.join(", ")
        ),
    }
}

/// The worlds a loader error offers as alternatives, fully qualified.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WorldList {
    /// Worlds of the main packages: selectable by short or full name.
    pub main: Vec<String>,
    /// Worlds of dependencies: selectable by full name.
    pub dependencies: Vec<String>,
}

impl fmt::Display for WorldList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.main.is_empty() {
            writeln!(f, "the main packages define no worlds")?;
        } else {
            writeln!(f, "available worlds:")?;
            for world in &self.main {
                writeln!(f, "  {world}")?;
            }
        }
        if !self.dependencies.is_empty() {
            writeln!(f, "worlds in dependencies (select them by full name):")?;
            for world in &self.dependencies {
                writeln!(f, "  {world}")?;
            }
        }
        write!(f, "{WORLD_HINT}")
    }
}

/// A parsed world name.
struct WorldSpec<'a> {
    /// `(namespace, package)` when fully qualified.
    package: Option<(&'a str, &'a str)>,
    world: &'a str,
    version: Option<&'a str>,
}

fn parse_world_spec(spec: &str) -> Result<WorldSpec<'_>, LoadError> {
    let bad = |reason: &str| LoadError::BadWorldName {
        spec: spec.to_string(),
        reason: reason.to_string(),
    };
    let (rest, version) = match spec.split_once('@') {
        Some((rest, version)) => (rest, Some(version)),
        None => (spec, None),
    };
    if version.is_some_and(|v| v.is_empty() || v.contains('@')) {
        return Err(bad("expected one version after `@`"));
    }
    let (package, world) = match rest.split_once('/') {
        Some((package, world)) => {
            let Some((namespace, name)) = package.split_once(':') else {
                return Err(bad("expected `namespace:package/world`"));
            };
            if namespace.is_empty() || name.is_empty() || name.contains(':') {
                return Err(bad("expected `namespace:package/world`"));
            }
            (Some((namespace, name)), world)
        }
        None if rest.contains(':') => {
            return Err(bad(
                "a package name is not a world; expected `namespace:package/world`",
            ));
        }
        None => (None, rest),
    };
    let well_formed = !world.is_empty()
        && world
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '%');
    if !well_formed {
        return Err(bad("a world name is a kebab-case identifier"));
    }
    Ok(WorldSpec {
        package,
        world: world.trim_start_matches('%'),
        version,
    })
}

/// The fully qualified name of a world (`wasi:http/proxy@0.2.0`).
fn qualified_name(resolve: &Resolve, world: WorldId) -> String {
    let world = &resolve.worlds[world];
    match world.package {
        Some(pkg) => resolve.id_of_name(pkg, &world.name),
        None => world.name.clone(),
    }
}

fn world_list(resolve: &Resolve, candidates: &[WorldId]) -> WorldList {
    WorldList {
        main: candidates
            .iter()
            .map(|w| qualified_name(resolve, *w))
            .collect(),
        dependencies: resolve
            .worlds
            .iter()
            .filter(|(id, _)| !candidates.contains(id))
            .map(|(id, _)| qualified_name(resolve, id))
            .collect(),
    }
}

fn matches_spec(resolve: &Resolve, world: WorldId, spec: &WorldSpec<'_>) -> bool {
    let world = &resolve.worlds[world];
    if world.name != spec.world {
        return false;
    }
    let Some(pkg) = world.package else {
        return spec.package.is_none() && spec.version.is_none();
    };
    let name = &resolve.packages[pkg].name;
    if let Some((namespace, package)) = spec.package
        && (name.namespace != namespace || name.name != package)
    {
        return false;
    }
    match spec.version {
        None => true,
        Some(version) => name
            .version
            .as_ref()
            .is_some_and(|v| v.to_string() == version),
    }
}

/// Chooses the world named by `requested` among `candidates` (or, for a fully qualified name, among
/// every world in `resolve`).
pub(super) fn select_world(
    resolve: &Resolve,
    candidates: &[WorldId],
    requested: Option<&str>,
) -> Result<WorldId, LoadError> {
    let Some(requested) = requested else {
        return match candidates {
            [only] => Ok(*only),
            [] => Err(LoadError::NoWorld {
                worlds: world_list(resolve, candidates),
            }),
            _ => Err(LoadError::AmbiguousWorld {
                requested: None,
                matches: candidates
                    .iter()
                    .map(|w| qualified_name(resolve, *w))
                    .collect(),
                worlds: world_list(resolve, candidates),
            }),
        };
    };
    let spec = parse_world_spec(requested)?;
    let pool: Vec<WorldId> = if spec.package.is_some() {
        // Main-package worlds first, then the others, so ambiguity lists read naturally.
        let mut pool = candidates.to_vec();
        pool.extend(
            resolve
                .worlds
                .iter()
                .map(|(id, _)| id)
                .filter(|id| !candidates.contains(id)),
        );
        pool
    } else {
        candidates.to_vec()
    };
    let found: Vec<WorldId> = pool
        .into_iter()
        .filter(|w| matches_spec(resolve, *w, &spec))
        .collect();
    match found.as_slice() {
        [only] => Ok(*only),
        [] => Err(LoadError::WorldNotFound {
            requested: requested.to_string(),
            worlds: world_list(resolve, candidates),
        }),
        _ => Err(LoadError::AmbiguousWorld {
            requested: Some(requested.to_string()),
            matches: found.iter().map(|w| qualified_name(resolve, *w)).collect(),
            worlds: world_list(resolve, candidates),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn world_names_are_parsed_strictly() {
        for bad in ["", "a:b", "a/b", "a:b/", "x@", "x@1@2", "a:b:c/w", "w y"] {
            assert!(
                matches!(parse_world_spec(bad), Err(LoadError::BadWorldName { .. })),
                "{bad:?}"
            );
        }
        let spec = parse_world_spec("wasi:http/proxy@0.2.0").unwrap();
        assert_eq!(spec.package, Some(("wasi", "http")));
        assert_eq!((spec.world, spec.version), ("proxy", Some("0.2.0")));
        let spec = parse_world_spec("proxy").unwrap();
        assert!(spec.package.is_none() && spec.version.is_none());
    }
}
