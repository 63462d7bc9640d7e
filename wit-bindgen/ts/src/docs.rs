//! JSDoc comments: WIT docs carried over, and the texts knit adds (what a module is for, how
//! `result` errors travel).

use crate::Engine;
use crate::layout::Module;
use std::fmt::Write;
use wit_parser::Docs;

/// The lines of a WIT doc comment, `*/` escaped so the comment cannot end early.
pub fn lines(docs: &Docs) -> Vec<String> {
    knit_bindgen_core::walk::doc_lines(docs)
        .map(|line| line.replace("*/", "*\\/"))
        .collect()
}

/// Appends `lines` as a JSDoc comment at `indent`: `/** one */` for one line, a block for more,
/// nothing for none. Leading and trailing empty lines are dropped.
pub fn push(out: &mut String, indent: &str, lines: Vec<String>) {
    let start = lines.iter().position(|l| !l.is_empty());
    let end = lines.iter().rposition(|l| !l.is_empty());
    let (Some(start), Some(end)) = (start, end) else {
        return;
    };
    let lines = &lines[start..=end];
    if let [line] = lines {
        let _ = writeln!(out, "{indent}/** {line} */");
        return;
    }
    let _ = writeln!(out, "{indent}/**");
    for line in lines {
        if line.is_empty() {
            let _ = writeln!(out, "{indent} *");
        } else {
            let _ = writeln!(out, "{indent} * {line}");
        }
    }
    let _ = writeln!(out, "{indent} */");
}

/// What a module is for, as doc lines after the interface's own docs.
pub fn module_role(module: &Module) -> Vec<String> {
    let mut out = Vec::new();
    if module.imported {
        out.push(format!(
            "Imported: `import {{ ... }} from '{}'`.",
            module.spec
        ));
    }
    if let Some(name) = &module.export_name {
        out.push(format!(
            "Exported: the guest module exports it as `{name}`, an object of these functions and classes."
        ));
    }
    out
}

/// The world module's doc lines: how to use the declarations and the error convention.
pub fn world_role(engine: Engine) -> Vec<String> {
    let mut out = vec![
        format!("The world's declarations for a JavaScript guest running on {}.", engine.name()),
        String::new(),
        "Imported interfaces are ambient modules of their own (`import { f } from 'ns:pkg/iface'`);"
            .to_string(),
        "this module re-exports their types. Exported interfaces are what the guest module exports:"
            .to_string(),
        "`export const iface: typeof import('<this module>').iface = { ... }`.".to_string(),
        String::new(),
    ];
    out.extend(errors(engine));
    out
}

/// The `result` error convention on `engine`, as doc lines.
pub fn errors(engine: Engine) -> Vec<String> {
    let lines = match engine {
        Engine::StarlingMonkey => ERRORS_STARLINGMONKEY,
        Engine::QuickJs => ERRORS_QUICKJS,
    };
    lines.iter().map(|l| l.to_string()).collect()
}

/// StarlingMonkey's `result` convention. ComponentizeJS makes its `ComponentError` in the
/// bindings' realm, so the guest's `instanceof Error` is false for it.
const ERRORS_STARLINGMONKEY: &[&str] = &[
    "Errors: a function returning `result<T, E>` returns `T` and throws on `err`.",
    "- Calling an import, `err(e)` is thrown as an `Error` (a `ComponentError`) whose own",
    "  `payload` property is `e`. It is not `instanceof Error` in the guest's realm: test",
    "  `Object.hasOwn(err, 'payload')`.",
    "- Implementing an export, return `err(e)` by throwing an object whose own `payload` property",
    "  is `e` (for example `Object.assign(new Error(message), { payload: e })`), or by throwing `e`",
    "  itself when it is not an `Error`. Throwing any other `Error` traps.",
];

/// QuickJS's `result` convention.
const ERRORS_QUICKJS: &[&str] = &[
    "Errors: a function returning `result<T, E>` returns `T` and throws on `err`.",
    "- Calling an import, `err(e)` is thrown as an `Error` whose own `payload` property is `e`.",
    "- Implementing an export, return `err(e)` by throwing an object whose own `payload` property",
    "  is `e` (for example `Object.assign(new Error(message), { payload: e })`), or by throwing `e`",
    "  itself when it is not an `Error`. Throwing any other `Error` traps, except when `E` is",
    "  `string`: its message is the payload.",
];

/// The `@throws` line of an imported function returning `result<_, E>`, `E` as TypeScript.
pub fn throws_import(err: &str) -> String {
    format!(
        "@throws {{Error & {{ payload: {err} }}}} on `err`: an `Error` whose `payload` is the error value."
    )
}

/// The `@throws` line of an exported function returning `result<_, E>`, `E` as TypeScript.
pub fn throws_export(err: &str) -> String {
    format!(
        "@throws To return `err`, throw `{{ payload: e }}` (e: `{err}`), e.g. \
         `Object.assign(new Error(message), {{ payload: e }})`."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_escaped_and_compact() {
        let docs = Docs {
            contents: Some("ends */ early\n\nsecond".into()),
        };
        let mut out = String::new();
        push(&mut out, "  ", lines(&docs));
        assert_eq!(
            out,
            "  /**\n   * ends *\\/ early\n   *\n   * second\n   */\n"
        );
        let mut out = String::new();
        push(
            &mut out,
            "",
            vec![String::new(), "one".into(), String::new()],
        );
        assert_eq!(out, "/** one */\n");
        let mut out = String::new();
        push(&mut out, "", Vec::new());
        assert_eq!(out, "");
    }
}
