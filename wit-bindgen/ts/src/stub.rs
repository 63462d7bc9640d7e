//! `<world>.stub.ts`: a guest module implementing every export of the world with a body that
//! throws `Error("not implemented: <export>")`, each export annotated with (or checked against)
//! its declaration, so the skeleton type-checks and shows what to write.

use crate::functions::member_name;
use crate::layout::{WORLD, is_identifier_name, is_plain_ident};
use crate::{Generator, Site, docs, header};
use knit_bindgen_core::abi::mangle;
use knit_bindgen_core::abi::resource_of;
use knit_bindgen_core::names::{Case, Language, convert_case, ident};
use std::fmt::Write;
use wit_parser::{Function, FunctionKind, TypeId, WorldKey};

impl Generator<'_> {
    /// `export const <name>: typeof W.<name> = { ... };` for the interface exported under `key`
    /// (module `index`): one method per function, one class per resource.
    pub fn stub_interface(
        &mut self,
        index: usize,
        key: &WorldKey,
        funcs: &[&Function],
        resources: &[TypeId],
    ) -> String {
        let module = &self.layout.modules[index];
        let name = module
            .export_name
            .clone()
            .expect("exported interfaces are named");
        let mut object = String::from("{\n");
        for func in funcs.iter().filter(|f| resource_of(f).is_none()) {
            docs::push(
                &mut object,
                "  ",
                self.function_docs(func, WORLD, Site::Stub(Some(index)), false),
            );
            let _ = writeln!(
                object,
                "  {}{} {{\n    {}\n  }},",
                member_name(func),
                self.signature(func, Site::Stub(Some(index))),
                not_implemented(&mangle::export_name(self.resolve, Some(key), &func.name)),
            );
        }
        for resource in resources {
            object.push_str(&self.stub_class(index, key, *resource, funcs));
        }
        object.push('}');
        if self.layout.shared.contains(&name) {
            self.stub_shared.entry(name).or_default().push(object);
            return String::new();
        }
        let local = stub_local(&name);
        let mut out = String::from("\n");
        if let Some(iface) = module.iface {
            docs::push(
                &mut out,
                "",
                docs::lines(&self.resolve.interfaces[iface].docs),
            );
        }
        let _ = writeln!(
            out,
            "export const {local}: {} = {object};",
            self.world_member(&name)
        );
        if local != name {
            let _ = writeln!(out, "export {{ {local} as {} }};", quoted_if_needed(&name));
        }
        out
    }

    /// `Name: class { ... },` implementing resource `id` of the interface exported under `key`.
    fn stub_class(&self, index: usize, key: &WorldKey, id: TypeId, funcs: &[&Function]) -> String {
        let def = &self.resolve.types[id];
        let wit_name = def.name.as_deref().unwrap_or("resource");
        let mut out = String::new();
        docs::push(&mut out, "  ", docs::lines(&def.docs));
        let _ = writeln!(
            out,
            "  {}: class {{",
            convert_case(wit_name, Case::UpperCamel)
        );
        for func in funcs.iter().filter(|f| resource_of(f) == Some(id)) {
            docs::push(
                &mut out,
                "    ",
                self.function_docs(func, WORLD, Site::Stub(Some(index)), false),
            );
            let signature = self.signature(func, Site::Stub(Some(index)));
            let head = match func.kind {
                FunctionKind::Constructor(_) => format!("constructor{signature}"),
                FunctionKind::Static(_)
                | FunctionKind::StaticGetter(_)
                | FunctionKind::StaticSetter(_) => {
                    format!("static {}{signature}", member_name(func))
                }
                _ => format!("{}{signature}", member_name(func)),
            };
            let body = not_implemented(&mangle::export_name(self.resolve, Some(key), &func.name));
            let _ = writeln!(out, "    {head} {{\n      {body}\n    }}");
        }
        // An interface imported and exported shares one declaration, in its imported form.
        if self.sm() && self.layout.modules[index].imported {
            let body = not_implemented(&mangle::destructor_name(self.resolve, Some(key), wit_name));
            let _ = writeln!(out, "    [Symbol.dispose](): void {{\n      {body}\n    }}");
        }
        out.push_str("  },\n");
        out
    }

    /// The world's own exported functions, each checked against its declaration.
    pub fn stub_world_functions(&mut self, funcs: &[&Function]) -> String {
        let mut out = String::new();
        for func in funcs {
            let runtime = convert_case(&func.name, Case::LowerCamel);
            let body = not_implemented(&func.name);
            if self.layout.shared.contains(&runtime) {
                let (params, result) = self.params_and_result(func, Site::Stub(None));
                let arrow = format!("({params}): {result} => {{\n  {body}\n}}");
                self.stub_shared
                    .entry(runtime)
                    .or_default()
                    .insert(0, arrow);
                continue;
            }
            let local = ident(Language::TypeScript, &func.name, Case::LowerCamel);
            let export = if local == runtime { "export " } else { "" };
            out.push('\n');
            docs::push(
                &mut out,
                "",
                self.function_docs(func, WORLD, Site::Stub(None), false),
            );
            let _ = writeln!(
                out,
                "{export}function {local}{} {{\n  {body}\n}}",
                self.signature(func, Site::Stub(None)),
            );
            if local != runtime {
                let _ = writeln!(out, "export {{ {local} as {runtime} }};");
            }
            let _ = writeln!(out, "{local} satisfies {};", self.world_member(&runtime));
        }
        out
    }

    /// Exports QuickJS finds under one name: one value, the function (if any) with the
    /// interfaces' functions and classes as properties.
    fn stub_shared_exports(&self) -> String {
        let mut out = String::new();
        for (name, parts) in &self.stub_shared {
            let is_function = parts.first().is_some_and(|p| p.starts_with('('));
            let mut args: Vec<String> = Vec::new();
            if !is_function {
                args.push("{}".into());
            }
            args.extend(parts.iter().map(|p| p.replace('\n', "\n  ")));
            let local = stub_local(name);
            let _ = writeln!(
                out,
                "\n// QuickJS finds these exports under one name: one value holds them all.\n\
                 export const {local}: {} = Object.assign(\n  {},\n);",
                self.world_member(name),
                args.join(",\n  ")
            );
            if local != *name {
                let _ = writeln!(out, "export {{ {local} as {} }};", quoted_if_needed(name));
            }
        }
        out
    }

    /// The type of the world module's export `name`: `typeof W.name` or `(typeof W)['a:b/c']`.
    fn world_member(&self, name: &str) -> String {
        self.stub_uses.borrow_mut().insert(WORLD);
        let alias = &self.layout.modules[WORLD].stub_alias;
        if is_identifier_name(name) {
            format!("typeof {alias}.{name}")
        } else {
            format!("(typeof {alias})['{name}']")
        }
    }

    /// The whole stub: the declarations it uses, imported by alias, then its body.
    pub fn stub_file(&self) -> String {
        let mut out = header(self.opts.engine);
        let world = &self.layout.modules[WORLD];
        let _ = writeln!(out, "/// <reference path=\"./{}\" />", world.file);
        let w = &self.resolve.worlds[self.world];
        docs::push(
            &mut out,
            "",
            vec![
                format!("A skeleton of the guest module of world `{}`.", w.name),
                "Every export throws until it is written; each is checked against its declaration."
                    .into(),
            ],
        );
        let shared = self.stub_shared_exports();
        for index in self.stub_uses.borrow().iter() {
            let module = &self.layout.modules[*index];
            let _ = writeln!(
                out,
                "import type * as {} from '{}';",
                module.stub_alias, module.spec
            );
        }
        out.push_str(&self.stub);
        out.push_str(&shared);
        if self.stub.is_empty() && shared.is_empty() {
            out.push_str("\n// The world exports nothing.\nexport {};\n");
        }
        out
    }
}

/// The binding name of an export the stub defines under `name`: `name` itself when it is a
/// plain identifier, else an escaped form exported under `name`.
fn stub_local(name: &str) -> String {
    if is_plain_ident(name) {
        return name.to_string();
    }
    let kebab: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("{}_", convert_case(&kebab, Case::LowerCamel))
}

/// `name` as written after `export { x as ... }`: quoted unless it is an identifier name.
fn quoted_if_needed(name: &str) -> String {
    if is_identifier_name(name) {
        name.to_string()
    } else {
        format!("'{name}'")
    }
}

/// The body of every stubbed function.
fn not_implemented(what: &str) -> String {
    format!("throw new Error(\"not implemented: {what}\");")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locals_of_export_names() {
        assert_eq!(stub_local("iface"), "iface");
        assert_eq!(stub_local("interface"), "interface_");
        assert_eq!(stub_local("a:b/api@2.0.0"), "aBApi200_");
        assert_eq!(stub_local("my-box"), "myBox_");
    }
}
