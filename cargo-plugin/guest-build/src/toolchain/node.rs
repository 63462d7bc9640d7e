//! The JavaScript toolchain: Node.js [`MIN_NODE_VERSION`] or newer with npm, and the engines knit
//! pins (`js/package.json` and `js/package-lock.json` in this crate: componentize-js,
//! componentize-qjs, jco and TypeScript).
//!
//! [`find_node`] looks at `$KNIT_NODE`, then `node` on the `PATH`. [`engines`] installs the pinned
//! packages with `npm ci` into knit's cache (`<cache>/js-engines/<hash of the pins>/`), once per
//! pin and machine, never into a user's folder, and writes knit's driver script (`knit-js.mjs`)
//! beside them.

use crate::lock::BuildLock;
use crate::process;
use anyhow::{Context, Result, bail};
use knit_bindgen_core::files::write_atomic;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The oldest Node.js knit's engines are run with (`major`).
pub const MIN_NODE_VERSION: u32 = 20;

/// The pinned engines' `package.json`.
pub const PACKAGE_JSON: &str = include_str!("../../js/package.json");
/// The lock file that pins every package the engines need, exactly.
pub const PACKAGE_LOCK: &str = include_str!("../../js/package-lock.json");
/// knit's driver for the engines (run as `node knit-js.mjs <command> <request.json>`).
pub const DRIVER: &str = include_str!("../../js/knit-js.mjs");

/// A Node.js found on this machine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeToolchain {
    /// The `node` binary.
    pub node: PathBuf,
    /// Its version, `(major, minor)`.
    pub version: (u32, u32),
}

/// Parses `node --version` output (`v20.20.2`).
pub fn parse_version(output: &str) -> Option<(u32, u32)> {
    let mut parts = output.trim().strip_prefix('v')?.split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next()?.parse().ok()?;
    Some((major, minor))
}

/// The fix to print when Node is missing or too old.
const NODE_FIX: &str = "install Node.js 20 or newer with npm (for example `apt-get install nodejs npm`, \
     or from https://nodejs.org), or set KNIT_NODE to the node binary";

/// Finds `node` (`$KNIT_NODE`, then `PATH`) and checks that it is at least [`MIN_NODE_VERSION`].
pub fn find_node() -> Result<NodeToolchain> {
    let node: PathBuf = std::env::var_os("KNIT_NODE")
        .map(PathBuf::from)
        .unwrap_or_else(|| "node".into());
    node_at(&node)
}

/// The Node.js at `node`, when it runs and is new enough.
fn node_at(node: &Path) -> Result<NodeToolchain> {
    let Ok(output) = Command::new(node).arg("--version").output() else {
        bail!(
            "no Node.js found (`{}` does not run); knit builds JavaScript components with Node: {NODE_FIX}",
            node.display()
        );
    };
    let text = String::from_utf8_lossy(&output.stdout);
    let Some(version) = parse_version(&text).filter(|_| output.status.success()) else {
        bail!(
            "cannot read the Node.js version from `{} --version` (it printed `{}`): {NODE_FIX}",
            node.display(),
            text.trim()
        );
    };
    if version.0 < MIN_NODE_VERSION {
        bail!(
            "{} is Node.js {}.{}, but knit's JavaScript engines need Node.js {MIN_NODE_VERSION} or newer: {NODE_FIX}",
            node.display(),
            version.0,
            version.1
        );
    }
    Ok(NodeToolchain {
        node: node.to_path_buf(),
        version,
    })
}

/// knit's cache folder: `$KNIT_CACHE_DIR`, else `$XDG_CACHE_HOME/knit`, else `~/.cache/knit`.
pub fn cache_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("KNIT_CACHE_DIR") {
        return dir.into();
    }
    if let Some(dir) = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir).join("knit");
    }
    let home = std::env::var_os("HOME").unwrap_or_else(|| ".".into());
    PathBuf::from(home).join(".cache/knit")
}

