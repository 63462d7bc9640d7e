//! The loader against every kind of source, world selection and feature gates.

use std::path::{Path, PathBuf};

use knit_bindgen_core::load::{LoadError, LoadedWorld, WitSource, load};
use wit_parser::{LiftLowerAbi, ManglingAndAbi, Resolve, WorldItem};

fn fixture(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/wit")
        .join(relative)
}

fn source(paths: &[PathBuf], world: Option<&str>) -> WitSource {
    WitSource {
        paths: paths.to_vec(),
        world: world.map(str::to_string),
        ..WitSource::default()
    }
}

/// The fully qualified name of the selected world.
fn world_name(loaded: &LoadedWorld) -> String {
    let world = &loaded.resolve.worlds[loaded.world];
    loaded
        .resolve
        .id_of_name(world.package.unwrap(), &world.name)
}

/// The names of a world's imported and exported items, as `import x` / `export y`.
fn items(loaded: &LoadedWorld) -> Vec<String> {
    let world = &loaded.resolve.worlds[loaded.world];
    let name = |key| loaded.resolve.name_world_key(key);
    world
        .imports
        .keys()
        .map(|k| format!("import {}", name(k)))
        .chain(world.exports.keys().map(|k| format!("export {}", name(k))))
        .collect()
}

#[test]
fn folder_with_deps() {
    let loaded = load(&source(&[fixture("folder")], Some("app"))).unwrap();
    assert_eq!(world_name(&loaded), "test:app/app");
    assert_eq!(
        items(&loaded),
        [
            "import test:dep/types",
            "import test:single/log",
            "export run"
        ]
    );
    // Every WIT file that was read is reported, and nothing else (notes.txt is ignored).
    let mut read: Vec<String> = loaded
        .files_read
        .iter()
        .map(|p| {
            p.strip_prefix(fixture("folder"))
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    read.sort();
    assert_eq!(
        read,
        [
            "deps/dep/types.wit",
            "deps/single.wit",
            "extra.wit",
            "world.wit"
        ]
    );
}

#[test]
fn folder_with_two_worlds_needs_a_name() {
    let err = load(&source(&[fixture("folder")], None)).unwrap_err();
    assert!(matches!(err, LoadError::AmbiguousWorld { .. }), "{err}");
}

#[test]
fn single_file() {
    let loaded = load(&source(&[fixture("single.wit")], None)).unwrap();
    assert_eq!(world_name(&loaded), "test:single-file/greeter@0.1.0");
    assert_eq!(loaded.files_read, [fixture("single.wit")]);
}

#[test]
fn several_paths_in_any_order() {
    // `user` depends on `base`; giving it first still works.
    let paths = [fixture("multi/user.wit"), fixture("multi/base.wit")];
    let loaded = load(&source(&paths, Some("user-world"))).unwrap();
    assert_eq!(world_name(&loaded), "test:user/user-world");
    assert_eq!(
        items(&loaded),
        ["import test:base/shapes", "export test:user/calc"]
    );
    // Both packages are main packages: either world is selectable by short name.
    let loaded = load(&source(&paths, Some("base-world"))).unwrap();
    assert_eq!(world_name(&loaded), "test:base/base-world");
    // With two candidate worlds, no name is ambiguous.
    let err = load(&source(&paths, None)).unwrap_err().to_string();
    assert!(
        err.contains("test:user/user-world") && err.contains("test:base/base-world"),
        "{err}"
    );
}

/// Parses a fixture with wit-parser directly (independent of the loader under test).
fn resolve_fixture(relative: &str) -> (Resolve, wit_parser::PackageId) {
    let mut resolve = Resolve::new();
    let (pkg, _) = resolve.push_path(fixture(relative)).unwrap();
    (resolve, pkg)
}

#[test]
fn wasm_encoded_package() {
    let (resolve, pkg) = resolve_fixture("single.wit");
    let bytes = wit_component::encode(&resolve, pkg, true).unwrap();
    let dir = tempfile::tempdir().unwrap();
    // The extension does not matter: inputs are detected by content.
    let path = dir.path().join("package.bin");
    std::fs::write(&path, bytes).unwrap();
    let loaded = load(&source(std::slice::from_ref(&path), Some("greeter"))).unwrap();
    assert_eq!(world_name(&loaded), "test:single-file/greeter@0.1.0");
    assert_eq!(items(&loaded), ["export test:single-file/greet@0.1.0"]);
    assert_eq!(loaded.files_read, [path]);
}

#[test]
fn wasm_encoded_package_in_deps() {
    let dir = tempfile::tempdir().unwrap();
    let (resolve, pkg) = resolve_fixture("multi/base.wit");
    std::fs::create_dir(dir.path().join("deps")).unwrap();
    std::fs::write(
        dir.path().join("deps/base.wasm"),
        wit_component::encode(&resolve, pkg, true).unwrap(),
    )
    .unwrap();
    std::fs::copy(fixture("multi/user.wit"), dir.path().join("user.wit")).unwrap();
    let loaded = load(&source(&[dir.path().to_path_buf()], None)).unwrap();
    assert_eq!(world_name(&loaded), "test:user/user-world");
}

/// Builds a real component for `world` of the `folder` fixture: a dummy core module with the
/// world embedded as metadata, run through the component encoder.
fn compiled_component(world: &str) -> Vec<u8> {
    let (resolve, pkg) = resolve_fixture("folder");
    let world = resolve.select_world(&[pkg], Some(world)).unwrap();
    let mut module =
        wit_component::dummy_module(&resolve, world, ManglingAndAbi::Legacy(LiftLowerAbi::Sync));
    wit_component::embed_component_metadata(
        &mut module,
        &resolve,
        world,
        wit_component::StringEncoding::UTF8,
        true,
    )
    .unwrap();
    wit_component::ComponentEncoder::default()
        .module(&module)
        .unwrap()
        .validate(true)
        .encode()
        .unwrap()
}

#[test]
fn compiled_component_yields_its_own_world() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("app.wasm");
    std::fs::write(&path, compiled_component("app")).unwrap();
    let loaded = load(&source(&[path], None)).unwrap();
    // The component's world has the same imports and exports as the world it was built from.
    assert_eq!(
        items(&loaded),
        [
            "import test:dep/types",
            "import test:single/log",
            "export run"
        ]
    );
    let run = loaded.resolve.worlds[loaded.world]
        .exports
        .values()
        .next()
        .unwrap();
    let WorldItem::Function(run) = run else {
        panic!("`run` should be a function")
    };
    assert_eq!(run.params.len(), 0);
    assert!(run.result.is_some());
}

#[test]
fn component_and_wit_together_offer_both_worlds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.wasm");
    std::fs::write(&path, compiled_component("other")).unwrap();
    let paths = [path, fixture("single.wit")];
    let err = load(&source(&paths, None)).unwrap_err();
    assert!(matches!(err, LoadError::AmbiguousWorld { .. }), "{err}");
    let loaded = load(&source(&paths, Some("greeter"))).unwrap();
    assert_eq!(world_name(&loaded), "test:single-file/greeter@0.1.0");
}

