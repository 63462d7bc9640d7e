//! Compiles knit's host bindings for every world of the codegen corpus (`test-worlds/codegen/`),
//! with the default options and with every function async and trappable. The generated code uses
//! wasmtime's derives and layout assertions, so compiling it checks that wasmtime's size and
//! alignment of every generated type equal the canonical ABI's.
//!
//! Left out: worlds with functions of more than 17 parameters (wasmtime's typed API stops there;
//! the generator reports it, see `too_many_parameters_is_an_error` in the host crate) and
//! `world-include.wit` (several worlds; covered by its single-world siblings).

macro_rules! corpus {
    ($($module:ident: $path:literal,)*) => {
        mod plain {
            $(#[allow(dead_code, unused)] pub mod $module { knit_macros::host!({ path: $path }); })*
        }
        mod all_async_trappable {
            $(#[allow(dead_code, unused)] pub mod $module { knit_macros::host!({ path: $path, async: ["*"], trappable: ["*"] }); })*
        }
    };
}

corpus! {
    borrowing_duplicates: "codegen/borrowing-duplicates.wit",
    deep_nesting: "codegen/deep-nesting.wit",
    docs_everywhere: "codegen/docs-everywhere.wit",
    empty_world: "codegen/empty-world.wit",
    enum_variant_large: "codegen/enum-variant-large.wit",
    enums: "codegen/enums.wit",
    export_uses_imported: "codegen/export-uses-imported.wit",
    feature_gates_partial: "codegen/feature-gates-partial.wit",
    feature_gates: "codegen/feature-gates.wit",
    flags_positions: "codegen/flags-positions.wit",
    flags_sizes: "codegen/flags-sizes.wit",
    flat_limits_boundary: "codegen/flat-limits-boundary.wit",
    hard_borrow_in_container_export: "codegen/hard-borrow-in-container-export.wit",
    hard_fallible_constructor: "codegen/hard-fallible-constructor.wit",
    hard_flags_across_interfaces: "codegen/hard-flags-across-interfaces.wit",
    hard_generated_name_clash: "codegen/hard-generated-name-clash.wit",
    hard_import_export_same_use_rename: "codegen/hard-import-export-same-use-rename.wit",
    hard_interface_under_several_names: "codegen/hard-interface-under-several-names.wit",
    interface_inline: "codegen/interface-inline.wit",
    interfaces_many: "codegen/interfaces-many.wit",
    keywords_go: "codegen/keywords-go.wit",
    keywords_packages: "codegen/keywords-packages.wit",
    keywords_rust_reserved: "codegen/keywords-rust-reserved.wit",
    keywords_rust: "codegen/keywords-rust.wit",
    keywords_wit_escaped: "codegen/keywords-wit-escaped.wit",
    kind_matrix_world: "codegen/kind-matrix-world.wit",
    list_canonical: "codegen/list-canonical.wit",
    lists_of_records: "codegen/lists-of-records.wit",
    lists_primitive: "codegen/lists-primitive.wit",
    many_results: "codegen/many-results.wit",
    module_name_clashes: "codegen/module-name-clashes.wit",
    name_clash_iface_func: "codegen/name-clash-iface-func.wit",
    name_clash_import_export: "codegen/name-clash-import-export.wit",
    names_acronyms_digits: "codegen/names-acronyms-digits.wit",
    nested_packages: "codegen/nested-packages.wit",
    options: "codegen/options.wit",
    prelude_clash: "codegen/prelude-clash.wit",
    primitives_export: "codegen/primitives-export.wit",
    primitives_params: "codegen/primitives-params.wit",
    primitives_results: "codegen/primitives-results.wit",
    primitives_world_level: "codegen/primitives-world-level.wit",
    record_single_field: "codegen/record-single-field.wit",
    records_basic: "codegen/records-basic.wit",
    records_nested: "codegen/records-nested.wit",
    resource_method_types: "codegen/resource-method-types.wit",
    resource_name_clashes: "codegen/resource-name-clashes.wit",
    resource_shapes: "codegen/resource-shapes.wit",
    resources_borrow_export: "codegen/resources-borrow-export.wit",
    resources_cross_interface: "codegen/resources-cross-interface.wit",
    resources_export: "codegen/resources-export.wit",
    resources_import: "codegen/resources-import.wit",
    resources_in_containers: "codegen/resources-in-containers.wit",
    resources_world_level: "codegen/resources-world-level.wit",
    results: "codegen/results.wit",
    strings: "codegen/strings.wit",
    tuples: "codegen/tuples.wit",
    type_aliases: "codegen/type-aliases.wit",
    types_only: "codegen/types-only.wit",
    unit_functions: "codegen/unit-functions.wit",
    use_across_interfaces: "codegen/use-across-interfaces.wit",
    use_rename: "codegen/use-rename.wit",
    variant_payload_kinds: "codegen/variant-payload-kinds.wit",
    variants_basic: "codegen/variants-basic.wit",
    variants_mixed_width: "codegen/variants-mixed-width.wit",
    wasi_cli_imports: "codegen/wasi-cli-imports.wit",
    wasi_http_handler: "codegen/wasi-http-handler.wit",
    wasi_include_command: "codegen/wasi-include-command.wit",
    world_level_types: "codegen/world-level-types.wit",
    name_clash_types: "codegen/name-clash-types",
    two_versions: "codegen/two-versions",
    use_across_packages: "codegen/use-across-packages",
}

#[test]
fn corpus_compiles() {
    // Compiling this file is the test; this names one generated item so the test is not empty.
    let _ =
        std::mem::size_of::<plain::records_basic::exports::test::records_basic::shapes::Guest>();
}
