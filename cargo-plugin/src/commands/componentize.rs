//! `knit componentize`: makes a WASI 0.2 component of a `wasm32-wasip1` core
//! module with knit's preview1 adapter (see `knit_componentize`).

use anyhow::{Context, Result};
use knit_bindgen_core::files::write_atomic;
use knit_componentize::{AdapterChoice, Options, Variant, componentize};
use std::path::PathBuf;

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
    write_atomic(&args.output, &made.component)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `(module (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32)
    /// (result i32))) (memory (export "memory") 1) (func (export "_start")))`, encoded
    /// (the CLI crate does not depend on a WAT parser).
    const HELLO: &[u8] = &[
        0, 97, 115, 109, 1, 0, 0, 0, 1, 12, 2, 96, 4, 127, 127, 127, 127, 1, 127, 96, 0, 0, 2, 35,
        1, 22, 119, 97, 115, 105, 95, 115, 110, 97, 112, 115, 104, 111, 116, 95, 112, 114, 101,
        118, 105, 101, 119, 49, 8, 102, 100, 95, 119, 114, 105, 116, 101, 0, 0, 3, 2, 1, 1, 5, 3,
        1, 0, 1, 7, 19, 2, 6, 109, 101, 109, 111, 114, 121, 2, 0, 6, 95, 115, 116, 97, 114, 116, 0,
        1, 10, 4, 1, 2, 0, 11,
    ];

    #[test]
    fn adapter_argument_forms() {
        assert!(matches!(
            parse_adapter("auto").unwrap(),
            AdapterChoice::Auto
        ));
        assert!(matches!(
            parse_adapter("proxy").unwrap(),
            AdapterChoice::Variant(Variant::Proxy)
        ));
        let err = format!("{:#}", parse_adapter("/no/such/adapter.wasm").unwrap_err());
        assert!(err.contains("not auto, command, reactor or proxy"), "{err}");
    }

    #[test]
    fn writes_a_valid_component_and_refuses_a_wrong_adapter() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("hello.wasm");
        std::fs::write(&input, HELLO).unwrap();
        let output = dir.path().join("out/hello.component.wasm");
        std::fs::create_dir(dir.path().join("out")).unwrap();
        let args = |adapter: &str| Args {
            input: input.clone(),
            wit: None,
            world: None,
            adapter: adapter.into(),
            output: output.clone(),
        };
        run(args("auto")).unwrap();
        let bytes = std::fs::read(&output).unwrap();
        wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all())
            .validate_all(&bytes)
            .unwrap();
        std::fs::remove_file(&output).unwrap();
        let err = format!("{:#}", run(args("reactor")).unwrap_err());
        assert!(err.contains("reactor adapter"), "{err}");
        assert!(!output.exists(), "nothing is written on failure");
        // Only the output file is left: the temporary file was renamed.
        assert_eq!(
            std::fs::read_dir(dir.path().join("out")).unwrap().count(),
            0
        );
    }

    /// A reactor: imports `fd_write`, exports `add(i32, i32) -> i32`, encoded.
    const ADD: &[u8] = &[
        0, 97, 115, 109, 1, 0, 0, 0, 1, 15, 2, 96, 4, 127, 127, 127, 127, 1, 127, 96, 2, 127, 127,
        1, 127, 2, 35, 1, 22, 119, 97, 115, 105, 95, 115, 110, 97, 112, 115, 104, 111, 116, 95,
        112, 114, 101, 118, 105, 101, 119, 49, 8, 102, 100, 95, 119, 114, 105, 116, 101, 0, 0, 3,
        2, 1, 1, 5, 3, 1, 0, 1, 7, 16, 2, 6, 109, 101, 109, 111, 114, 121, 2, 0, 3, 97, 100, 100,
        0, 1, 10, 9, 1, 7, 0, 32, 0, 32, 1, 106, 11,
    ];

    #[test]
    fn embeds_a_world_from_wit() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("add.wasm");
        std::fs::write(&input, ADD).unwrap();
        let wit = dir.path().join("calc.wit");
        std::fs::write(
            &wit,
            "package test:calc;\nworld calc { export add: func(a: u32, b: u32) -> u32; }\nworld other {}\n",
        )
        .unwrap();
        let output = dir.path().join("add.component.wasm");
        let args = |world: Option<&str>| Args {
            input: input.clone(),
            wit: Some(wit.clone()),
            world: world.map(str::to_string),
            adapter: "auto".into(),
            output: output.clone(),
        };
        let err = format!("{:#}", run(args(None)).unwrap_err());
        assert!(err.contains("multiple worlds in `test:calc`"), "{err}");
        run(args(Some("calc"))).unwrap();
        let bytes = std::fs::read(&output).unwrap();
        let exports: Vec<String> = wasmparser::Parser::new(0)
            .parse_all(&bytes)
            .filter_map(|p| match p.unwrap() {
                wasmparser::Payload::ComponentExportSection(r) => Some(
                    r.into_iter()
                        .map(|e| e.unwrap().name.name.to_string())
                        .collect::<Vec<_>>(),
                ),
                _ => None,
            })
            .flatten()
            .collect();
        assert!(exports.contains(&"add".to_string()), "{exports:?}");
    }
}
