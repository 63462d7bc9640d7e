//! A fast re-indenter for generated Rust.
//!
//! The templates emit one item or statement per line, so consistent indentation from brace depth
//! makes the output readable at a tiny fraction of the cost of a full formatter (prettyplease is
//! still available through `Options::format`).

/// Appends `source` to `out` re-indented by four spaces per open `{`, `(` or `[`; blank lines are
/// dropped, comment lines are indented but not counted.
pub fn indent_into(out: &mut String, source: &str) {
    const SPACES: &str = "                                                                ";
    // Indentation about doubles the size of generated bindings.
    out.reserve(source.len() * 2);
    let mut depth: usize = 0;
    let mut from = 0;
    while from < source.len() {
        // One pass finds the end of the line and its bracket balance.
        let (end, net) = scan_line(source.as_bytes(), from);
        let line = trim(&source[from..end]);
        from = end + 1;
        if line.is_empty() {
            continue;
        }
        let is_comment = line.starts_with("//");
        let closers = if is_comment {
            0
        } else {
            line.bytes()
                .take_while(|b| matches!(b, b'}' | b')' | b']'))
                .count()
        };
        let mut width = depth.saturating_sub(closers) * 4;
        while width > 0 {
            let step = width.min(SPACES.len());
            out.push_str(&SPACES[..step]);
            width -= step;
        }
        out.push_str(line);
        out.push('\n');
        if !is_comment {
            depth = (depth as isize + net).max(0) as usize;
        }
    }
}

/// `line` without leading and trailing whitespace, as `str::trim` gives, taking the quick ASCII
/// path unless a non-ASCII or unusual character is at either end once ASCII whitespace is gone.
fn trim(line: &str) -> &str {
    let ascii = line.trim_ascii();
    match (ascii.as_bytes().first(), ascii.as_bytes().last()) {
        (Some(&first), Some(&last))
            if first < 0x80 && last < 0x80 && first != 0x0B && last != 0x0B =>
        {
            ascii
        }
        (None, _) | (_, None) => ascii,
        _ => ascii.trim(),
    }
}

/// What [`scan_line`] makes of each byte: most are [`PLAIN`] and cost one table look-up.
static CLASS: [u8; 256] = {
    let mut table = [PLAIN; 256];
    table[b'{' as usize] = OPEN;
    table[b'(' as usize] = OPEN;
    table[b'[' as usize] = OPEN;
    table[b'}' as usize] = CLOSE;
    table[b')' as usize] = CLOSE;
    table[b']' as usize] = CLOSE;
    table[b'"' as usize] = QUOTE;
    table[b'/' as usize] = SLASH;
    table[b'\\' as usize] = BACKSLASH;
    table[b'\n' as usize] = NEWLINE;
    table
};
const PLAIN: u8 = 0;
const OPEN: u8 = 1;
const CLOSE: u8 = 2;
const QUOTE: u8 = 3;
const SLASH: u8 = 4;
const BACKSLASH: u8 = 5;
const NEWLINE: u8 = 6;

/// The end of the line starting at `from` (the index of its `\n`, or the end of the text) and its
/// opening minus closing brackets outside string literals and trailing comments. Works on bytes:
/// every character it looks for is ASCII, and UTF-8 continuation bytes never are.
fn scan_line(bytes: &[u8], from: usize) -> (usize, isize) {
    let mut net = 0;
    let mut in_string = false;
    let mut i = from;
    while i < bytes.len() {
        let class = CLASS[bytes[i] as usize];
        if class == PLAIN {
            i += 1;
            continue;
        }
        match (in_string, class) {
            (_, NEWLINE) => return (i, net),
            // An escape never swallows the end of the line.
            (true, BACKSLASH) if bytes.get(i + 1) != Some(&b'\n') => i += 1,
            (_, QUOTE) => in_string = !in_string,
            (false, SLASH) if bytes.get(i + 1) == Some(&b'/') => {
                let end = bytes[i..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |at| i + at);
                return (end, net);
            }
            (false, OPEN) => net += 1,
            (false, CLOSE) => net -= 1,
            _ => {}
        }
        i += 1;
    }
    (bytes.len(), net)
}

#[cfg(test)]
mod tests {
    fn indent(source: &str) -> String {
        let mut out = String::new();
        super::indent_into(&mut out, source);
        out
    }

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

    /// The straightforward version `indent` must agree with: `str::lines`, `str::trim` and a
    /// bracket count per line.
    fn reference(source: &str) -> String {
        let mut out = String::new();
        let mut depth: usize = 0;
        for line in source.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let is_comment = line.starts_with("//");
            let closers = if is_comment {
                0
            } else {
                line.chars()
                    .take_while(|c| matches!(c, '}' | ')' | ']'))
                    .count()
            };
            out.push_str(&"    ".repeat(depth.saturating_sub(closers)));
            out.push_str(line);
            out.push('\n');
            if is_comment {
                continue;
            }
            let (mut net, mut in_string, mut chars) = (0isize, false, line.chars().peekable());
            while let Some(c) = chars.next() {
                match (in_string, c) {
                    (true, '\\') => {
                        chars.next();
                    }
                    (_, '"') => in_string = !in_string,
                    (false, '/') if chars.peek() == Some(&'/') => break,
                    (false, '{' | '(' | '[') => net += 1,
                    (false, '}' | ')' | ']') => net -= 1,
                    _ => {}
                }
            }
            depth = (depth as isize + net).max(0) as usize;
        }
        out
    }

    #[test]
    fn agrees_with_the_reference_on_awkward_lines() {
        let source = concat!(
            "mod a {\r\n  fn f() {\n\tlet s = \"a\\\\\";\n",
            "let t = \"ends in a backslash \\\nstill(\";\n",
            "x / y; // a ( comment\n/// doc {\n\u{a0}g(\u{a0}\n)\n",
            "}}}}\n}\n\n\"unterminated {\nh[\n",
        );
        assert_eq!(indent(source), reference(source));
        let doubled = source.repeat(3);
        assert_eq!(indent(&doubled), reference(&doubled));
    }

    #[test]
    fn trims_like_str_trim() {
        for line in [
            "  a b \t",
            "\u{a0}x\u{a0}",
            "\u{b}y\u{b}",
            " \u{3000}",
            "",
            "   ",
            "z",
        ] {
            assert_eq!(super::trim(line), line.trim(), "{line:?}");
        }
    }

    #[test]
    fn deep_nesting_indents_past_the_spaces_table() {
        let source = format!("{}x\n{}", "(\n".repeat(20), ")\n".repeat(20));
        let out = indent(&source);
        assert!(out.contains(&format!("\n{}x\n", " ".repeat(80))));
    }
}
