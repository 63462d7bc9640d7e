//! `knit componentize`: makes a WASI 0.2 component of a `wasm32-wasip1` core
//! module with knit's preview1 adapter (see `knit_componentize`).

use anyhow::{Context, Result};
use knit_componentize::{AdapterChoice, Options, Variant, componentize};
use std::path::{Path, PathBuf};

/// Arguments of `knit componentize`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The core module (`.wasm`, built for wasm32-wasip1).
    pub input: PathBuf,
    /// A WIT file or folder whose world is embedded first (for modules that
    /// import or export more than WASI).
    #[arg(long)]
    pub wit: Option<PathBuf>,
    /// The world in `--wit` (needed when the package has several).
    #[arg(long, requires = "wit")]
    pub world: Option<String>,
    /// `auto`, `command`, `reactor`, `proxy`, or a path to an adapter module.
    #[arg(long, default_value = "auto")]
    pub adapter: String,
    /// Where to write the component.
    #[arg(short, long)]
    pub output: PathBuf,
}

/// Parses `--adapter`: a variant name, `auto`, or a file.
pub fn parse_adapter(value: &str) -> Result<AdapterChoice> {
    if value == "auto" {
        return Ok(AdapterChoice::Auto);
    }
    if let Some(v) = Variant::from_name(value) {
        return Ok(AdapterChoice::Variant(v));
    }
    let bytes = std::fs::read(value).with_context(|| {
        format!("`--adapter {value}` is not auto, command, reactor or proxy, and reading it as a file failed")
    })?;
    Ok(AdapterChoice::Custom(bytes))
}

/// Writes `bytes` to `path` through a temporary file in the same directory.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
    std::io::Write::write_all(&mut tmp, bytes)?;
    tmp.persist(path)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// Runs `knit componentize`.
pub fn run(args: Args) -> Result<()> {
    let core =
        std::fs::read(&args.input).with_context(|| format!("reading {}", args.input.display()))?;
    let world = match &args.wit {
        Some(path) => {
            let mut resolve = wit_parser::Resolve::default();
            let (pkg, _) = resolve
                .push_path(path)
                .with_context(|| format!("loading WIT from {}", path.display()))?;
            let world = resolve.select_world(&[pkg], args.world.as_deref())?;
            Some((resolve, world))
        }
        None => None,
    };
    let opts = Options {
        world,
        adapter: parse_adapter(&args.adapter)?,
    };
    let made = componentize(&core, &opts)
        .with_context(|| format!("componentizing {}", args.input.display()))?;
    for warning in &made.warnings {
        eprintln!("warning: {warning}");
    }
    write_atomically(&args.output, &made.component)?;
    let adapter = made.variant.map(Variant::name).unwrap_or("custom");
    println!(
        "wrote {} ({} bytes, {adapter} adapter)",
        args.output.display(),
        made.component.len()
    );
    if made.adapter_imports.is_empty() {
        println!("the adapter added no imports");
    } else {
        println!("imports added by the adapter:");
        for import in &made.adapter_imports {
            println!("  {import}");
        }
    }
    Ok(())
}
