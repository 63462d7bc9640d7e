//! A fast re-indenter for generated Rust.
//!
//! The templates emit one item or statement per line, so consistent indentation from brace depth
//! makes the output readable at a tiny fraction of the cost of a full formatter (prettyplease is
//! still available through `Options::format`).

/// Appends `source` to `out` re-indented by four spaces per open `{`, `(` or `[`; blank lines are
/// dropped, comment lines are indented but not counted.
#[cfg(test)]
pub fn indent_into(out: &mut String, source: &str) {
    // Indentation about doubles the size of generated bindings.
    out.reserve(source.len() * 2);
    indent_lines(out, source, 0);
}

/// Text on its way into the generated file: re-indented line by line as it arrives (so the whole
/// file is never built twice), or kept as it is for a formatter to read.
pub struct Sink {
    out: String,
    indenter: Option<Indenter>,
}

/// The state [`indent_lines`] carries between pieces of text: the bracket depth and the start of a
/// line whose end has not arrived yet.
struct Indenter {
    depth: usize,
    partial: String,
}

impl Sink {
    /// A sink that re-indents everything pushed and appends it to `out`.
    pub fn indented(out: String) -> Sink {
        Sink {
            out,
            indenter: Some(Indenter {
                depth: 0,
                partial: String::new(),
            }),
        }
    }

    /// A sink that appends everything pushed to `out` unchanged.
    pub fn plain(out: String) -> Sink {
        Sink {
            out,
            indenter: None,
        }
    }

    /// Reserves room for `additional` more bytes of output.
    pub fn reserve(&mut self, additional: usize) {
        self.out.reserve(additional);
    }

    /// Appends `text`. An indenting sink writes every line `text` completes and keeps the rest for
    /// the next push: each line is indented exactly as if the whole text had come at once.
    pub fn push_str(&mut self, text: &str) {
        let Some(indenter) = &mut self.indenter else {
            self.out.push_str(text);
            return;
        };
        let mut text = text;
        if !indenter.partial.is_empty() {
            let Some(at) = text.find('\n') else {
                indenter.partial.push_str(text);
                return;
            };
            indenter.partial.push_str(&text[..=at]);
            indenter.depth = indent_lines(&mut self.out, &indenter.partial, indenter.depth);
            indenter.partial.clear();
            text = &text[at + 1..];
        }
        match text.rfind('\n') {
            Some(at) => {
                indenter.depth = indent_lines(&mut self.out, &text[..=at], indenter.depth);
                indenter.partial.push_str(&text[at + 1..]);
            }
            None => indenter.partial.push_str(text),
        }
    }

    /// Appends one character.
    pub fn push(&mut self, c: char) {
        self.push_str(c.encode_utf8(&mut [0; 4]));
    }

    /// Writes what is still pending and returns the output.
    pub fn finish(mut self) -> String {
        if let Some(indenter) = &self.indenter {
            indent_lines(&mut self.out, &indenter.partial, indenter.depth);
        }
        self.out
    }
}

impl std::fmt::Write for Sink {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        self.push_str(text);
        Ok(())
    }
}

/// Appends `source` re-indented, starting at bracket depth `depth`, and returns the depth after it.
fn indent_lines(out: &mut String, source: &str, mut depth: usize) -> usize {
    const SPACES: &str = "                                                                ";
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
    depth
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
    fn agrees_with_the_reference_at_every_block_alignment() {
        let awkward = concat!(
            "mod a {\r\n  fn f() {\n\tlet s = \"a\\\\\";\n",
            "let t = \"ends in a backslash \\\nstill(\";\n",
            "x / y; // a ( comment\n/// doc {\n\u{a0}g(\u{a0}\n)\n",
            "let u = \"esc \\\" {\"; f(\"\\\\\", [1, 2]);\n",
            "}}}}\n}\n\n\"unterminated {\nh[\n",
        );
        for pad in 0..40 {
            let source = format!("{}{awkward}{}", "x".repeat(pad), "(y".repeat(pad));
            assert_eq!(indent(&source), reference(&source), "pad {pad}");
        }
    }

    #[test]
    fn pieces_indent_like_the_whole() {
        let source = concat!(
            "mod a {\r\n  fn f() {\n\tlet s = \"a\\\\\";\n",
            "let t = \"ends in a backslash \\\nstill(\";\n",
            "x / y; // a ( comment\n/// doc {\n\u{a0}g(\u{a0}\n)\n",
            "}}}}\n}\n\n\"unterminated {\nh[\n",
        )
        .repeat(2)
            + "tail {";
        let whole = indent(&source);
        for step in [1, 2, 3, 5, 7, 16, 40] {
            let cuts: Vec<usize> = (0..=source.len())
                .filter(|&i| source.is_char_boundary(i))
                .step_by(step)
                .chain([source.len()])
                .collect();
            let mut sink = super::Sink::indented(String::new());
            for cut in cuts.windows(2) {
                sink.push_str(&source[cut[0]..cut[1]]);
            }
            assert_eq!(sink.finish(), whole, "pieces of {step} bytes");
        }
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
