//! Resources: a handle type with methods and `Drop` for imported resources; for a component's own
//! (exported) resources, a Go interface the user's values implement, the table that maps
//! representations to those values, and the helpers generated code uses to move them across.

use crate::Generator;
use knit_bindgen_core::walk::ResourceSite;
use std::fmt::Write;
use wit_parser::{TypeId, TypeOwner};

impl Generator<'_> {
    /// The handle type of an imported resource (its methods are rendered with the functions).
    pub fn imported_resource(&self, id: TypeId, name: &str) -> String {
        let wit = self.resolve.types[id].name.clone().unwrap_or_default();
        let module =
            ResourceSite::in_scope(self.resolve, self.world, id, self.current_key.as_ref())
                .import_module(self.resolve);
        let pkg = self.current.get();
        let drop_fn = self.claim(pkg, &format!("wasmimport_drop_{name}"));
        format!(
            "type {name} struct {{\n\thandle int32\n}}\n\n\
             //go:wasmimport {module} [resource-drop]{wit}\n\
             func {drop_fn}(handle int32)\n\n\
             // Drop gives the handle back; the value must not be used afterwards.\n\
             func (self {name}) Drop() {{\n\t{drop_fn}(self.handle)\n}}\n\n\
             // Handle is the raw handle.\n\
             func (self {name}) Handle() int32 {{\n\treturn self.handle\n}}\n\n\
             // {name}_FromHandle wraps a raw handle (for generated code).\n\
             func {name}_FromHandle(handle int32) {name} {{\n\treturn {name}{{handle: handle}}\n}}\n\n"
        )
    }

    /// The interface, table and helpers of a resource this component exports.
    pub fn exported_resource(&self, id: TypeId, name: &str) -> String {
        let wit = self.resolve.types[id].name.clone().unwrap_or_default();
        let site = ResourceSite::in_scope(self.resolve, self.world, id, self.current_key.as_ref());
        let (module, dtor) = (
            site.export_module(self.resolve),
            site.destructor(self.resolve),
        );
        let pkg = self.current.get();
        let claim = |base: &str| self.claim(pkg, &format!("{base}_{name}"));
        let (new_fn, rep_fn, drop_fn, table, dtor_fn) = (
            claim("wasmimport_new"),
            claim("wasmimport_rep"),
            claim("wasmimport_drop"),
            claim("table"),
            claim("wasmexport_dtor"),
        );
        let cm = self.cm();
        let mut out = format!("type {name} interface {{\n");
        if let TypeOwner::Interface(iface) = self.resolve.types[id].owner {
            for func in self.resolve.interfaces[iface].functions.values() {
                if crate::functions::resource_of(func) != Some(id)
                    || !crate::functions::is_method(func)
                {
                    continue;
                }
                crate::push_docs_indented(&mut out, &func.docs, "\t");
                let names = crate::functions::param_names(func);
                let _ = writeln!(
                    out,
                    "\t{}({}){}",
                    self.method_name(id, func),
                    self.params_of(func, &names, true),
                    self.results_of(func, true)
                );
            }
        }
        out.push_str("}\n\n");
        let _ = write!(
            out,
            "var {table} {cm}Table[{name}]\n\n\
             //go:wasmimport {module} [resource-new]{wit}\n\
             func {new_fn}(rep int32) int32\n\n\
             //go:wasmimport {module} [resource-rep]{wit}\n\
             func {rep_fn}(handle int32) int32\n\n\
             //go:wasmimport {module} [resource-drop]{wit}\n\
             func {drop_fn}(handle int32)\n\n\
             //go:wasmexport {dtor}\n\
             func {dtor_fn}(rep int32) {{\n\
             \tif v, ok := {table}.Remove(rep); ok {{\n\
             \t\tif d, ok := v.({cm}Dropper); ok {{\n\t\t\td.Drop()\n\t\t}}\n\t}}\n}}\n\n\
             // {name}_LowerOwn gives v to the caller as a new handle (for generated code).\n\
             func {name}_LowerOwn(v {name}) int32 {{\n\treturn {new_fn}({table}.Add(v))\n}}\n\n\
             // {name}_LiftOwn takes back a value whose handle the caller gave up (for generated code).\n\
             func {name}_LiftOwn(handle int32) {name} {{\n\
             \trep := {rep_fn}(handle)\n\
             \tv, _ := {table}.Remove(rep)\n\
             \t{drop_fn}(handle)\n\
             \treturn v\n}}\n\n\
             // {name}_LiftBorrow returns the value a borrowed handle refers to (for generated code).\n\
             func {name}_LiftBorrow(rep int32) {name} {{\n\treturn {table}.Get(rep)\n}}\n\n\
             // {name}_Rep finds the representation of a value still held by a handle (for generated code).\n\
             func {name}_Rep(v {name}) int32 {{\n\treturn {table}.Find(v)\n}}\n\n\
             // {name}_Live is the number of values the host still holds handles to.\n\
             func {name}_Live() int {{\n\treturn {table}.Len()\n}}\n\n"
        );
        out
    }
}
