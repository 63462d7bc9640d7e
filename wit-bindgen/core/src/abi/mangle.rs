//! The core import and export names a guest uses, following the standard 32-bit name mangling
//! that `wit-component` expects of a core module.

use wit_parser::{Resolve, WorldKey};

/// The core module name of an imported function: the interface's name (`wasi:io/streams@0.2.0`,
/// or the plain name of an inline interface), or `$root` for world-level functions.
pub fn import_module(resolve: &Resolve, key: Option<&WorldKey>) -> String {
    match key {
        Some(key) => resolve.name_world_key(key),
        None => "$root".to_string(),
    }
}

/// The core module through which a guest reaches the intrinsics of a resource it exports
/// (`[resource-new]`, `[resource-rep]`, `[resource-drop]`).
pub fn exported_resource_module(resolve: &Resolve, key: Option<&WorldKey>) -> String {
    format!("[export]{}", import_module(resolve, key))
}

/// The core export name of an exported function: `iface#func`, or just `func` at world level.
pub fn export_name(resolve: &Resolve, key: Option<&WorldKey>, func: &str) -> String {
    match key {
        Some(key) => format!("{}#{func}", resolve.name_world_key(key)),
        None => func.to_string(),
    }
}

/// The core export name of an export's post-return function.
pub fn post_return_name(export_name: &str) -> String {
    format!("cabi_post_{export_name}")
}

/// The core export name of an exported resource's destructor.
pub fn destructor_name(resolve: &Resolve, key: Option<&WorldKey>, resource: &str) -> String {
    export_name(resolve, key, &format!("[dtor]{resource}"))
}
