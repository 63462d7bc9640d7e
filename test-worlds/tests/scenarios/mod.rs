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

/// One entry of a host's record of the calls it served (`HostState::log`): `name(arg, ...)`, each
/// argument in `{:?}` form, so the record and the expected calls are written the same way.
macro_rules! call {
    ($name:expr $(, $arg:expr)* $(,)?) => {
        $crate::scenarios::call_entry($name, &[$(&$arg as &dyn std::fmt::Debug),*])
    };
}

/// The text of a [`call!`] entry.
pub fn call_entry(name: &str, args: &[&dyn std::fmt::Debug]) -> String {
    let args: Vec<String> = args.iter().map(|arg| format!("{arg:?}")).collect();
    format!("{name}({})", args.join(", "))
}

/// A long byte list or string in a call record: its length, the wrapping sum of its bytes and its
/// first bytes (a million elements would make the record unreadable).
pub struct Long<'a>(pub &'a [u8]);

impl std::fmt::Debug for Long<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sum = self
            .0
            .iter()
            .fold(0u32, |a, b| a.wrapping_add(u32::from(*b)));
        let head = &self.0[..self.0.len().min(8)];
        write!(f, "<{} bytes, sum {sum}, starting {head:?}>", self.0.len())
    }
}

/// Checks that the host recorded exactly the calls `want`, in order, since the last check (the
/// guest's own verdict on what the host returned is not enough: this is what the host received),
/// then clears the record for the next check.
pub fn check_calls(log: &mut Vec<String>, want: Vec<String>) -> anyhow::Result<()> {
    let got = std::mem::take(log);
    if got == want {
        return Ok(());
    }
    let at = got
        .iter()
        .zip(&want)
        .position(|(g, w)| g != w)
        .unwrap_or(got.len().min(want.len()));
    anyhow::bail!(
        "the host received other calls than expected: {} calls, want {}; first difference at call \
         {at}: got {:?}, want {:?}\nall calls received: {got:#?}",
        got.len(),
        want.len(),
        got.get(at),
        want.get(at)
    )
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
    compose_polyglot,
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
    hard_borrow_in_containers,
    hard_fallible_constructors,
    hard_import_export,
    hard_several_names,
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
