//! Looking inside built components: their world as WIT, and the WASI capabilities they import.

use anyhow::{Context, Result, bail};
use std::collections::BTreeSet;
use std::path::Path;
use wit_component::DecodedWasm;

/// A component's world as WIT text (with the packages it refers to).
pub fn world_as_wit(bytes: &[u8]) -> Result<String> {
    let decoded = wit_component::decode(bytes).context("cannot decode the component's types")?;
    let DecodedWasm::Component(resolve, world) = decoded else {
        bail!("this is a WIT package, not a component");
    };
    knit_guest_build::js::flattened_wit(&resolve, world)
}

/// The kinds of authority a component's imports ask for, in a fixed order.
pub fn capabilities(bytes: &[u8]) -> Result<Vec<&'static str>> {
    let mut found = BTreeSet::new();
    for name in component_imports(bytes)? {
        let kind = match name.split('@').next().unwrap_or(&name) {
            n if n.starts_with("wasi:filesystem/") => "filesystem",
            n if n.starts_with("wasi:sockets/") || n.starts_with("wasi:http/") => "network",
            "wasi:cli/environment" => "environment",
            n if n.starts_with("wasi:clocks/") => "clocks",
            n if n.starts_with("wasi:random/") => "random",
            "wasi:cli/stdin" => "stdin",
            "wasi:cli/stdout" | "wasi:cli/stderr" => "stdio",
            "wasi:cli/exit" => "exit",
            _ => continue,
        };
        found.insert(kind);
    }
    const ORDER: &[&str] = &[
        "filesystem",
        "network",
        "environment",
        "clocks",
        "random",
        "stdin",
        "stdio",
        "exit",
    ];
    Ok(ORDER
        .iter()
        .copied()
        .filter(|k| found.contains(k))
        .collect())
}

/// The imports that are not WASI: what a host or another component must still provide.
pub fn open_imports(bytes: &[u8]) -> Result<Vec<String>> {
    Ok(component_imports(bytes)?
        .into_iter()
        .filter(|name| !name.starts_with("wasi:"))
        .collect())
}

/// The line printed after a build or a composition: the WASI capabilities the component
/// imports, then, on a line of its own, every other import (which nothing in the build
/// provides, so the host must).
pub fn imports_summary(bytes: &[u8]) -> Result<String> {
    summary(bytes, "no plug provides", ": the host must")
}

/// The summary of a component that is about to be composed: its other imports are listed
/// without a verdict (a plug may still provide them; the composition's summary says).
pub fn part_summary(bytes: &[u8]) -> Result<String> {
    summary(bytes, "and", "")
}

fn summary(bytes: &[u8], open_prefix: &str, open_suffix: &str) -> Result<String> {
    let caps = capabilities(bytes)?;
    let mut text = if caps.is_empty() {
        "WASI: nothing".to_string()
    } else {
        format!("WASI: {}", caps.join(", "))
    };
    let open = open_imports(bytes)?;
    if !open.is_empty() {
        text.push_str(&format!(
            "\n{:>12} {open_prefix} {}{open_suffix}",
            "",
            open.iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    Ok(text)
}

/// The names of a component's top-level imports of instances and functions (type imports are
/// left out).
pub fn component_imports(bytes: &[u8]) -> Result<Vec<String>> {
    let mut names = Vec::new();
    let mut depth = 0usize;
    for payload in wasmparser::Parser::new(0).parse_all(bytes) {
        match payload? {
            wasmparser::Payload::ModuleSection { .. }
            | wasmparser::Payload::ComponentSection { .. } => depth += 1,
            wasmparser::Payload::End(_) => depth = depth.saturating_sub(1),
            wasmparser::Payload::ComponentImportSection(reader) if depth == 0 => {
                for import in reader {
                    let import = import?;
                    // A type import (a world's `use` of a type) is a name for a type the other
                    // imports mention, not something a host provides.
                    if !matches!(import.ty, wasmparser::ComponentTypeRef::Type(_)) {
                        names.push(import.name.name.to_string());
                    }
                }
            }
            _ => {}
        }
    }
    Ok(names)
}

/// A size in the units cargo uses in its messages.
pub fn human_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MiB", b as f64 / (1 << 20) as f64),
        b if b >= 1 << 10 => format!("{:.1} KiB", b as f64 / (1 << 10) as f64),
        b => format!("{b} B"),
    }
}

/// Reads a file that must be a component.
pub fn read_component(path: &Path) -> Result<Vec<u8>> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
    if !bytes.starts_with(b"\0asm") {
        bail!("`{}` is not a WebAssembly file", path.display());
    }
    if !wasmparser::Parser::is_component(&bytes) {
        bail!(
            "`{}` is a core module, not a component\nhint: `knit componentize {}` turns a wasip1 module into one",
            path.display(),
            path.display()
        );
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_cargo() {
        assert_eq!(human_size(512), "512 B");
        assert_eq!(human_size(74_000), "72.3 KiB");
        assert_eq!(human_size(3 << 20), "3.0 MiB");
    }
}
