//! The `component-type` custom section: the world in the standard binary encoding, so that the
//! linker (or `wit-component`) can turn the core module into a component with no extra step.

use crate::{Generator, VERSION};
use std::fmt::Write;
use wit_component::StringEncoding;

impl Generator<'_> {
    /// The encoded world, with knit's version in the producers section.
    pub fn encoded_world(&self) -> anyhow::Result<Vec<u8>> {
        let mut producers = wasm_metadata::Producers::empty();
        producers.add("processed-by", "knit", VERSION);
        wit_component::metadata::encode(
            self.resolve,
            self.world,
            StringEncoding::UTF8,
            Some(&producers),
            false,
        )
    }
}

/// A static in a `component-type:knit:...` link section holding the encoded world.
pub fn custom_section(g: &Generator<'_>) -> String {
    let bytes = match g.encoded_world() {
        Ok(bytes) => bytes,
        Err(e) => {
            return format!(
                "compile_error!({:?});\n",
                format!("knit could not encode the world: {e:#}")
            );
        }
    };
    let world = &g.resolve.worlds[g.world];
    let pkg = world
        .package
        .map(|p| g.resolve.packages[p].name.to_string())
        .unwrap_or_default();
    let section = format!(
        "component-type:knit:{VERSION}:{pkg}:{}:encoded world",
        world.name
    );
    let mut out = String::new();
    let _ = writeln!(out, "#[cfg(target_arch = \"wasm32\")]");
    let _ = writeln!(out, "#[unsafe(link_section = {section:?})]");
    let _ = writeln!(out, "#[doc(hidden)]\n#[used]");
    let _ = writeln!(
        out,
        "static __KNIT_COMPONENT_TYPE: [u8; {}] = *b\"{}\";",
        bytes.len(),
        byte_string(&bytes)
    );
    // Referencing the runtime from code the linker keeps pulls in `cabi_realloc`.
    let _ = writeln!(
        out,
        "#[cfg(target_arch = \"wasm32\")]\n#[doc(hidden)]\npub fn __knit_link() {{\n    _rt::link_cabi_realloc();\n}}"
    );
    out
}

/// The body of a Rust byte-string literal holding `bytes`: printable ASCII as is, the rest escaped.
fn byte_string(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            0x20..=0x7e => out.push(b as char),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\x");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xf)]));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn byte_string_escapes_what_it_must() {
        assert_eq!(
            super::byte_string(b"a\"b\\c\x00\xff"),
            "a\\\"b\\\\c\\x00\\xff"
        );
    }
}
