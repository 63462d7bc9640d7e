//! Explicit mode: compositions written in the WAC language.
//!
//! knit reads the composition statements of WAC (`package`, `import` by
//! package path, `let`, `new` with inferred, named and spread arguments and a
//! trailing `...`, access expressions and `export` with `as` or `...`), so
//! wac users can bring their scripts. Type declarations are not supported:
//! types come from the components' own WIT. Components are found through a
//! resolver given package names (`ns:name` or `ns:name@version`); scripts may
//! name files with `// knit:dep ns:name = path` comments, which wac ignores.

mod eval;
mod lexer;
mod parser;

use crate::error::{ComposeError, ErrorKind};
use crate::{Composed, Input};

/// A message tied to a byte offset of the script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Diagnostic {
    /// Byte offset the message points at.
    pub offset: usize,
    /// The message.
    pub message: String,
    /// The kind of error to report.
    pub kind: ErrorKind,
}

impl Diagnostic {
    /// A script error at `offset`.
    pub fn new(offset: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            offset,
            message: message.into(),
            kind: ErrorKind::Script,
        }
    }

    /// The same diagnostic reported as another kind of error.
    pub fn with_kind(mut self, kind: ErrorKind) -> Self {
        self.kind = kind;
        self
    }

    /// Renders `file:line:column: message` followed by the source line and a caret.
    pub fn render(&self, file: &str, source: &str) -> String {
        let offset = self.offset.min(source.len());
        let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[offset..]
            .find('\n')
            .map_or(source.len(), |i| offset + i);
        let line_number = source[..offset].matches('\n').count() + 1;
        let column = source[line_start..offset].chars().count() + 1;
        let gutter = line_number.to_string().len();
        format!(
            "{file}:{line_number}:{column}: {}\n{:gutter$} |\n{line_number} | {}\n{:gutter$} | {}^",
            self.message,
            "",
            &source[line_start..line_end],
            "",
            " ".repeat(column - 1),
        )
    }
}

/// The `// knit:dep ns:name = path` directives of a script, in order, as
/// (package name, path as written).
pub fn dep_directives(source: &str) -> Vec<(String, String)> {
    source
        .lines()
        .filter_map(|line| {
            let rest = line
                .trim()
                .strip_prefix("//")?
                .trim()
                .strip_prefix("knit:dep")?;
            let (name, path) = rest.split_once('=')?;
            let (name, path) = (name.trim(), path.trim().trim_matches('"'));
            (!name.is_empty() && !path.is_empty()).then(|| (name.to_string(), path.to_string()))
        })
        .collect()
}

/// Composes according to the WAC script `source` (named `file` in messages).
/// `deps` maps a package name (`ns:name@version` is tried first, then
/// `ns:name`) to its component.
pub(crate) fn compose(
    file: &str,
    source: &str,
    deps: &mut dyn FnMut(&str) -> Option<Input>,
    validate_code: bool,
) -> Result<Composed, ComposeError> {
    let script_error = |d: Diagnostic| ComposeError::new(d.kind, d.render(file, source));
    let tokens = lexer::tokenize(source).map_err(script_error)?;
    let document = parser::parse(&tokens).map_err(script_error)?;
    let (graph, notes) = eval::evaluate(&document, deps).map_err(|e| match e {
        eval::EvalError::At(d) => script_error(d),
        eval::EvalError::Component(e) => e,
    })?;
    crate::finish(graph, &notes, validate_code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_positions() {
        let source = "package a:b;\nlet x = y;\n";
        let d = Diagnostic::new(source.find('y').unwrap(), "unknown name `y`");
        assert_eq!(
            d.render("s.wac", source),
            "s.wac:2:9: unknown name `y`\n  |\n2 | let x = y;\n  |         ^"
        );
    }

    #[test]
    fn reads_dep_directives() {
        let source = "// knit:dep test:a = \"a.wasm\"\n  //knit:dep test:b=dir/b.wasm\n// other\n";
        assert_eq!(
            dep_directives(source),
            vec![
                ("test:a".to_string(), "a.wasm".to_string()),
                ("test:b".to_string(), "dir/b.wasm".to_string())
            ]
        );
    }
}
