//! Resource types: handle structs for imported resources, and for exported ones the handle, its
//! borrowed form, and the trait the user's type implements.

use crate::functions::{fn_name, is_method, resource_of};
use crate::types::Position;
use crate::{Generator, push_docs, rust_ident};
use knit_bindgen_core::abi::fallible_constructor;
use knit_bindgen_core::names::Case;
use knit_bindgen_core::walk::ResourceSite;
use std::fmt::Write;
use wit_parser::{FunctionKind, TypeId, TypeOwner};

impl Generator<'_> {
    /// The handle struct of an imported resource.
    pub fn imported_resource(&self, id: TypeId, _module: &[String]) -> String {
        let wit_name = self.resolve.types[id].name.clone().unwrap_or_default();
        let name = rust_ident(&wit_name, Case::UpperCamel);
        let import_module = ResourceSite::in_scope(self.resolve, self.world, id, self.current_key)
            .import_module(self.resolve);
        format!(
            r#"#[derive(Debug)]
#[repr(transparent)]
pub struct {name} {{
    handle: _rt::Resource<{name}>,
}}
impl _rt::FromHandle for {name} {{
    unsafe fn from_handle(handle: u32) -> Self {{
        Self {{ handle: unsafe {{ _rt::Resource::from_handle(handle) }} }}
    }}
}}
impl _rt::AsHandle for {name} {{
    fn handle(&self) -> u32 {{
        self.handle.handle()
    }}
    fn take_handle(&self) -> u32 {{
        self.handle.take_handle()
    }}
}}
impl _rt::ResourceHandle for {name} {{
    unsafe fn drop_handle(handle: u32) {{
        #[cfg(target_arch = "wasm32")]
        #[link(wasm_import_module = {import_module:?})]
        unsafe extern "C" {{
            #[link_name = "[resource-drop]{wit_name}"]
            fn drop(_: i32);
        }}
        #[cfg(not(target_arch = "wasm32"))]
        unsafe fn drop(_: i32) {{
            unreachable!("WIT imports are only available on wasm32")
        }}
        unsafe {{ drop(handle as i32) }}
    }}
}}
"#
        )
    }

    /// The handle struct, borrow type and `Guest*` trait of an exported resource.
    pub fn exported_resource(&self, id: TypeId, module: &[String]) -> String {
        let wit_name = self.resolve.types[id].name.clone().unwrap_or_default();
        let name = rust_ident(&wit_name, Case::UpperCamel);
        let intrinsics = ResourceSite::in_scope(self.resolve, self.world, id, self.current_key)
            .export_module(self.resolve);
        let mut out = format!(
            r#"/// A handle to an exported `{wit_name}`: owns one of the guest's `Guest{name}` values.
#[derive(Debug)]
#[repr(transparent)]
pub struct {name} {{
    handle: _rt::Resource<{name}>,
}}
/// A borrowed `{wit_name}`, as exports receive it.
#[derive(Debug, Clone, Copy)]
pub struct {borrow}<'a> {{
    rep: usize,
    _marker: ::core::marker::PhantomData<&'a {name}>,
}}
#[cfg(target_arch = "wasm32")]
#[link(wasm_import_module = {intrinsics:?})]
unsafe extern "C" {{
    #[link_name = "[resource-new]{wit_name}"]
    fn {snake}_resource_new(rep: i32) -> i32;
    #[link_name = "[resource-rep]{wit_name}"]
    fn {snake}_resource_rep(handle: i32) -> i32;
    #[link_name = "[resource-drop]{wit_name}"]
    fn {snake}_resource_drop(handle: i32);
}}
#[cfg(not(target_arch = "wasm32"))]
unsafe fn {snake}_resource_new(_: i32) -> i32 {{ unreachable!("resources exist only on wasm32") }}
#[cfg(not(target_arch = "wasm32"))]
unsafe fn {snake}_resource_rep(_: i32) -> i32 {{ unreachable!("resources exist only on wasm32") }}
#[cfg(not(target_arch = "wasm32"))]
unsafe fn {snake}_resource_drop(_: i32) {{ unreachable!("resources exist only on wasm32") }}
impl {name} {{
    /// Moves `value` into a new resource and returns the owning handle.
    pub fn new<T: Guest{name}>(value: T) -> Self {{
        let rep = _rt::Box::into_raw(_rt::Box::new(value)) as usize as i32;
        unsafe {{ <Self as _rt::FromHandle>::from_handle({snake}_resource_new(rep) as u32) }}
    }}
    /// The guest value behind the handle. `T` must be the type the resource was created with.
    pub fn get<T: Guest{name}>(&self) -> &T {{
        unsafe {{ &*({snake}_resource_rep(self.handle.handle() as i32) as u32 as usize as *const T) }}
    }}
    #[doc(hidden)]
    pub unsafe fn dtor<T: Guest{name}>(rep: i32) {{
        unsafe {{ ::core::mem::drop(_rt::Box::from_raw(rep as u32 as usize as *mut T)) }}
    }}
}}
impl _rt::ResourceHandle for {name} {{
    unsafe fn drop_handle(handle: u32) {{
        unsafe {{ {snake}_resource_drop(handle as i32) }}
    }}
}}
impl _rt::FromHandle for {name} {{
    unsafe fn from_handle(handle: u32) -> Self {{
        Self {{ handle: unsafe {{ _rt::Resource::from_handle(handle) }} }}
    }}
}}
impl _rt::AsHandle for {name} {{
    fn handle(&self) -> u32 {{
        self.handle.handle()
    }}
    fn take_handle(&self) -> u32 {{
        self.handle.take_handle()
    }}
}}
impl<'a> {borrow}<'a> {{
    #[doc(hidden)]
    pub unsafe fn lift(rep: usize) -> Self {{
        Self {{ rep, _marker: ::core::marker::PhantomData }}
    }}
    /// The guest value borrowed. `T` must be the type the resource was created with.
    pub fn get<T: Guest{name}>(&self) -> &'a T {{
        unsafe {{ &*(self.rep as *const T) }}
    }}
    /// The representation (the address of the guest value).
    pub fn rep(&self) -> usize {{
        self.rep
    }}
}}
"#,
            snake = rust_ident(&wit_name, Case::Snake).trim_start_matches("r#"),
            borrow = knit_bindgen_core::names::escape(
                knit_bindgen_core::names::Language::Rust,
                &format!(
                    "{}Borrow",
                    knit_bindgen_core::names::convert_case(&wit_name, Case::UpperCamel)
                ),
            ),
        );
        // The trait the user's type implements.
        let TypeOwner::Interface(iface) = self.resolve.types[id].owner else {
            return out;
        };
        push_docs(&mut out, &self.resolve.types[id].docs, "///");
        let _ = writeln!(out, "pub trait Guest{name}: 'static {{");
        for (_, func) in &self.resolve.interfaces[iface].functions {
            if resource_of(func) != Some(id) {
                continue;
            }
            push_docs(&mut out, &func.docs, "    ///");
            let _ = writeln!(out, "    {};", self.export_signature(func, module));
        }
        out.push_str("}\n");
        out
    }

    /// The signature of an export as the user implements it (no trailing `;` or body).
    pub fn export_signature(&self, func: &wit_parser::Function, module: &[String]) -> String {
        let mut params = Vec::new();
        for (i, param) in func.params.iter().enumerate() {
            if i == 0 && is_method(func) {
                params.push("&self".to_string());
                continue;
            }
            let name = rust_ident(&param.name, Case::Snake);
            params.push(format!(
                "{name}: {}",
                self.ty(&param.ty, module, self.export_side, Position::ExportParam)
            ));
        }
        let ret = match (&func.kind, func.result) {
            (FunctionKind::Constructor(_), _) => match fallible_constructor(self.resolve, func) {
                Some(err) => {
                    let err = err.map_or_else(
                        || "()".to_string(),
                        |e| self.ty(&e, module, self.export_side, Position::Owned),
                    );
                    format!(" -> ::core::result::Result<Self, {err}> where Self: Sized")
                }
                None => " -> Self where Self: Sized".to_string(),
            },
            (_, Some(ty)) => format!(
                " -> {}",
                self.ty(&ty, module, self.export_side, Position::Owned)
            ),
            (_, None) => String::new(),
        };
        format!(
            "fn {}({}){ret}",
            fn_name(self.resolve, func),
            params.join(", ")
        )
    }
}