#[test]
fn world_selection_short_qualified_and_versioned() {
    let paths = [
        fixture("versions/v1.wit"),
        fixture("versions/v2.wit"),
        fixture("single.wit"),
    ];
    let select = |world: &str| load(&source(&paths, Some(world)));

    assert_eq!(
        world_name(&select("greeter").unwrap()),
        "test:single-file/greeter@0.1.0"
    );
    assert_eq!(
        world_name(&select("test:single-file/greeter").unwrap()),
        "test:single-file/greeter@0.1.0"
    );
    assert_eq!(
        world_name(&select("api@1.0.0").unwrap()),
        "test:ver/api@1.0.0"
    );
    let v2 = select("test:ver/api@2.0.0").unwrap();
    assert_eq!(world_name(&v2), "test:ver/api@2.0.0");
    assert_eq!(items(&v2), ["export version", "export new-thing"]);

    // Two versions of one package: the version is needed.
    for ambiguous in ["api", "test:ver/api"] {
        match select(ambiguous).unwrap_err() {
            LoadError::AmbiguousWorld { matches, .. } => {
                assert_eq!(matches, ["test:ver/api@1.0.0", "test:ver/api@2.0.0"])
            }
            other => panic!("{ambiguous}: {other}"),
        }
    }
    // Wrong names list every available world, fully qualified, one per line.
    for wrong in [
        "nope",
        "test:ver/api@3.0.0",
        "other:pkg/api",
        "greeter@9.9.9",
    ] {
        let err = select(wrong).unwrap_err();
        assert!(
            matches!(err, LoadError::WorldNotFound { .. }),
            "{wrong}: {err}"
        );
        let text = err.to_string();
        for line in [
            "  test:ver/api@1.0.0\n",
            "  test:ver/api@2.0.0\n",
            "  test:single-file/greeter@0.1.0\n",
            "hint: ",
        ] {
            assert!(text.contains(line), "{wrong}: {text}");
        }
    }
    assert!(matches!(
        select("a:b").unwrap_err(),
        LoadError::BadWorldName { .. }
    ));
}

