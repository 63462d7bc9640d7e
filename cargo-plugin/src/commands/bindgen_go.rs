//! `knit bindgen go`: Go guest bindings (mainline Go 1.24+, `GOOS=wasip1 GOARCH=wasm`).

use super::bindgen::{OutputArgs, WitArgs};
use anyhow::{Context, Result, bail};
use std::path::Path;

/// `knit bindgen go` options.
#[derive(Debug, clap::Args)]
pub struct GoArgs {
    #[command(flatten)]
    wit: WitArgs,
    #[command(flatten)]
    out: OutputArgs,
    /// Also write a `Stub` implementation of every export, registered from `init`.
    #[arg(long)]
    stubs: bool,
    /// Go import path of --out-dir (default: from the nearest go.mod at or above it).
    #[arg(long)]
    import_path: Option<String>,
}

/// The import path of `dir`, from the nearest `go.mod` at or above it.
pub fn import_path_of(dir: &Path) -> Result<String> {
    let dir = std::path::absolute(dir).with_context(|| format!("resolving {}", dir.display()))?;
    let mut rel: Vec<String> = Vec::new();
    let mut at = dir.as_path();
    loop {
        let go_mod = at.join("go.mod");
        if let Ok(text) = std::fs::read_to_string(&go_mod) {
            let Some(module) = text.lines().find_map(|l| l.trim().strip_prefix("module ")) else {
                bail!("{} has no `module` line", go_mod.display());
            };
            let mut path = module.trim().trim_matches('"').to_string();
            for part in rel.iter().rev() {
                path.push('/');
                path.push_str(part);
            }
            return Ok(path);
        }
        let Some(parent) = at.parent() else {
            bail!(
                "no go.mod at or above {}: pass --import-path (the Go import path of --out-dir)",
                dir.display()
            );
        };
        rel.push(
            at.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        );
        at = parent;
    }
}

/// Runs `knit bindgen go`.
pub fn run(args: GoArgs) -> Result<()> {
    let loaded = args.wit.load()?;
    let import_path = match args.import_path {
        Some(path) => path,
        None => import_path_of(&args.out.out_dir)?,
    };
    let options = knit_bindgen_go::Options {
        import_path,
        stubs: args.stubs,
    };
    let files = knit_bindgen_go::generate(&loaded.resolve, loaded.world, &options)?;
    args.out.emit(&files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_path_comes_from_the_nearest_go_mod() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("go.mod"),
            "module example.com/app\n\ngo 1.24\n",
        )
        .unwrap();
        std::fs::create_dir_all(dir.path().join("gen/wit")).unwrap();
        assert_eq!(
            import_path_of(&dir.path().join("gen/wit")).unwrap(),
            "example.com/app/gen/wit"
        );
        assert_eq!(import_path_of(dir.path()).unwrap(), "example.com/app");
    }
}