/// A short content hash of the pins: the name of their install folder, and part of every cache
/// key of a JavaScript build.
pub fn pins_hash() -> String {
    let mut hasher = Sha256::new();
    hasher.update(PACKAGE_JSON.as_bytes());
    hasher.update([0]);
    hasher.update(PACKAGE_LOCK.as_bytes());
    let digest = hasher.finalize();
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// The installed engines: where they are and how to run the driver.
#[derive(Debug, Clone)]
pub struct Engines {
    /// The Node.js that runs them.
    pub node: NodeToolchain,
    /// The install folder (holding `node_modules/` and `knit-js.mjs`).
    pub dir: PathBuf,
}

impl Engines {
    /// `node knit-js.mjs <command> <request>` in the install folder's context.
    pub fn driver(&self, command: &str, request: &Path) -> Command {
        let mut cmd = Command::new(&self.node.node);
        cmd.arg(self.dir.join("knit-js.mjs"))
            .arg(command)
            .arg(request);
        cmd
    }
}

/// The marker written after a complete `npm ci`; its absence means the install must run again.
const INSTALLED_MARKER: &str = ".knit-installed";

/// Finds Node and makes sure the pinned engines are installed in knit's cache, installing them
/// with `npm ci` on first use (saying so on stderr: it takes a while). Several processes may ask at
/// once; one installs while the others wait.
pub fn engines() -> Result<Engines> {
    let node = find_node()?;
    let root = cache_dir().join("js-engines");
    let dir = root.join(pins_hash());
    std::fs::create_dir_all(&root).with_context(|| format!("creating {}", root.display()))?;
    let _lock = BuildLock::acquire(&root.join(format!("{}.lock", pins_hash())))?;
    if !dir.join(INSTALLED_MARKER).is_file() {
        install(&node, &dir)?;
    }
    let driver = dir.join("knit-js.mjs");
    if std::fs::read_to_string(&driver).ok().as_deref() != Some(DRIVER) {
        write_atomic(&driver, DRIVER.as_bytes())?;
    }
    Ok(Engines { node, dir })
}

/// The npm beside `node` when there is one, else `npm` on the `PATH`.
fn npm_for(node: &Path) -> PathBuf {
    let beside = node.with_file_name("npm");
    if node.components().count() > 1 && beside.is_file() {
        beside
    } else {
        "npm".into()
    }
}

/// `npm ci` of the pins into `dir`.
fn install(node: &NodeToolchain, dir: &Path) -> Result<()> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).with_context(|| format!("clearing {}", dir.display()))?;
    }
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    write_atomic(&dir.join("package.json"), PACKAGE_JSON.as_bytes())?;
    write_atomic(&dir.join("package-lock.json"), PACKAGE_LOCK.as_bytes())?;
    crate::report::verbose(&format!("{:>12} {}", "Cache", dir.display()));
    let step = crate::report::step(
        "Installing",
        "the JavaScript engines (componentize-js, componentize-qjs, TypeScript; pinned) with `npm ci`, once per machine",
    );
    let npm = npm_for(&node.node);
    let what = "`npm ci` (installing knit's JavaScript engines)";
    let output = process::output(
        Command::new(&npm).current_dir(dir).args([
            "ci",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
        ]),
        what,
    )
    .with_context(|| format!("npm is needed beside Node.js: {NODE_FIX}"))?;
    step.finish(output.status.success());
    process::check(&output, what)?;
    write_atomic(&dir.join(INSTALLED_MARKER), b"")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse() {
        assert_eq!(parse_version("v20.20.2\n"), Some((20, 20)));
        assert_eq!(parse_version("v18.0.0"), Some((18, 0)));
        assert_eq!(parse_version("20.1.0"), None);
        assert_eq!(parse_version(""), None);
    }

    #[test]
    fn the_pins_are_exact_and_hashed_stably() {
        let package: serde_json::Value = serde_json::from_str(PACKAGE_JSON).unwrap();
        for (name, version) in package["dependencies"].as_object().unwrap() {
            let version = version.as_str().unwrap();
            assert!(
                version.chars().all(|c| c.is_ascii_digit() || c == '.'),
                "{name} is not pinned exactly: {version}"
            );
            let lock: serde_json::Value = serde_json::from_str(PACKAGE_LOCK).unwrap();
            let locked = &lock["packages"][format!("node_modules/{name}")]["version"];
            assert_eq!(
                locked.as_str(),
                Some(version),
                "{name}: lock and pin differ"
            );
        }
        assert_eq!(pins_hash(), pins_hash());
        assert_eq!(pins_hash().len(), 16);
    }

    #[test]
    fn a_missing_or_broken_node_is_an_error_with_the_fix() {
        let err = node_at(Path::new("knit-no-such-node"))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("no Node.js found (`knit-no-such-node`"),
            "{err}"
        );
        assert!(err.contains("apt-get install nodejs npm"), "{err}");
        #[cfg(unix)]
        {
            let err = node_at(Path::new("false")).unwrap_err().to_string();
            assert!(err.starts_with("cannot read the Node.js version"), "{err}");
        }
    }
}
