//! The one WIT loader every front end uses (CLI, proc macro, tests).
//!
//! [`load`] turns a [`WitSource`] into a [`LoadedWorld`]: every input is read and parsed, WASI
//! packages the inputs refer to but do not provide are taken from the copy bundled with knit
//! (`knit-wasi-wit`), everything is resolved into one [`Resolve`], and one world is selected.
//!
//! Inputs are detected by content, not by extension:
//!
//! * a folder: its `*.wit` files form one package; an optional `deps/` folder holds dependencies
//!   (sub-folders, single `.wit` files, or wasm-encoded packages);
//! * a file starting with the wasm magic bytes: a wasm-encoded WIT package (its package is a main
//!   package) or a compiled component (its own world is a candidate);
//! * any other file: one `.wit` file (with optional nested `package x:y { ... }` blocks).
//!
//! The *main* packages are the packages of the inputs themselves (not of `deps/`). When inline WIT
//! is given, it is the only main package and the paths serve as its dependencies. A world is chosen
//! among the worlds of the main packages by short name (`proxy`, optionally `proxy@0.2.0`); a fully
//! qualified name (`wasi:http/proxy`, `wasi:http/proxy@0.2.0`) may also name a world of any
//! dependency.
//!
//! ```
//! use knit_bindgen_core::load::{WitSource, load};
//!
//! // `wasi:cli` is not among the inputs, so knit's bundled WASI 0.2.0 copy is used.
//! let loaded = load(&WitSource {
//!     inline: Some("package my:app;\nworld app { import wasi:cli/stdin@0.2.0; }\n".into()),
//!     ..WitSource::default()
//! })?;
//! assert_eq!(loaded.resolve.worlds[loaded.world].name, "app");
//! # Ok::<(), knit_bindgen_core::load::LoadError>(())
//! ```

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use indexmap::IndexSet;
use wit_parser::{PackageId, PackageName, Resolve, SourceMap, UnresolvedPackageGroup, WorldId};

mod select;

pub use select::WorldList;
use select::{WORLD_HINT, ambiguity, select_world};

/// What to load.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WitSource {
    /// Inputs, in order: WIT folders (with optional `deps/`), single `.wit` files, wasm-encoded WIT
    /// packages, or compiled components. Detected by content.
    pub paths: Vec<PathBuf>,
    /// WIT source given inline (the macro's `inline:` option). When present it is the only main
    /// package, and `paths` provide its dependencies.
    pub inline: Option<String>,
    /// The world to select: `proxy`, `proxy@0.2.0`, `wasi:http/proxy` or `wasi:http/proxy@0.2.0`.
    /// `None` works when exactly one world is a candidate.
    pub world: Option<String>,
    /// Feature gates (`@unstable(feature = x)`) to enable. An entry may hold several names
    /// separated by commas or spaces.
    pub features: Vec<String>,
    /// Enable every feature gate.
    pub all_features: bool,
}

/// The result of [`load`].
#[derive(Clone, Debug)]
pub struct LoadedWorld {
    /// Every package that was loaded, resolved.
    pub resolve: Resolve,
    /// The selected world.
    pub world: WorldId,
    /// Every file that was read, in reading order, without duplicates (for cargo's rebuild
    /// tracking). Bundled WASI packages are not files and are not listed.
    pub files_read: Vec<PathBuf>,
    /// Things the user should be told about how the input was read (for example that a project
    /// folder's WIT was read from its `wit/` folder); front ends print them.
    pub notes: Vec<String>,
}

