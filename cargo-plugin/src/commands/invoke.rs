//! `knit run --invoke 'name(args)'`: calls one export of a component with arguments written in
//! WAVE (the WebAssembly Value Encoding `wasmtime run --invoke` uses), and prints what it returns
//! in WAVE, one result per line.
//!
//! `name` is a function the component exports at its root (`greet`), or a function of an exported
//! instance written `instance#function` (`ns:pkg/iface#add`, `ns:pkg/iface@1.0.0#add`).

use anyhow::{Context, Result, bail};
use wasmtime::component::wasm_wave::untyped::UntypedFuncCall;
use wasmtime::component::{InstancePre, Val};
use wasmtime::{AsContextMut, Store};

/// Instantiates `pre` in `store`, calls the export `call` names and returns its results in WAVE.
/// The outer error is a mistake in the call (no such export, arguments of the wrong type); the
/// inner one is the guest failing (a trap, a limit).
pub fn invoke<T: 'static>(
    store: &mut Store<T>,
    pre: &InstancePre<T>,
    call: &str,
) -> Result<wasmtime::Result<Vec<String>>> {
    // WAVE's call syntax takes a plain name; the export's name (which may hold `:`, `/`, `@` and
    // `#`) is split off here and the arguments parsed as a call of `f`.
    let Some(open) = call.find('(') else {
        bail!("--invoke `{call}` is not a call like `name(arg, ...)`");
    };
    let name = call[..open].trim().to_string();
    let arguments = format!("f{}", &call[open..]);
    let parsed = UntypedFuncCall::parse(&arguments).map_err(|e| {
        anyhow::anyhow!("--invoke `{call}`: the arguments are not WAVE values: {e}")
    })?;
    let (instance_name, func_name) = match name.rsplit_once('#') {
        Some((instance, func)) => (Some(instance.to_string()), func.to_string()),
        None => (None, name.clone()),
    };
    let component = pre.component();
    let instance_index = match &instance_name {
        Some(instance) => Some(
            component
                .get_export_index(None, instance)
                .with_context(|| format!("the component exports no instance `{instance}`"))?,
        ),
        None => None,
    };
    let Some(func_index) = component.get_export_index(instance_index.as_ref(), &func_name) else {
        bail!(
            "the component exports no function `{name}`{}",
            if instance_name.is_none() {
                "\nhint: name a function of an exported interface as `ns:pkg/iface#function`"
            } else {
                ""
            }
        );
    };
    let instance = match pre.instantiate(store.as_context_mut()) {
        Ok(instance) => instance,
        Err(err) => return Ok(Err(err)),
    };
    let func = instance
        .get_func(store.as_context_mut(), func_index)
        .with_context(|| format!("`{name}` is not a function"))?;
    let ty = func.ty(&*store);
    let param_types: Vec<_> = ty.params().map(|(_, ty)| ty).collect();
    let params: Vec<Val> = parsed
        .to_wasm_params(param_types.iter())
        .map_err(|e| anyhow::anyhow!("the arguments of `{call}` do not fit `{name}`: {e}"))?;
    let mut results = vec![Val::Bool(false); ty.results().len()];
    if let Err(err) = func.call(store.as_context_mut(), &params, &mut results) {
        return Ok(Err(err));
    }
    results
        .iter()
        .map(|v| {
            v.to_wave()
                .map_err(|e| anyhow::anyhow!("cannot print a result of `{name}`: {e}"))
        })
        .collect::<Result<Vec<_>>>()
        .map(Ok)
}
