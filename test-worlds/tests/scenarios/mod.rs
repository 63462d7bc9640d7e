//! The host checks, one module per scenario folder (module `foo_bar` checks `scenarios/foo-bar/`).
//! Each exposes `run(language)`, which instantiates that language's guest through knit's host
//! bindings (`knit_macros::host!`) and checks results both ways.

/// Fails with both values when `got != want`.
macro_rules! check {
    ($got:expr, $want:expr $(,)?) => {{
        let got = $got;
        let want = $want;
        anyhow::ensure!(
            got == want,
            "{}: got {:?}, want {:?}",
            stringify!($got),
            got,
            want
        );
    }};
}

/// Turns a guest's `result<_, string>` self-check into an error.
pub fn guest_ok(what: &str, result: Result<(), String>) -> anyhow::Result<()> {
    result.map_err(|e| anyhow::anyhow!("the guest's {what} failed: {e}"))
}

/// The import names of a component, in order.
pub fn import_names(bytes: &[u8]) -> anyhow::Result<Vec<String>> {
    let engine = knit_test_worlds::engine();
    let component = wasmtime::component::Component::new(engine, bytes)?;
    Ok(component
        .component_type()
        .imports(engine)
        .map(|(name, _)| name.to_string())
        .collect())
}

macro_rules! scenarios {
    ($($module:ident),* $(,)?) => {
        $(mod $module;)*
        /// The host check of scenario folder `name`.
        pub fn host_check(name: &str) -> Option<fn(&str) -> anyhow::Result<()>> {
            $(if name == stringify!($module).replace('_', "-") { return Some($module::run); })*
            None
        }
    };
}

scenarios! {
    async_host,
    basics,
    bools,
    chars,
    cli_run,
    compose_chain,
    compose_diamond,
    compose_go_rust,
    compose_versions,
    enums,
    errors,
    exported_interfaces,
    flags_1,
    flags_17,
    flags_32,
    flags_9,
    floats_32,
    floats_64,
    instance_pre,
    ints_16,
    ints_32,
    ints_64,
    ints_8,
    keywords,
    lists_large,
    lists_of_lists,
    lists_of_plain_records,
    lists_of_records,
    lists_of_strings,
    lists_primitive,
    many_params,
    many_results,
    options_nested,
    records,
    resources_borrow_own,
    resources_export,
    resources_import,
    resources_in_containers,
    resources_lend_to_guest,
    resources_passed_back,
    results_nested,
    strings,
    strings_large,
    trap,
    trappable_imports,
    tuples,
    type_aliases,
    variants,
    with_wasi,
}
