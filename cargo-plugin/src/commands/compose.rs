//! `knit compose`: link components into one.
//!
//! Plug mode: `knit compose ROOT.wasm --plug A.wasm --plug B.wasm -o OUT.wasm`.
//! Explicit mode: `knit compose --wac FILE.wac [--dep ns:name=PATH] -o OUT.wasm`.
//! All the work happens in `knit-composer`; this module reads files, writes
//! the result atomically and prints the report.

use anyhow::{Context, Result, bail};
use knit_bindgen_core::files::write_atomic;
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
    /// Keep plugs (or `--dep` components) that nothing imports instead of failing; they are left
    /// out of the result and noted in `--explain`.
    #[arg(long)]
    pub allow_unused_plugs: bool,
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
    /// Write the wiring as a Graphviz file, and an `.svg` beside it drawn by Graphviz `dot` when it
    /// is on the PATH. Naming an `.svg` file requires `dot` and writes the `.dot` beside it.
    #[arg(long, value_name = "FILE.dot|FILE.svg")]
    pub graph: Option<PathBuf>,
}

/// Runs `knit compose`.
pub fn run(args: Args) -> Result<()> {
    let composed = match &args.wac {
        Some(script) => compose_script(script, &args)?,
        None => compose_plugs(&args)?,
    };
    // Draw before writing anything, so that a failure leaves no output behind.
    let drawings = match &args.graph {
        Some(graph) => render_graph(graph, &composed.dot)?,
        None => Vec::new(),
    };
    write_atomic(&args.output, &composed.bytes)?;
    for (path, bytes) in &drawings {
        write_atomic(path, bytes)?;
    }
    if args.explain {
        print!("{}", composed.explanation);
    }
    knit_guest_build::report::status(&format!(
        "{:>12} {} ({}); imports {}",
        "Composed",
        args.output.display(),
        crate::inspect::human_size(composed.bytes.len() as u64),
        crate::inspect::imports_summary(&composed.bytes)?
    ));
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
        .allow_unused_plugs(args.allow_unused_plugs)
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
    let mut given: Vec<String> = Vec::new();
    for dep in &args.deps {
        let Some((name, path)) = dep.split_once('=') else {
            bail!("`--dep {dep}` must look like `ns:name=path/to/component.wasm`");
        };
        given.push(name.trim().to_string());
        paths.insert(name.trim().to_string(), PathBuf::from(path.trim()));
    }
    let mut requested: std::collections::BTreeSet<String> = Default::default();
    let deps_dir = args.deps_dir.clone().unwrap_or_else(|| base.join("deps"));
    let mut read_error: Option<anyhow::Error> = None;
    let mut resolve = |package: &str| -> Option<Input> {
        requested.insert(package.to_string());
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
    let composed = result?;
    // A `--dep` the script never asks for did nothing: say so rather than succeed quietly.
    let unused: Vec<&String> = given
        .iter()
        .filter(|name| {
            !requested.contains(*name)
                && !requested
                    .iter()
                    .any(|r| r.split_once('@').is_some_and(|(bare, _)| bare == *name))
        })
        .collect();
    if !unused.is_empty() && !args.allow_unused_plugs {
        let list: Vec<String> = unused.iter().map(|n| format!("`{n}`")).collect();
        let known: Vec<String> = requested.iter().map(|n| format!("`{n}`")).collect();
        bail!(
            "--dep {} is not used: the script {} never instantiates it (it uses {})\n\
             hint: fix the package name, drop the --dep, or keep it with --allow-unused-plugs",
            list.join(", "),
            script.display(),
            if known.is_empty() {
                "no packages".to_string()
            } else {
                known.join(", ")
            }
        );
    }
    Ok(composed)
}

/// The files `--graph PATH` asks for: the `.dot` text, and the `.svg` that Graphviz draws from it
/// (required when PATH ends in `.svg`; added when `dot` is on the PATH otherwise).
fn render_graph(path: &Path, dot: &str) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    let is_svg = path.extension().is_some_and(|e| e == "svg");
    let dot_path = if is_svg {
        path.with_extension("dot")
    } else {
        path.to_path_buf()
    };
    let mut files = vec![(dot_path.clone(), dot.as_bytes().to_vec())];
    match draw_svg(dot)? {
        Some(svg) => files.push((dot_path.with_extension("svg"), svg)),
        None if is_svg => bail!(
            "cannot make {}: Graphviz `dot` is not on the PATH\n\
             hint: install Graphviz, or ask for `--graph {}` and draw it later",
            path.display(),
            dot_path.display()
        ),
        // No Graphviz: the .dot file is all we can give.
        None => {}
    }
    Ok(files)
}

/// Runs `dot -Tsvg` on `graph`; `None` when `dot` is not on the PATH.
fn draw_svg(graph: &str) -> Result<Option<Vec<u8>>> {
    use std::process::{Command, Stdio};
    let child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).context("cannot run Graphviz `dot`"),
    };
    let mut stdin = child.stdin.take().context("no stdin for `dot`")?;
    // Feed the graph from another thread so a large drawing cannot fill both pipes at once.
    let output = std::thread::scope(|scope| {
        let feeder = scope.spawn(move || stdin.write_all(graph.as_bytes()));
        let output = child.wait_with_output();
        // A `dot` that stops reading early reports why through its status and stderr.
        let fed = match feeder.join() {
            Ok(Err(e)) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e),
            _ => Ok(()),
        };
        output.and_then(|o| fed.map(|()| o))
    })
    .context("cannot run Graphviz `dot`")?;
    if !output.status.success() {
        bail!(
            "Graphviz `dot -Tsvg` failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(Some(output.stdout))
}
