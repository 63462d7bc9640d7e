//! A recursive-descent parser for the composition subset of WAC: `package`,
//! `import`, `let`, `export`, and the `new` / access expressions.

use super::Diagnostic;
use super::lexer::{Tok, Token};

/// A name with the offset where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned {
    /// The text.
    pub text: String,
    /// Byte offset in the source.
    pub offset: usize,
}

/// A package name or path as written, e.g. `ns:pkg@1.0.0` or `ns:pkg/iface`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageRef {
    /// `ns:pkg` (without version).
    pub package: String,
    /// Interface path after `/`, if any.
    pub path: Option<String>,
    /// Version after `@`, if any.
    pub version: Option<String>,
    /// Where it starts.
    pub offset: usize,
}

impl PackageRef {
    /// The full name, e.g. `ns:pkg/iface@1.0.0`.
    pub fn full(&self) -> String {
        let mut s = self.package.clone();
        if let Some(path) = &self.path {
            s.push('/');
            s.push_str(path);
        }
        if let Some(v) = &self.version {
            s.push('@');
            s.push_str(v);
        }
        s
    }
}

/// One instantiation argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InstantiationArg {
    /// `name`: passes the local `name`, argument name inferred.
    Inferred(Spanned),
    /// `name: expr` or `"name": expr`.
    Named {
        /// The argument name.
        name: Spanned,
        /// Whether it was written as a bare identifier (enables inference).
        ident: bool,
        /// The value.
        value: Expr,
    },
    /// `...name`: the exports of an instance fill unsatisfied arguments.
    Spread(Spanned),
}

/// An expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// A local name.
    Name(Spanned),
    /// `new pkg { args }`.
    New {
        /// The component's package.
        package: PackageRef,
        /// Arguments in order.
        args: Vec<InstantiationArg>,
        /// Whether a trailing `...` imports the rest.
        implicit: bool,
    },
    /// `expr.name`.
    Access(Box<Expr>, Spanned),
    /// `expr["name"]`.
    NamedAccess(Box<Expr>, Spanned),
}

impl Expr {
    /// Where the expression starts.
    pub fn offset(&self) -> usize {
        match self {
            Expr::Name(n) => n.offset,
            Expr::New { package, .. } => package.offset,
            Expr::Access(_, n) | Expr::NamedAccess(_, n) => n.offset,
        }
    }
}

/// How an `export` statement names what it exports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportOptions {
    /// The name is inferred.
    Inferred,
    /// `as name`.
    As(Spanned),
    /// `...`: every export of the instance.
    Spread,
}

/// A statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Statement {
    /// `import local (as name)? : ns:pkg/iface;`
    Import {
        /// The local name.
        local: Spanned,
        /// An explicit import name.
        rename: Option<Spanned>,
        /// The imported interface.
        path: PackageRef,
    },
    /// `let name = expr;`
    Let {
        /// The bound name.
        name: Spanned,
        /// Its value.
        value: Expr,
    },
    /// `export expr (as name | ...)?;`
    Export {
        /// What is exported.
        value: Expr,
        /// How it is named.
        options: ExportOptions,
    },
}

/// A parsed composition document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The `package` directive.
    pub package: PackageRef,
    /// The world after `targets`, if any.
    pub targets: Option<PackageRef>,
    /// Statements in order.
    pub statements: Vec<Statement>,
}

/// Parses a token stream (ending with `Eof`) into a document.
pub fn parse(tokens: &[Token]) -> Result<Document, Diagnostic> {
    let mut p = Parser {
        tokens,
        pos: 0,
        depth: 0,
    };
    p.keyword("package")?;
    let package = p.package_ref(false)?;
    let targets = if p.eat_keyword("targets") {
        Some(p.package_ref(true)?)
    } else {
        None
    };
    p.punct(';')?;
    let mut statements = Vec::new();
    while p.peek() != &Tok::Eof {
        statements.push(p.statement()?);
    }
    Ok(Document {
        package,
        targets,
        statements,
    })
}

struct Parser<'a> {
    tokens: &'a [Token],
    pos: usize,
    /// Current expression nesting, bounded to keep recursion shallow.
    depth: usize,
}

/// How deeply expressions may nest.
const MAX_DEPTH: usize = 64;