/// Why [`load`] failed. The `Display` text is complete and meant to be printed as is.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// Neither paths nor inline WIT were given.
    #[error("no WIT to load: give at least one path or inline WIT")]
    NoInput,
    /// A path could not be read.
    #[error("cannot read `{}`: {source}", path.display())]
    Read {
        /// The path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A folder holds no `.wit` file.
    #[error("folder `{}` contains no .wit files", path.display())]
    EmptyFolder {
        /// The folder.
        path: PathBuf,
    },
    /// A file is neither WebAssembly nor UTF-8 text.
    #[error("`{}` is neither a WIT file (UTF-8 text) nor WebAssembly", path.display())]
    NotWit {
        /// The file.
        path: PathBuf,
    },
    /// A WIT syntax or resolution error, rendered by wit-parser with `file:line:column` and the
    /// offending line.
    #[error("{message}")]
    Wit {
        /// The rendered message.
        message: String,
    },
    /// A WebAssembly file could not be decoded as a WIT package or a component.
    #[error("cannot decode `{}` as a WIT package or a component: {message}", path.display())]
    Wasm {
        /// The file.
        path: PathBuf,
        /// What the decoder said.
        message: String,
    },
    /// One package name is provided by two inputs that cannot be merged.
    #[error("package `{name}` is defined twice: by {first} and by {second}")]
    DuplicatePackage {
        /// The package name.
        name: String,
        /// Where it was found first.
        first: String,
        /// Where it was found again.
        second: String,
    },
    /// The world name is malformed.
    #[error("invalid world name `{spec}`: {reason}\n{WORLD_HINT}")]
    BadWorldName {
        /// The name as given.
        spec: String,
        /// What is wrong with it.
        reason: String,
    },
    /// No candidate world matches the requested name.
    #[error("world `{requested}` not found\n{worlds}")]
    WorldNotFound {
        /// The name as given.
        requested: String,
        /// Every world that could have been chosen.
        worlds: WorldList,
    },
    /// No world was named and the main packages define none.
    #[error("no world to select\n{worlds}")]
    NoWorld {
        /// Every world that could have been chosen by full name.
        worlds: WorldList,
    },
    /// The requested name (or, when no name was given, the absence of one) matches several worlds.
    #[error("{}\n{worlds}", ambiguity(requested.as_deref(), matches))]
    AmbiguousWorld {
        /// The name as given, if any.
        requested: Option<String>,
        /// The fully qualified names of the worlds it matches.
        matches: Vec<String>,
        /// Every world that could have been chosen.
        worlds: WorldList,
    },
}

/// A WIT package shipped with knit, handed to the loader by a lookup function.
#[derive(Clone, Copy, Debug)]
pub(crate) struct BundledPackage {
    /// Full name with version (`wasi:io@0.2.0`).
    pub name: &'static str,
    /// Folder name used in error messages (`io`).
    pub dir: &'static str,
    /// `(file name, source)` pairs.
    pub files: &'static [(&'static str, &'static str)],
}

/// Finds a bundled package by its full name (`wasi:io@0.2.0`).
pub(crate) type BundleLookup<'a> = &'a dyn Fn(&str) -> Option<BundledPackage>;

/// The WASI 0.2 packages bundled in `knit-wasi-wit`.
fn bundled_wasi(name: &str) -> Option<BundledPackage> {
    knit_wasi_wit::package(name).map(|p| BundledPackage {
        name: p.name,
        dir: p.dir,
        files: p.files,
    })
}

/// Loads WIT from `source`, resolves it, and selects the world. See the module documentation.
pub fn load(source: &WitSource) -> Result<LoadedWorld, LoadError> {
    load_with_bundle(source, &bundled_wasi)
}

/// A parsed text package group and where it came from.
struct Group {
    group: UnresolvedPackageGroup,
    origin: String,
    is_main: bool,
}

/// A compiled component decoded into its own resolve, waiting to be merged.
struct DecodedComponent {
    path: PathBuf,
    resolve: Resolve,
    world: WorldId,
    is_main: bool,
}

/// Everything gathered from the inputs before resolution.
struct Gathered {
    resolve: Resolve,
    groups: Vec<Group>,
    /// Main packages decoded from wasm, already in `resolve`.
    wasm_main: Vec<PackageId>,
    /// Compiled components, decoded: merged after the text packages so that a complete text copy
    /// of a package is the one their (possibly partial) copies unify with.
    components: Vec<DecodedComponent>,
    files_read: IndexSet<PathBuf>,
    notes: Vec<String>,
}

