//! Tokens of the WAC language, each with its byte offset.

use super::Diagnostic;

/// One token kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    /// A kebab-case identifier (a leading `%` is dropped) or keyword.
    Ident(String),
    /// A double-quoted string, without its quotes.
    Str(String),
    /// `@` followed by a version, e.g. `@0.2.3`.
    Version(String),
    /// `...`
    Ellipsis,
    /// A single punctuation character: one of `: / ; , . { } ( ) [ ] = < > -`.
    Punct(char),
    /// End of input.
    Eof,
}

impl Tok {
    /// How the token reads in messages.
    pub fn describe(&self) -> String {
        match self {
            Tok::Ident(s) => format!("`{s}`"),
            Tok::Str(s) => format!("\"{s}\""),
            Tok::Version(v) => format!("`@{v}`"),
            Tok::Ellipsis => "`...`".into(),
            Tok::Punct(c) => format!("`{c}`"),
            Tok::Eof => "the end of the file".into(),
        }
    }
}

/// A token and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The token.
    pub tok: Tok,
    /// Byte offset of its first character.
    pub offset: usize,
}

/// Splits `source` into tokens, skipping whitespace and (nested) comments.
pub fn tokenize(source: &str) -> Result<Vec<Token>, Diagnostic> {
    let bytes = source.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        match c {
            b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let mut depth = 0;
                loop {
                    if i + 1 >= bytes.len() {
                        return Err(Diagnostic::new(start, "this block comment is never closed"));
                    }
                    if bytes[i] == b'/' && bytes[i + 1] == b'*' {
                        depth += 1;
                        i += 2;
                    } else if bytes[i] == b'*' && bytes[i + 1] == b'/' {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\n' {
                        return Err(Diagnostic::new(start, "this string is never closed"));
                    }
                    i += 1;
                }
                if i >= bytes.len() {
                    return Err(Diagnostic::new(start, "this string is never closed"));
                }
                tokens.push(Token {
                    tok: Tok::Str(source[start + 1..i].to_string()),
                    offset: start,
                });
                i += 1;
            }
            b'.' if bytes[i..].starts_with(b"...") => {
                tokens.push(Token {
                    tok: Tok::Ellipsis,
                    offset: start,
                });
                i += 3;
            }
            b'@' => {
                i += 1;
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'.' | b'-' | b'+'))
                {
                    i += 1;
                }
                // A trailing `.` belongs to an access expression, not the version.
                while i > start + 1 && bytes[i - 1] == b'.' {
                    i -= 1;
                }
                let text = &source[start + 1..i];
                if crate::names::Version::parse(text).is_none() {
                    return Err(Diagnostic::new(
                        start,
                        format!("`{text}` is not a semantic version (expected e.g. `@1.2.3`)"),
                    ));
                }
                tokens.push(Token {
                    tok: Tok::Version(text.to_string()),
                    offset: start,
                });
            }
            b'%' | b'a'..=b'z' | b'A'..=b'Z' => {
                if c == b'%' {
                    i += 1;
                }
                let word_start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-') {
                    i += 1;
                }
                let word = &source[word_start..i];
                if !is_kebab(word) {
                    return Err(Diagnostic::new(
                        start,
                        format!(
                            "`{word}` is not a valid identifier (use lower-case kebab-case like `my-name`)"
                        ),
                    ));
                }
                tokens.push(Token {
                    tok: Tok::Ident(word.to_string()),
                    offset: start,
                });
            }
            b':' | b'/' | b';' | b',' | b'.' | b'{' | b'}' | b'(' | b')' | b'[' | b']' | b'='
            | b'<' | b'>' | b'-' => {
                tokens.push(Token {
                    tok: Tok::Punct(c as char),
                    offset: start,
                });
                i += 1;
            }
            _ => {
                let ch = source[i..].chars().next().unwrap_or('?');
                return Err(Diagnostic::new(
                    start,
                    format!("unexpected character `{ch}`"),
                ));
            }
        }
    }
    tokens.push(Token {
        tok: Tok::Eof,
        offset: source.len(),
    });
    Ok(tokens)
}

/// Whether `word` is a kebab-case identifier: lower-case words of letters and
/// digits, each starting with a letter, joined by single dashes.
fn is_kebab(word: &str) -> bool {
    !word.is_empty()
        && word.split('-').all(|part| {
            part.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && part
                    .chars()
                    .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(source: &str) -> Vec<Tok> {
        tokenize(source)
            .unwrap()
            .into_iter()
            .map(|t| t.tok)
            .collect()
    }

    #[test]
    fn lexes_statements() {
        assert_eq!(
            toks("let x = new a:b@1.0.0 { ...y, /* c /* nested */ */ ... }; // done"),
            vec![
                Tok::Ident("let".into()),
                Tok::Ident("x".into()),
                Tok::Punct('='),
                Tok::Ident("new".into()),
                Tok::Ident("a".into()),
                Tok::Punct(':'),
                Tok::Ident("b".into()),
                Tok::Version("1.0.0".into()),
                Tok::Punct('{'),
                Tok::Ellipsis,
                Tok::Ident("y".into()),
                Tok::Punct(','),
                Tok::Ellipsis,
                Tok::Punct('}'),
                Tok::Punct(';'),
                Tok::Eof,
            ]
        );
    }

    #[test]
    fn reports_positions() {
        let err = tokenize("let x = \"open").unwrap_err();
        assert_eq!(err.offset, 8);
        let err = tokenize("let Bad = x;").unwrap_err();
        assert_eq!(err.offset, 4);
        assert!(tokenize("export i...;").is_ok());
    }
}
