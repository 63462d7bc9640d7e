//! A fast re-indenter for generated Rust.
//!
//! The templates emit one item or statement per line, so consistent indentation from brace depth
//! makes the output readable at a tiny fraction of the cost of a full formatter (prettyplease is
//! still available through `Options::format`).

/// Re-indents `source` by four spaces per open `{`, `(` or `[`; blank lines are dropped except
/// between top-level items, comment lines are indented but not counted.
pub fn indent(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + source.len() / 4);
    let mut depth: usize = 0;
    for raw in source.lines() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let is_comment = line.starts_with("//");
        let closers = if is_comment {
            0
        } else {
            line.chars()
                .take_while(|c| matches!(c, '}' | ')' | ']'))
                .count()
        };
        let level = depth.saturating_sub(closers);
        for _ in 0..level {
            out.push_str("    ");
        }
        out.push_str(line);
        out.push('\n');
        if !is_comment {
            depth = (depth as isize + net_depth(line)).max(0) as usize;
        }
    }
    out
}

/// Opening minus closing brackets on a line, outside string literals and trailing comments.
/// Works on bytes: every character it looks for is ASCII, and UTF-8 continuation bytes never are.
fn net_depth(line: &str) -> isize {
    let bytes = line.as_bytes();
    let mut net = 0;
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else {
            match b {
                b'"' => in_string = true,
                b'/' if bytes.get(i + 1) == Some(&b'/') => break,
                b'{' | b'(' | b'[' => net += 1,
                b'}' | b')' | b']' => net -= 1,
                _ => {}
            }
        }
        i += 1;
    }
    net
}

#[cfg(test)]
mod tests {
    use super::indent;

    #[test]
    fn nests_by_braces_and_ignores_strings_and_comments() {
        let source = "pub mod a {\nfn f() {\nlet s = \"{ not a brace\";\n// a { comment\nmatch x {\n0 => {\ny\n}\n_ => z,\n}\n}\n}\n";
        let expected = "pub mod a {\n    fn f() {\n        let s = \"{ not a brace\";\n        // a { comment\n        match x {\n            0 => {\n                y\n            }\n            _ => z,\n        }\n    }\n}\n";
        assert_eq!(indent(source), expected);
    }

    #[test]
    fn escaped_quotes_stay_inside_strings() {
        assert_eq!(indent("f(\"\\\"{\");\ng();\n"), "f(\"\\\"{\");\ng();\n");
    }
}