/// [`load`] with an explicit source of bundled packages (unit tests use a fake one).
pub(crate) fn load_with_bundle(
    source: &WitSource,
    bundle: BundleLookup<'_>,
) -> Result<LoadedWorld, LoadError> {
    if source.paths.is_empty() && source.inline.is_none() {
        return Err(LoadError::NoInput);
    }
    let mut resolve = Resolve::new();
    // Entries may themselves be lists (`--features a,b`).
    resolve.features = source
        .features
        .iter()
        .flat_map(|f| f.split(|c: char| c == ',' || c.is_whitespace()))
        .filter(|f| !f.is_empty())
        .map(str::to_string)
        .collect();
    resolve.all_features = source.all_features;
    let mut gathered = Gathered {
        resolve,
        groups: Vec::new(),
        wasm_main: Vec::new(),
        components: Vec::new(),
        files_read: IndexSet::new(),
        notes: Vec::new(),
    };
    let paths_are_main = source.inline.is_none();
    for path in &source.paths {
        gather_path(&mut gathered, path, paths_are_main)?;
    }
    if let Some(inline) = &source.inline {
        let mut map = SourceMap::new();
        map.push_str("<inline>", inline.as_str());
        gathered.groups.push(Group {
            group: parse_map(map)?,
            origin: "inline WIT".to_string(),
            is_main: true,
        });
    }
    let unavailable = add_bundled(&mut gathered, bundle)?;
    let main_packages =
        push_all(&mut gathered).map_err(|err| note_unavailable(err, &unavailable))?;
    let mut component_worlds = Vec::new();
    for component in std::mem::take(&mut gathered.components) {
        let remap = gathered
            .resolve
            .merge(component.resolve)
            .map_err(|err| LoadError::Wasm {
                path: component.path,
                message: format!("{err:#}"),
            })?;
        if let (true, Some(Some(world))) =
            (component.is_main, remap.worlds.get(component.world.index()))
        {
            component_worlds.push(*world);
        }
    }

    let mut candidates: Vec<WorldId> = Vec::new();
    let mains = if source.inline.is_some() {
        main_packages
    } else {
        gathered
            .wasm_main
            .iter()
            .copied()
            .chain(main_packages)
            .collect()
    };
    for pkg in mains {
        for world in gathered.resolve.packages[pkg].worlds.values() {
            if !candidates.contains(world) {
                candidates.push(*world);
            }
        }
    }
    if source.inline.is_none() {
        for world in &component_worlds {
            if !candidates.contains(world) {
                candidates.push(*world);
            }
        }
    }
    let world = select_world(&gathered.resolve, &candidates, source.world.as_deref())?;
    Ok(LoadedWorld {
        resolve: gathered.resolve,
        world,
        files_read: gathered.files_read.into_iter().collect(),
        notes: gathered.notes,
    })
}

fn read_error(path: &Path) -> impl FnOnce(std::io::Error) -> LoadError + '_ {
    move |source| LoadError::Read {
        path: path.to_path_buf(),
        source,
    }
}

/// Parses a source map, rendering a syntax error with its location.
fn parse_map(map: SourceMap) -> Result<UnresolvedPackageGroup, LoadError> {
    map.parse().map_err(|(map, err)| LoadError::Wit {
        message: err.render(&map),
    })
}

fn gather_path(gathered: &mut Gathered, path: &Path, is_main: bool) -> Result<(), LoadError> {
    let meta = std::fs::metadata(path).map_err(read_error(path))?;
    if meta.is_dir() {
        // A project folder (a crate or Go module) keeps its WIT in `wit/`, as `generate!()`
        // assumes: read that when the folder itself holds no `.wit` file.
        let nested = path.join("wit");
        if !has_wit_files(path)? && nested.is_dir() {
            gathered.notes.push(format!(
                "`{}` holds no .wit file; read the WIT in `{}`",
                path.display(),
                nested.display()
            ));
            return gather_path(gathered, &nested, is_main);
        }
        let group = parse_folder(gathered, path)?;
        gathered.groups.push(Group {
            group,
            origin: format!("`{}`", path.display()),
            is_main,
        });
        let deps = path.join("deps");
        if deps.is_dir() {
            gather_deps(gathered, &deps)?;
        }
        Ok(())
    } else {
        gather_file(gathered, path, is_main)
    }
}

