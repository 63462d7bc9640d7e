//! `knit --version`: knit's own version and the versions of what it embeds and drives, so a bug
//! report says which wasmtime ran the component and which WIT parser read the world.

/// The wasmtime embedded in `knit run` (pinned in the workspace's Cargo.toml).
pub const WASMTIME: &str = "48.0.8";
/// The wasm-tools crates (wit-parser, wit-component, wasmparser, wasm-encoder), one release.
pub const WASM_TOOLS: &str = "0.263.0";

/// The long version text: knit's version, then one line per component inside.
pub fn long_version() -> String {
    let engines: serde_json::Value =
        serde_json::from_str(knit_guest_build::toolchain::node::PACKAGE_JSON).unwrap_or_default();
    let engine = |name: &str| {
        engines["dependencies"][name]
            .as_str()
            .unwrap_or("?")
            .to_string()
    };
    format!(
        "{}\n\
         wasmtime {WASMTIME} (knit run)\n\
         wit-parser, wit-component, wasmparser {WASM_TOOLS}\n\
         WASI {} (bundled WIT), 0.2 hosted by wasmtime-wasi {WASMTIME}\n\
         componentize-js {}, componentize-qjs {}, TypeScript {} (knit build-js, installed on first use)\n\
         Go {}.{} or newer (knit build-go)",
        env!("CARGO_PKG_VERSION"),
        knit_wasi_wit::VERSION,
        engine("@bytecodealliance/componentize-js"),
        engine("componentize-qjs"),
        engine("typescript"),
        knit_guest_build::toolchain::go::MIN_GO_VERSION.0,
        knit_guest_build::toolchain::go::MIN_GO_VERSION.1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pins in the workspace's Cargo.toml, so the constants above cannot go stale.
    fn workspace_pin(name: &str) -> String {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.toml");
        let text = std::fs::read_to_string(path).unwrap();
        let table: toml::Table = toml::from_str(&text).unwrap();
        let dep = &table["workspace"]["dependencies"][name];
        let version = dep
            .as_str()
            .or_else(|| dep.get("version").and_then(|v| v.as_str()))
            .unwrap();
        version.trim_start_matches('=').to_string()
    }

    #[test]
    fn the_versions_named_are_the_versions_pinned() {
        assert_eq!(workspace_pin("wasmtime"), WASMTIME);
        assert_eq!(workspace_pin("wasmtime-wasi"), WASMTIME);
        for crate_name in ["wit-parser", "wit-component", "wasmparser", "wasm-encoder"] {
            assert_eq!(workspace_pin(crate_name), WASM_TOOLS, "{crate_name}");
        }
        let text = long_version();
        assert!(text.starts_with(env!("CARGO_PKG_VERSION")), "{text}");
        assert!(text.contains("componentize-js 0.23.0"), "{text}");
        assert!(!text.contains('?'), "{text}");
    }
}