#[test]
fn dependency_worlds_are_selectable_by_full_name_only() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("deps")).unwrap();
    std::fs::copy(fixture("multi/base.wit"), dir.path().join("deps/base.wit")).unwrap();
    std::fs::copy(fixture("multi/user.wit"), dir.path().join("user.wit")).unwrap();
    let path = dir.path().to_path_buf();
    let loaded = load(&source(
        std::slice::from_ref(&path),
        Some("test:base/base-world"),
    ))
    .unwrap();
    assert_eq!(world_name(&loaded), "test:base/base-world");
    let err = load(&source(&[path], Some("base-world")))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(
            "worlds in dependencies (select them by full name):\n  test:base/base-world\n"
        ),
        "{err}"
    );
}

/// The functions of the `gated` interface that survive the feature gates.
fn gated_functions(features: &[&str], all_features: bool) -> Vec<String> {
    let loaded = load(&WitSource {
        paths: vec![fixture("features.wit")],
        features: features.iter().map(|f| f.to_string()).collect(),
        all_features,
        ..WitSource::default()
    })
    .unwrap();
    let (_, iface) = loaded
        .resolve
        .interfaces
        .iter()
        .find(|(_, i)| i.name.as_deref() == Some("gated"))
        .unwrap();
    iface.functions.keys().cloned().collect()
}

#[test]
fn feature_gates() {
    assert_eq!(gated_functions(&[], false), ["plain"]);
    assert_eq!(gated_functions(&["fancy"], false), ["plain", "fancy"]);
    assert_eq!(
        gated_functions(&["fancy", "extra"], false),
        ["plain", "fancy", "extra"]
    );
    assert_eq!(gated_functions(&[], true), ["plain", "fancy", "extra"]);
}

#[test]
fn inline_wit_with_paths_as_dependencies() {
    let loaded = load(&WitSource {
        paths: vec![fixture("multi/base.wit")],
        inline: Some("package inline:app;\nworld w { import test:base/shapes; }\n".into()),
        ..WitSource::default()
    })
    .unwrap();
    assert_eq!(world_name(&loaded), "inline:app/w");
}

#[test]
fn user_deps_copy_of_a_wasi_package_wins() {
    // A deps/ copy of wasi:random with a function the real package lacks: the loader must use it
    // and not the bundled WASI package of the same name.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("deps/random")).unwrap();
    std::fs::write(
        dir.path().join("deps/random/random.wit"),
        "package wasi:random@0.2.0;\ninterface random { only-in-my-copy: func() -> u8; }\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("app.wit"),
        "package my:app;\nworld app { import wasi:random/random@0.2.0; }\n",
    )
    .unwrap();
    let loaded = load(&source(&[dir.path().to_path_buf()], None)).unwrap();
    let (_, random) = loaded
        .resolve
        .interfaces
        .iter()
        .find(|(_, i)| i.name.as_deref() == Some("random"))
        .unwrap();
    let functions: Vec<&String> = random.functions.keys().collect();
    assert_eq!(functions, ["only-in-my-copy"]);
}

