//! `knit bindgen <language>`: generate bindings from WIT and write them, or check them (`--check`).

use anyhow::{Context, Result, bail};
use knit_bindgen_core::{Files, WitSource};
use std::path::PathBuf;

/// The languages `knit bindgen` generates for.
#[derive(Debug, clap::Subcommand)]
pub enum Args {
    /// Rust guest bindings (the same code `knit_rt::generate!` expands to).
    Rust(RustArgs),
    /// Rust host bindings for wasmtime (the same code `knit_macros::host!` expands to).
    Host(super::bindgen_host::HostArgs),
    /// Go guest bindings (mainline Go 1.24+, GOOS=wasip1 GOARCH=wasm).
    Go(super::bindgen_go::GoArgs),
    /// TypeScript declarations for a JavaScript guest (jco's guest-types shape).
    Ts(super::bindgen_ts::TsArgs),
}

/// Runs `knit bindgen`.
pub fn run(args: Args) -> Result<()> {
    match args {
        Args::Rust(args) => run_rust(args),
        Args::Host(args) => super::bindgen_host::run(args),
        Args::Go(args) => super::bindgen_go::run(args),
        Args::Ts(args) => super::bindgen_ts::run(args),
    }
}

/// Where WIT comes from and which world to use; shared by every language.
#[derive(Debug, clap::Args)]
pub struct WitArgs {
    /// WIT inputs: folders (with deps/), .wit files, wasm-encoded packages or compiled components.
    #[arg(required = true, value_name = "WIT")]
    pub wit: Vec<PathBuf>,
    /// The world: `name`, `ns:pkg/name` or `ns:pkg/name@version` (needed when there are several).
    #[arg(long, short)]
    pub world: Option<String>,
    /// Enable these WIT feature gates (comma separated or repeated).
    #[arg(long, value_delimiter = ',')]
    pub features: Vec<String>,
    /// Enable every WIT feature gate.
    #[arg(long)]
    pub all_features: bool,
}

impl WitArgs {
    /// Loads the world with knit's shared loader.
    pub fn load(&self) -> Result<knit_bindgen_core::LoadedWorld> {
        let source = WitSource {
            paths: self.wit.clone(),
            inline: None,
            world: self.world.clone(),
            features: self.features.clone(),
            all_features: self.all_features,
        };
        let loaded = knit_bindgen_core::load(&source)?;
        for note in &loaded.notes {
            knit_guest_build::report::status(&format!("note: {note}"));
        }
        Ok(loaded)
    }
}

/// Where generated files go; shared by every language.
#[derive(Debug, clap::Args)]
pub struct OutputArgs {
    /// Folder to write into.
    #[arg(long, default_value = ".")]
    pub out_dir: PathBuf,
    /// Write nothing; fail when the files in --out-dir differ from what would be generated.
    #[arg(long)]
    pub check: bool,
}

impl OutputArgs {
    /// Writes `files` (each through a temporary file and a rename), or checks them with `--check`.
    pub fn emit(&self, files: &Files) -> Result<()> {
        if self.check {
            let stale = files.check_against(&self.out_dir);
            if stale.is_empty() {
                eprintln!(
                    "up to date: {} file(s) in {}",
                    files.len(),
                    self.out_dir.display()
                );
                return Ok(());
            }
            let list: Vec<String> = stale.iter().map(|s| format!("  {s}")).collect();
            bail!(
                "generated bindings are stale:\n{}\nhint: run the same command without --check to update them",
                list.join("\n")
            );
        }
        let written = files
            .write_to(&self.out_dir)
            .with_context(|| format!("writing to {}", self.out_dir.display()))?;
        for path in written {
            knit_guest_build::report::status(&format!("wrote {}", path.display()));
        }
        Ok(())
    }
}

/// `knit bindgen rust`: the options of the `generate!` macro, as flags.
#[derive(Debug, clap::Args)]
pub struct RustArgs {
    #[command(flatten)]
    wit: WitArgs,
    #[command(flatten)]
    out: OutputArgs,
    /// Use existing bindings: `ns:pkg/iface=rust::path`, or `ns:pkg/iface=generate`. Repeatable.
    #[arg(long, value_name = "KEY=PATH")]
    with: Vec<String>,
    /// Generate every interface not named in --with.
    #[arg(long)]
    generate_all: bool,
    /// Ownership of import parameters.
    #[arg(long, value_enum, default_value = "owning")]
    ownership: Ownership,
    /// An extra derive for every generated type (`Hash`, `serde::Serialize`). Repeatable.
    #[arg(long = "additional-derive", value_name = "PATH")]
    additional_derives: Vec<String>,
    /// Also generate a `Stub` type implementing every export.
    #[arg(long)]
    stubs: bool,
    /// The runtime crate's path in generated code.
    #[arg(long, default_value = "::knit_rt")]
    runtime_path: String,
    /// Make the export macro usable from other crates.
    #[arg(long)]
    pub_export_macro: bool,
    /// Name of the export macro.
    #[arg(long, default_value = "export")]
    export_macro_name: String,
    /// Format with prettyplease (rustfmt-like line breaking) instead of knit's fast indentation.
    #[arg(long)]
    format: bool,
}

/// `--ownership` values.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Ownership {
    /// Owned values everywhere (string and list parameters of imports still borrow).
    Owning,
    /// Import parameters borrow.
    Borrowing,
    /// Import parameters borrow (same as `borrowing`; knit never needs duplicated types).
    BorrowingDuplicateIfNecessary,
}

fn run_rust(args: RustArgs) -> Result<()> {
    let loaded = args.wit.load()?;
    let mut with = std::collections::BTreeMap::new();
    for entry in &args.with {
        let Some((key, value)) = entry.split_once('=') else {
            bail!("--with takes KEY=PATH (or KEY=generate), got `{entry}`");
        };
        let value = match value {
            "generate" => knit_bindgen_rust::WithOption::Generate,
            path => knit_bindgen_rust::WithOption::Path(path.to_string()),
        };
        with.insert(key.to_string(), value);
    }
    let options = knit_bindgen_rust::Options {
        with,
        generate_all: args.generate_all,
        ownership: match args.ownership {
            Ownership::Owning => knit_bindgen_rust::Ownership::Owning,
            Ownership::Borrowing => knit_bindgen_rust::Ownership::Borrowing {
                duplicate_if_necessary: false,
            },
            Ownership::BorrowingDuplicateIfNecessary => knit_bindgen_rust::Ownership::Borrowing {
                duplicate_if_necessary: true,
            },
        },
        additional_derives: args.additional_derives,
        stubs: args.stubs,
        runtime_path: Some(args.runtime_path),
        pub_export_macro: args.pub_export_macro,
        export_macro_name: Some(args.export_macro_name),
        format: args.format,
    };
    let files = knit_bindgen_rust::generate(&loaded.resolve, loaded.world, &options)?;
    args.out.emit(&files)
}
