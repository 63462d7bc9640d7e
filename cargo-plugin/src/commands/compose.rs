//! `knit compose`: link components into one.
//!
//! Plug mode: `knit compose ROOT.wasm --plug A.wasm --plug B.wasm -o OUT.wasm`.
//! Explicit mode: `knit compose --wac FILE.wac [--dep ns:name=PATH] -o OUT.wasm`.
//! All the work happens in `knit-composer`; this module reads files, writes
//! the result atomically and prints the report.

use anyhow::{Context, Result, bail};
use knit_composer::{Composed, Composition, Input, Sharing};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Arguments of `knit compose`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The root component (plug mode): the result exports what it exports.
    #[arg(required_unless_present = "wac", conflicts_with = "wac")]
    pub root: Option<PathBuf>,
    /// A component that satisfies imports of the root or of other plugs (repeatable).
    #[arg(long = "plug", value_name = "PLUG.wasm", conflicts_with = "wac")]
    pub plugs: Vec<PathBuf>,
    /// A composition script in the WAC language (explicit mode).
    #[arg(long, value_name = "FILE.wac")]
    pub wac: Option<PathBuf>,
    /// The component for a package named in the WAC script (repeatable).
    #[arg(long = "dep", value_name = "NS:NAME=PATH", requires = "wac")]
    pub deps: Vec<String>,
    /// Where to look for `NS/NAME.wasm` when a WAC package has no `--dep`
    /// (default: `deps` next to the script).
    #[arg(long, value_name = "DIR", requires = "wac")]
    pub deps_dir: Option<PathBuf>,
    /// Give every consumer its own instance of a plug instead of sharing one.
    #[arg(long, conflicts_with = "wac")]
    pub instance_per_consumer: bool,
    /// Also re-validate every function body inside the input components. By default the output's
    /// structure, types, imports, exports and wiring are validated, and the inputs' code, which is
    /// copied unchanged, is left to the runtime that loads the result.
    #[arg(long)]
    pub validate_code: bool,
    /// The composed component to write.
    #[arg(short, long, value_name = "OUT.wasm")]
    pub output: PathBuf,
    /// Print every import and what satisfied it.
    #[arg(long)]
    pub explain: bool,
    /// Write the wiring as a Graphviz file (and an `.svg` beside it when `dot` is on the PATH).
    #[arg(long, value_name = "FILE.dot")]
    pub graph: Option<PathBuf>,
}

/// Runs `knit compose`.
pub fn run(args: Args) -> Result<()> {
    let composed = match &args.wac {
        Some(script) => compose_script(script, &args)?,
        None => compose_plugs(&args)?,
    };
    write_atomically(&args.output, &composed.bytes)?;
    if args.explain {
        print!("{}", composed.explanation);
    }
    if let Some(graph) = &args.graph {
        write_graph(graph, &composed.dot)?;
    }
    Ok(())
}

fn read_input(path: &Path) -> Result<Input> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    Ok(Input::new(name, bytes))
}

fn compose_plugs(args: &Args) -> Result<Composed> {
    let root = args.root.as_ref().context("a root component is required")?;
    let root = read_input(root)?;
    let plugs = args
        .plugs
        .iter()
        .map(|p| read_input(p))
        .collect::<Result<Vec<_>>>()?;
    let sharing = if args.instance_per_consumer {
        Sharing::PerConsumer
    } else {
        Sharing::Shared
    };
    Ok(Composition::new()
        .sharing(sharing)
        .validate_code(args.validate_code)
        .compose(root, plugs)?)
}

fn compose_script(script: &Path, args: &Args) -> Result<Composed> {
    let source = std::fs::read_to_string(script)
        .with_context(|| format!("cannot read {}", script.display()))?;
    let base = script.parent().unwrap_or(Path::new("."));
    let mut paths: BTreeMap<String, PathBuf> = BTreeMap::new();
    for (name, path) in knit_composer::wac::dep_directives(&source) {
        paths.insert(name, base.join(path));
    }
    for dep in &args.deps {
        let Some((name, path)) = dep.split_once('=') else {
            bail!("`--dep {dep}` must look like `ns:name=path/to/component.wasm`");
        };
        paths.insert(name.trim().to_string(), PathBuf::from(path.trim()));
    }
    let deps_dir = args.deps_dir.clone().unwrap_or_else(|| base.join("deps"));
    let mut read_error: Option<anyhow::Error> = None;
    let mut resolve = |package: &str| -> Option<Input> {
        let path = paths.get(package).cloned().or_else(|| {
            let candidate = deps_dir.join(format!("{}.wasm", package.replace(':', "/")));
            candidate.exists().then_some(candidate)
        })?;
        match std::fs::read(&path) {
            Ok(bytes) => Some(Input::new(package, bytes)),
            Err(e) => {
                read_error.get_or_insert_with(|| {
                    anyhow::anyhow!("cannot read {} for `{package}`: {e}", path.display())
                });
                None
            }
        }
    };
    let file = script.display().to_string();
    let result =
        Composition::new()
            .validate_code(args.validate_code)
            .wac(&file, &source, &mut resolve);
    if let Some(error) = read_error {
        return Err(error);
    }
    Ok(result?)
}

/// Writes `bytes` to a temporary file beside `path`, then renames it into place.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    file.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    file.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

fn write_graph(path: &Path, dot: &str) -> Result<()> {
    let is_svg = path.extension().is_some_and(|e| e == "svg");
    let dot_path = if is_svg {
        path.with_extension("dot")
    } else {
        path.to_path_buf()
    };
    write_atomically(&dot_path, dot.as_bytes())?;
    let svg_path = dot_path.with_extension("svg");
    let rendered = std::process::Command::new("dot")
        .arg("-Tsvg")
        .arg(&dot_path)
        .arg("-o")
        .arg(&svg_path)
        .status();
    match rendered {
        Ok(status) if status.success() => {}
        Ok(status) => bail!("`dot -Tsvg` failed ({status}) on {}", dot_path.display()),
        Err(_) if is_svg => bail!(
            "cannot make {}: Graphviz `dot` is not on the PATH (the .dot file is at {})",
            path.display(),
            dot_path.display()
        ),
        // No Graphviz: the .dot file is all we can give.
        Err(_) => {}
    }
    Ok(())
}