impl Parser<'_> {
    fn peek(&self) -> &Tok {
        &self.tokens[self.pos].tok
    }

    fn peek_at(&self, n: usize) -> &Tok {
        let i = (self.pos + n).min(self.tokens.len() - 1);
        &self.tokens[i].tok
    }

    fn offset(&self) -> usize {
        self.tokens[self.pos].offset
    }

    fn bump(&mut self) -> &Token {
        let token = &self.tokens[self.pos];
        if self.pos + 1 < self.tokens.len() {
            self.pos += 1;
        }
        token
    }

    fn unexpected<T>(&self, wanted: &str) -> Result<T, Diagnostic> {
        Err(Diagnostic::new(
            self.offset(),
            format!("expected {wanted}, found {}", self.peek().describe()),
        ))
    }

    fn punct(&mut self, c: char) -> Result<(), Diagnostic> {
        if self.peek() == &Tok::Punct(c) {
            self.bump();
            Ok(())
        } else {
            self.unexpected(&format!("`{c}`"))
        }
    }

    fn eat_punct(&mut self, c: char) -> bool {
        if self.peek() == &Tok::Punct(c) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn eat_keyword(&mut self, word: &str) -> bool {
        if matches!(self.peek(), Tok::Ident(w) if w == word) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn keyword(&mut self, word: &str) -> Result<(), Diagnostic> {
        if self.eat_keyword(word) {
            Ok(())
        } else {
            self.unexpected(&format!("`{word}`"))
        }
    }

    fn ident(&mut self) -> Result<Spanned, Diagnostic> {
        match self.peek().clone() {
            Tok::Ident(text) => {
                let offset = self.bump().offset;
                Ok(Spanned { text, offset })
            }
            _ => self.unexpected("an identifier"),
        }
    }

    fn string(&mut self) -> Result<Spanned, Diagnostic> {
        match self.peek().clone() {
            Tok::Str(text) => {
                let offset = self.bump().offset;
                Ok(Spanned { text, offset })
            }
            _ => self.unexpected("a string"),
        }
    }

    fn ident_or_string(&mut self) -> Result<(Spanned, bool), Diagnostic> {
        match self.peek() {
            Tok::Str(_) => Ok((self.string()?, false)),
            _ => Ok((self.ident()?, true)),
        }
    }

    /// `id (':' id)+ ('/' id)* ('@' version)?`; a path is required when `path`.
    fn package_ref(&mut self, path: bool) -> Result<PackageRef, Diagnostic> {
        let offset = self.offset();
        let mut package = self.ident()?.text;
        self.punct(':')?;
        package.push(':');
        package.push_str(&self.ident()?.text);
        while self.eat_punct(':') {
            package.push(':');
            package.push_str(&self.ident()?.text);
        }
        let mut segments = Vec::new();
        while self.eat_punct('/') {
            segments.push(self.ident()?.text);
        }
        if path && segments.is_empty() {
            return self.unexpected("`/` and an interface name");
        }
        let version = match self.peek().clone() {
            Tok::Version(v) => {
                self.bump();
                Some(v)
            }
            _ => None,
        };
        Ok(PackageRef {
            package,
            path: (!segments.is_empty()).then(|| segments.join("/")),
            version,
            offset,
        })
    }

    fn statement(&mut self) -> Result<Statement, Diagnostic> {
        let offset = self.offset();
        let word = match self.peek() {
            Tok::Ident(w) => w.clone(),
            _ => return self.unexpected("`import`, `let` or `export`"),
        };
        match word.as_str() {
            "import" => {
                self.bump();
                let local = self.ident()?;
                let rename = if self.eat_keyword("as") {
                    Some(self.ident_or_string()?.0)
                } else {
                    None
                };
                self.punct(':')?;
                if !matches!(self.peek_at(1), Tok::Punct(':')) {
                    return Err(Diagnostic::new(
                        self.offset(),
                        "knit's WAC subset imports interfaces by package path only (e.g. `import x: ns:pkg/iface;`)",
                    ));
                }
                let path = self.package_ref(true)?;
                self.punct(';')?;
                Ok(Statement::Import {
                    local,
                    rename,
                    path,
                })
            }
            "let" => {
                self.bump();
                let name = self.ident()?;
                self.punct('=')?;
                let value = self.expr()?;
                self.punct(';')?;
                Ok(Statement::Let { name, value })
            }
            "export" => {
                self.bump();
                let value = self.expr()?;
                let options = if self.peek() == &Tok::Ellipsis {
                    self.bump();
                    ExportOptions::Spread
                } else if self.eat_keyword("as") {
                    ExportOptions::As(self.ident_or_string()?.0)
                } else {
                    ExportOptions::Inferred
                };
                self.punct(';')?;
                Ok(Statement::Export { value, options })
            }
            "interface" | "world" | "type" | "record" | "variant" | "enum" | "flags"
            | "resource" | "use" => Err(Diagnostic::new(
                offset,
                format!(
                    "`{word}` declarations are not supported by knit's WAC subset; put types in WIT packages instead"
                ),
            )),
            _ => self.unexpected("`import`, `let` or `export`"),
        }
    }

    fn expr(&mut self) -> Result<Expr, Diagnostic> {
        if self.depth >= MAX_DEPTH {
            return Err(Diagnostic::new(
                self.offset(),
                format!("expressions nest more than {MAX_DEPTH} levels deep"),
            ));
        }
        self.depth += 1;
        let result = self.expr_inner();
        self.depth -= 1;
        result
    }

    fn expr_inner(&mut self) -> Result<Expr, Diagnostic> {
        let mut expr = match self.peek().clone() {
            Tok::Punct('(') => {
                self.bump();
                let inner = self.expr()?;
                self.punct(')')?;
                inner
            }
            Tok::Ident(w) if w == "new" => {
                self.bump();
                self.new_expr()?
            }
            Tok::Ident(_) => Expr::Name(self.ident()?),
            _ => return self.unexpected("an expression (a name, `new` or `(`)"),
        };
        loop {
            if self.eat_punct('.') {
                let name = self.ident()?;
                expr = Expr::Access(Box::new(expr), name);
            } else if self.eat_punct('[') {
                let name = self.string()?;
                self.punct(']')?;
                expr = Expr::NamedAccess(Box::new(expr), name);
            } else {
                return Ok(expr);
            }
        }
    }

    fn new_expr(&mut self) -> Result<Expr, Diagnostic> {
        let package = self.package_ref(false)?;
        if package.path.is_some() {
            return Err(Diagnostic::new(
                package.offset,
                "`new` takes a package name (`ns:name`), not an interface path",
            ));
        }
        self.punct('{')?;
        let mut args = Vec::new();
        let mut implicit = false;
        while !self.eat_punct('}') {
            if self.peek() == &Tok::Ellipsis {
                let at = self.offset();
                self.bump();
                if let Tok::Ident(_) = self.peek() {
                    args.push(InstantiationArg::Spread(self.ident()?));
                } else {
                    implicit = true;
                    self.eat_punct(',');
                    if !self.eat_punct('}') {
                        return Err(Diagnostic::new(
                            at,
                            "`...` without a name must be the last argument",
                        ));
                    }
                    break;
                }
            } else {
                let (name, ident) = self.ident_or_string()?;
                if self.eat_punct(':') {
                    let value = self.expr()?;
                    args.push(InstantiationArg::Named { name, ident, value });
                } else if ident {
                    args.push(InstantiationArg::Inferred(name));
                } else {
                    return self.unexpected("`:` after a string argument name");
                }
            }
            if !self.eat_punct(',') {
                self.punct('}')?;
                break;
            }
        }
        Ok(Expr::New {
            package,
            args,
            implicit,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexer::tokenize;
    use super::*;

    fn doc(source: &str) -> Result<Document, Diagnostic> {
        parse(&tokenize(source)?)
    }

    #[test]
    fn parses_a_composition() {
        let d = doc("package ex:comp@1.0.0;
             import h as \"my-h\": test:h/host@0.1.0;
             let c = new test:c { ... };
             let b = new test:b { ...c, x: c.get, y, \"z\": c[\"w\"] };
             export b.run as \"go\";
             export (b)...;")
        .unwrap();
        assert_eq!(d.package.full(), "ex:comp@1.0.0");
        assert_eq!(d.statements.len(), 5);
        match &d.statements[2] {
            Statement::Let {
                value: Expr::New { args, .. },
                ..
            } => {
                assert!(matches!(args[0], InstantiationArg::Spread(_)));
                assert!(matches!(args[2], InstantiationArg::Inferred(_)));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn points_at_errors() {
        let src = "package a:b;\nlet x = new a:c { y z };";
        let err = doc(src).unwrap_err();
        assert_eq!(&src[err.offset..err.offset + 1], "z");
        assert_eq!(err.message, "expected `}`, found `z`");
        let deep = format!(
            "package a:b; let x = {}y{};",
            "(".repeat(200),
            ")".repeat(200)
        );
        assert!(doc(&deep).unwrap_err().message.contains("nest"));
        let err = doc("package a:b; interface i {}").unwrap_err();
        assert!(err.message.contains("not supported"));
    }
}