/// Whether a folder holds a `*.wit` file (not recursing).
fn has_wit_files(dir: &Path) -> Result<bool, LoadError> {
    for entry in std::fs::read_dir(dir).map_err(read_error(dir))? {
        let file = entry.map_err(read_error(dir))?.path();
        if file.extension().is_some_and(|e| e == "wit") && file.is_file() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Reads every `*.wit` file of a folder (not recursing) as one package.
fn parse_folder(gathered: &mut Gathered, dir: &Path) -> Result<UnresolvedPackageGroup, LoadError> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(read_error(dir))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(read_error(dir))?;
    entries.sort();
    let mut map = SourceMap::new();
    let mut any = false;
    for file in entries {
        if file.extension().is_some_and(|e| e == "wit") && file.is_file() {
            let text = std::fs::read_to_string(&file).map_err(read_error(&file))?;
            map.push(&file, text);
            gathered.files_read.insert(file);
            any = true;
        }
    }
    if !any {
        return Err(LoadError::EmptyFolder {
            path: dir.to_path_buf(),
        });
    }
    parse_map(map)
}

/// Reads the entries of a `deps/` folder, in name order.
fn gather_deps(gathered: &mut Gathered, deps: &Path) -> Result<(), LoadError> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(deps)
        .map_err(read_error(deps))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(read_error(deps))?;
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            let group = parse_folder(gathered, &entry)?;
            gathered.groups.push(Group {
                group,
                origin: format!("`{}`", entry.display()),
                is_main: false,
            });
        } else if entry.extension().is_some_and(|e| e == "wit" || e == "wasm") {
            gather_file(gathered, &entry, false)?;
        }
    }
    Ok(())
}

/// Reads one file: wasm (package or component) or WIT text.
fn gather_file(gathered: &mut Gathered, path: &Path, is_main: bool) -> Result<(), LoadError> {
    let bytes = std::fs::read(path).map_err(read_error(path))?;
    gathered.files_read.insert(path.to_path_buf());
    if bytes.starts_with(b"\0asm") {
        return gather_wasm(gathered, path, &bytes, is_main);
    }
    let text = String::from_utf8(bytes).map_err(|_| LoadError::NotWit {
        path: path.to_path_buf(),
    })?;
    let mut map = SourceMap::new();
    map.push(path, text);
    gathered.groups.push(Group {
        group: parse_map(map)?,
        origin: format!("`{}`", path.display()),
        is_main,
    });
    Ok(())
}

fn gather_wasm(
    gathered: &mut Gathered,
    path: &Path,
    bytes: &[u8],
    is_main: bool,
) -> Result<(), LoadError> {
    let wasm_error = |err: anyhow::Error| LoadError::Wasm {
        path: path.to_path_buf(),
        message: format!("{err:#}"),
    };
    match wit_component::decode(bytes).map_err(wasm_error)? {
        wit_component::DecodedWasm::WitPackage(decoded, pkg) => {
            let remap = gathered.resolve.merge(decoded).map_err(wasm_error)?;
            if is_main {
                gathered.wasm_main.push(remap.packages[pkg.index()]);
            }
        }
        wit_component::DecodedWasm::Component(resolve, world) => {
            gathered.components.push(DecodedComponent {
                path: path.to_path_buf(),
                resolve,
                world,
                is_main,
            });
        }
    }
    Ok(())
}

/// Names of every package in the gathered text groups.
fn group_package_names(group: &UnresolvedPackageGroup) -> impl Iterator<Item = &PackageName> {
    std::iter::once(&group.main.name).chain(group.nested.iter().map(|p| &p.name))
}

/// Supplies bundled packages for every `wasi:` package that is referred to but not provided, and
/// for their own dependencies in turn. Returns the `wasi:` packages that are referred to but
/// neither provided nor bundled.
fn add_bundled(
    gathered: &mut Gathered,
    bundle: BundleLookup<'_>,
) -> Result<BTreeSet<String>, LoadError> {
    let mut attempted: HashSet<String> = HashSet::new();
    let mut unavailable: BTreeSet<String> = BTreeSet::new();
    loop {
        let provided: HashSet<&PackageName> = gathered
            .groups
            .iter()
            .flat_map(|g| group_package_names(&g.group))
            .chain(gathered.resolve.package_names.keys())
            .collect();
        let mut missing: BTreeSet<String> = BTreeSet::new();
        for group in &gathered.groups {
            let packages = std::iter::once(&group.group.main).chain(&group.group.nested);
            for package in packages {
                for dep in package.foreign_deps.keys() {
                    if dep.namespace == "wasi" && !provided.contains(dep) {
                        missing.insert(dep.to_string());
                    }
                }
            }
        }
        let mut added = false;
        for name in missing {
            if !attempted.insert(name.clone()) {
                continue;
            }
            // Only an exact match (name and version) may stand in for the missing package.
            let Some(bundled) = bundle(&name).filter(|b| b.name == name) else {
                unavailable.insert(name);
                continue;
            };
            let mut map = SourceMap::new();
            for (file, text) in bundled.files {
                map.push_str(&format!("<bundled>/{}/{file}", bundled.dir), *text);
            }
            gathered.groups.push(Group {
                group: parse_map(map)?,
                origin: format!("knit's bundled `{name}`"),
                is_main: false,
            });
            added = true;
        }
        if !added {
            return Ok(unavailable);
        }
    }
}

