//! `knit adapter`: writes one of knit's preview1 adapter modules to a file
//! (for use with other tools, e.g. `wasm-tools component new --adapt`).

use anyhow::{Result, anyhow};
use knit_bindgen_core::files::write_atomic;
use knit_componentize::{Variant, adapter_bytes};
use std::path::PathBuf;

/// Arguments of `knit adapter`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// `command`, `reactor` or `proxy`.
    pub variant: String,
    /// Where to write the adapter module.
    #[arg(short, long)]
    pub output: PathBuf,
}

/// Runs `knit adapter`.
pub fn run(args: Args) -> Result<()> {
    let variant = Variant::from_name(&args.variant).ok_or_else(|| {
        anyhow!(
            "unknown adapter `{}`: expected command, reactor or proxy",
            args.variant
        )
    })?;
    let bytes = adapter_bytes(variant);
    write_atomic(&args.output, bytes)?;
    println!(
        "wrote the {} adapter to {} ({} bytes)",
        variant.name(),
        args.output.display(),
        bytes.len()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_carried_bytes_and_rejects_unknown_variants() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("proxy.wasm");
        run(Args {
            variant: "proxy".into(),
            output: output.clone(),
        })
        .unwrap();
        assert_eq!(
            std::fs::read(&output).unwrap(),
            adapter_bytes(Variant::Proxy)
        );
        let err = run(Args {
            variant: "nope".into(),
            output,
        })
        .unwrap_err()
        .to_string();
        assert!(err.contains("expected command, reactor or proxy"), "{err}");
    }
}