#[test]
fn bad_inputs_are_errors_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = dir.path().join("garbage.wasm");
    std::fs::write(&garbage, b"\0asm\x01\x00\x00\x00\xff\xff").unwrap();
    let binary = dir.path().join("binary.wit");
    std::fs::write(&binary, [0xff, 0xfe, 0x00]).unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let missing = dir.path().join("missing.wit");
    for (path, expected) in [
        (&garbage, "cannot decode"),
        (&binary, "neither a WIT file"),
        (&empty, "contains no .wit files"),
        (&missing, "cannot read"),
    ] {
        let err = load(&source(std::slice::from_ref(path), None))
            .unwrap_err()
            .to_string();
        assert!(err.contains(expected), "{}: {err}", path.display());
    }
    // The same main package given twice.
    let twice = [fixture("single.wit"), fixture("single.wit")];
    let err = load(&source(&twice, None)).unwrap_err().to_string();
    assert!(
        err.contains("package `test:single-file@0.1.0` is defined twice"),
        "{err}"
    );
}

#[test]
fn bundled_wasi_is_supplied_when_no_input_provides_it() {
    let source = WitSource {
        inline: Some(
            "package my:app;\nworld app {\n  include wasi:http/proxy@0.2.0;\n  \
             import wasi:cli/stdin@0.2.0;\n}\n"
                .into(),
        ),
        ..WitSource::default()
    };
    let loaded = load(&source).unwrap();
    let imports = items(&loaded);
    for expected in [
        "import wasi:io/streams@0.2.0",
        "import wasi:http/outgoing-handler@0.2.0",
        "import wasi:cli/stdin@0.2.0",
        "export wasi:http/incoming-handler@0.2.0",
    ] {
        assert!(
            imports.iter().any(|i| i == expected),
            "{expected} missing from {imports:?}"
        );
    }
    assert!(loaded.files_read.is_empty());
    // Worlds of bundled packages are selectable by full name.
    let proxy = load(&WitSource {
        world: Some("wasi:http/proxy".into()),
        ..source
    })
    .unwrap();
    assert_eq!(world_name(&proxy), "wasi:http/proxy@0.2.0");
}

#[test]
fn component_merges_with_the_wit_it_was_built_from() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("app.wasm");
    std::fs::write(&path, compiled_component("app")).unwrap();
    // The folder's full packages and the component's partial copies of them unify.
    let paths = [fixture("folder"), path];
    let loaded = load(&source(&paths, Some("test:app/app"))).unwrap();
    assert_eq!(world_name(&loaded), "test:app/app");
    let packages: Vec<String> = loaded
        .resolve
        .packages
        .iter()
        .map(|(_, p)| p.name.to_string())
        .collect();
    assert_eq!(
        packages.iter().filter(|p| p.as_str() == "test:dep").count(),
        1,
        "{packages:?}"
    );
    // The text copy is complete: `helpers` is not part of the component but is still there.
    assert!(
        loaded
            .resolve
            .interfaces
            .iter()
            .any(|(_, i)| i.name.as_deref() == Some("helpers"))
    );
    let err = load(&source(&paths, None)).unwrap_err();
    assert!(matches!(err, LoadError::AmbiguousWorld { .. }), "{err}");
}

#[test]
fn project_folder_reads_its_wit_folder_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let wit = dir.path().join("wit");
    std::fs::create_dir_all(wit.join("deps/dep")).unwrap();
    std::fs::write(dir.path().join("Cargo.toml"), "[package]\n").unwrap();
    std::fs::write(
        wit.join("world.wit"),
        "package my:proj;\nworld proj { import my:dep/api; }\n",
    )
    .unwrap();
    std::fs::write(
        wit.join("deps/dep/api.wit"),
        "package my:dep;\ninterface api { f: func(); }\n",
    )
    .unwrap();
    let loaded = load(&source(&[dir.path().to_path_buf()], None)).unwrap();
    assert_eq!(world_name(&loaded), "my:proj/proj");
    assert_eq!(loaded.notes.len(), 1, "{:?}", loaded.notes);
    assert!(
        loaded.notes[0].contains(&format!("read the WIT in `{}`", wit.display())),
        "{:?}",
        loaded.notes
    );
    // A folder with neither .wit files nor a `wit/` folder is still refused.
    let empty = tempfile::tempdir().unwrap();
    let err = load(&source(&[empty.path().to_path_buf()], None))
        .unwrap_err()
        .to_string();
    assert!(err.contains("contains no .wit files"), "{err}");
}