/// Pushes every text group into the resolve at once (wit-parser orders them by dependency and
/// detects cycles). A dependency copy of a package that is already provided is dropped; two main
/// definitions of one package are an error. Returns the main text packages in input order.
fn push_all(gathered: &mut Gathered) -> Result<Vec<PackageId>, LoadError> {
    let mut seen: Vec<(PackageName, String)> = gathered
        .resolve
        .package_names
        .keys()
        .map(|name| (name.clone(), "a wasm input".to_string()))
        .collect();
    // Main groups claim their names first so that they win over dependency copies.
    let mut order: Vec<Group> = Vec::new();
    let (mains, deps): (Vec<Group>, Vec<Group>) = std::mem::take(&mut gathered.groups)
        .into_iter()
        .partition(|g| g.is_main);
    for group in mains.into_iter().chain(deps) {
        let clash = group_package_names(&group.group)
            .find_map(|name| seen.iter().find(|(seen, _)| seen == name).cloned());
        if let Some((name, first)) = clash {
            if group.is_main || name != group.group.main.name {
                return Err(LoadError::DuplicatePackage {
                    name: name.to_string(),
                    first,
                    second: group.origin,
                });
            }
            // Another copy of a dependency that is already provided: the first one wins.
            continue;
        }
        for name in group_package_names(&group.group) {
            seen.push((name.clone(), group.origin.clone()));
        }
        order.push(group);
    }
    let main_names: Vec<PackageName> = order
        .iter()
        .filter(|g| g.is_main)
        .map(|g| g.group.main.name.clone())
        .collect();
    let mut groups = order.into_iter().map(|g| g.group);
    let Some(first) = groups.next() else {
        return Ok(Vec::new());
    };
    let resolve = &mut gathered.resolve;
    if let Err(err) = resolve.push_groups(first, groups.collect()) {
        return Err(LoadError::Wit {
            message: resolve.render_error(&anyhow::Error::from(err)),
        });
    }
    Ok(main_names
        .iter()
        .filter_map(|name| resolve.package_names.get(name).copied())
        .collect())
}

