//! Indents generated Go the way `gofmt` does (tabs, one level per brace), so the output reads well
//! without running `gofmt`. Generated code is written flat; this pass only adds leading tabs.

/// Re-indents Go source: one tab per open `{` or `(` block; `case`/`default` labels one level out.
pub fn indent(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + source.len() / 8);
    let mut depth: usize = 0;
    for line in source.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            out.push('\n');
            continue;
        }
        let code = trimmed.split("//").next().unwrap_or_default().trim_end();
        let comment = trimmed.starts_with("//");
        if !comment && (code.starts_with('}') || code.starts_with(')')) {
            depth = depth.saturating_sub(1);
        }
        let label = !comment && (code.starts_with("case ") || code == "default:");
        let level = if label {
            depth.saturating_sub(1)
        } else {
            depth
        };
        for _ in 0..level {
            out.push('\t');
        }
        out.push_str(trimmed);
        out.push('\n');
        if !comment && (code.ends_with('{') || code.ends_with('(')) {
            depth += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::indent;

    #[test]
    fn blocks_and_labels_are_indented() {
        let flat = "func f(x int32) {\nswitch x {\ncase 0:\nreturn\ndefault:\nif x > 1 {\ng()\n} else {\nh()\n}\n}\n}\n";
        let want = "func f(x int32) {\n\tswitch x {\n\tcase 0:\n\t\treturn\n\tdefault:\n\t\tif x > 1 {\n\t\t\tg()\n\t\t} else {\n\t\t\th()\n\t\t}\n\t}\n}\n";
        assert_eq!(indent(flat), want);
    }

    #[test]
    fn import_blocks_and_comments() {
        assert_eq!(
            indent("import (\n\"a\"\n)\n// x {\n"),
            "import (\n\t\"a\"\n)\n// x {\n"
        );
    }
}