/// Adds a note to a resolution error when WASI packages were missing and knit could not supply them.
fn note_unavailable(err: LoadError, unavailable: &BTreeSet<String>) -> LoadError {
    match err {
        LoadError::Wit { mut message } if !unavailable.is_empty() => {
            let names: Vec<&str> = unavailable.iter().map(String::as_str).collect();
            message.push_str(&format!(
                "\nnote: {} is not among the inputs and knit does not bundle it \
                 (knit bundles WASI {}); add a copy under `deps/`",
                names.join(", "),
                knit_wasi_wit::VERSION
            ));
            LoadError::Wit { message }
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inline(wit: &str, world: Option<&str>) -> WitSource {
        WitSource {
            inline: Some(wit.to_string()),
            world: world.map(str::to_string),
            ..WitSource::default()
        }
    }

    fn no_bundle(_: &str) -> Option<BundledPackage> {
        None
    }

    const FAKE_IO: &[(&str, &str)] = &[(
        "streams.wit",
        "package wasi:io@0.2.0;\ninterface streams { resource input-stream; }\n",
    )];
    const FAKE_CLI: &[(&str, &str)] = &[(
        "stdin.wit",
        "package wasi:cli@0.2.0;\ninterface stdin { use wasi:io/streams@0.2.0.{input-stream}; \
         get-stdin: func() -> input-stream; }\n",
    )];

    fn fake_bundle(name: &str) -> Option<BundledPackage> {
        match name {
            "wasi:io@0.2.0" => Some(BundledPackage {
                name: "wasi:io@0.2.0",
                dir: "io",
                files: FAKE_IO,
            }),
            "wasi:cli@0.2.0" => Some(BundledPackage {
                name: "wasi:cli@0.2.0",
                dir: "cli",
                files: FAKE_CLI,
            }),
            _ => None,
        }
    }

    #[test]
    fn bundled_packages_fill_in_missing_wasi_dependencies_transitively() {
        let source = inline(
            "package my:app;\nworld app { import wasi:cli/stdin@0.2.0; }\n",
            None,
        );
        let loaded = load_with_bundle(&source, &fake_bundle).unwrap();
        let names: Vec<String> = loaded
            .resolve
            .packages
            .iter()
            .map(|(_, p)| p.name.to_string())
            .collect();
        assert_eq!(names, ["wasi:io@0.2.0", "wasi:cli@0.2.0", "my:app"]);
        assert!(loaded.files_read.is_empty());
        // Without the bundle the same WIT does not resolve.
        let err = load_with_bundle(&source, &no_bundle).unwrap_err();
        assert!(err.to_string().contains("wasi:cli"), "{err}");
    }

    #[test]
    fn only_an_exact_bundled_version_is_used() {
        // A lookup that is lenient about versions must not make the loader loop or substitute.
        let lenient = |name: &str| fake_bundle(&format!("{}@0.2.0", name.split('@').next()?));
        let source = inline(
            "package my:app;\nworld app { import wasi:io/streams; }\n",
            None,
        );
        let err = load_with_bundle(&source, &lenient).unwrap_err().to_string();
        assert!(
            err.contains("note: wasi:io is not among the inputs"),
            "{err}"
        );
    }

    #[test]
    fn a_provided_wasi_package_wins_over_the_bundled_one() {
        // The user's own wasi:io has an extra interface the bundled copy lacks.
        let source = inline(
            "package my:app;\nworld app { import wasi:io/extra@0.2.0; }\n\
             package wasi:io@0.2.0 { interface extra { f: func(); } }\n",
            None,
        );
        let loaded = load_with_bundle(&source, &fake_bundle).unwrap();
        assert_eq!(loaded.resolve.packages.len(), 2);
    }

    #[test]
    fn odd_wit_never_panics() {
        let odd = [
            "",
            "package a:b;",
            "world w {}",
            "package a:b { world w {} }",
            "package a:b { world w {} }\npackage c:d { world v {} }",
            "package a:b;\nworld w { include w; }",
            "package a:b;\nworld w { import wasi:io/streams; }",
            "package a:b;\nworld w { import wasi:io/streams@0.2.0; export wasi:io/streams@0.2.0; }",
            "package a:b;\npackage a:b { interface i {} }",
            "package wasi:io@0.2.0;\nworld w { import wasi:io/streams@0.2.0; }",
            "package a:b;\ninterface i { use a:b/i.{t}; type t = u8; }",
            "package a:b@1.0.0;\nworld w { import a:b/i@2.0.0; }",
            "\u{0}\u{ffff}",
        ];
        for wit in odd {
            for world in [None, Some("w"), Some("a:b/w")] {
                // Success or a clean error are both fine; a panic fails the test.
                let _ = load(&inline(wit, world));
            }
        }
    }

    #[test]
    fn features_may_be_given_as_lists() {
        let wit = "package a:b;\nworld w {\n  @unstable(feature = x) import f: func();\n  \
                   @unstable(feature = y) import g: func();\n}\n";
        let mut source = inline(wit, None);
        source.features = vec!["x, y".to_string()];
        let loaded = load_with_bundle(&source, &no_bundle).unwrap();
        assert_eq!(loaded.resolve.worlds[loaded.world].imports.len(), 2);
    }

    #[test]
    fn errors_can_cross_threads() {
        fn assert_send_sync<T: Send + Sync + 'static>() {}
        assert_send_sync::<LoadError>();
    }

    #[test]
    fn no_input_is_an_error() {
        let err = load(&WitSource::default()).unwrap_err();
        assert!(matches!(err, LoadError::NoInput));
    }

    #[test]
    fn inline_is_the_only_main_package() {
        let source = WitSource {
            inline: Some("package a:b;\nworld w { import c:d/i; }\n".into()),
            ..WitSource::default()
        };
        let mut with_dep = source.clone();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("d.wit"),
            "package c:d;\ninterface i { f: func(); }\nworld other {}\n",
        )
        .unwrap();
        with_dep.paths.push(dir.path().to_path_buf());
        let loaded = load_with_bundle(&with_dep, &no_bundle).unwrap();
        assert_eq!(loaded.resolve.worlds[loaded.world].name, "w");
        // The dependency's world is still reachable by its full name.
        with_dep.world = Some("c:d/other".into());
        let loaded = load_with_bundle(&with_dep, &no_bundle).unwrap();
        assert_eq!(loaded.resolve.worlds[loaded.world].name, "other");
    }
}
