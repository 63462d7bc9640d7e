//! Strings, a list of records, a result, and a guest calling host imports.

use anyhow::{Result, ensure};
use knit_test_worlds::{Host, rust_guest};
use wasmtime::component::Val;

fn point(x: i32, y: i32, label: &str) -> Val {
    Val::Record(vec![("x".into(), Val::S32(x)), ("y".into(), Val::S32(y)), ("label".into(), Val::String(label.into()))])
}

pub fn run(_language: &str) -> Result<()> {
    let mut host = Host::new(&rust_guest("basics")?)?;
    let mut iface = host.linker.instance("knit:basics/host")?;
    iface.func_new("log", |mut store, _ty, params, _results| {
        let [Val::String(msg)] = params else { wasmtime::bail!("log: unexpected params {params:?}") };
        store.data_mut().log.push(msg.clone());
        Ok(())
    })?;
    iface.func_new("add-one", |_store, _ty, params, results| {
        let [Val::U32(x)] = params else { wasmtime::bail!("add-one: unexpected params {params:?}") };
        results[0] = Val::U32(x + 1);
        Ok(())
    })?;
    let instance = host.linker.instantiate(&mut host.store, &host.component)?;
    let mut call = |name: &str, args: &[Val]| -> Result<Val> {
        let func = instance.get_func(&mut host.store, name).ok_or_else(|| anyhow::anyhow!("no export `{name}`"))?;
        let mut results = vec![Val::Bool(false)];
        func.call(&mut host.store, args, &mut results)?;
        Ok(results.remove(0))
    };

    let greeting = call("greet", &[Val::String("wörld ✓".into())])?;
    ensure!(greeting == Val::String("hello, wörld ✓!".into()), "greet returned {greeting:?}");
    let empty = call("greet", &[Val::String(String::new())])?;
    ensure!(empty == Val::String("hello, !".into()), "greet(\"\") returned {empty:?}");

    let points = Val::List(vec![point(1, 2, "a"), point(-10, 20, "βeta"), point(100, -200, "")]);
    let sum = call("sum-points", &[points])?;
    ensure!(sum == point(91, -178, "a+βeta+"), "sum-points returned {sum:?}");
    let none = call("sum-points", &[Val::List(vec![])])?;
    ensure!(none == point(0, 0, ""), "sum-points([]) returned {none:?}");

    let ok = call("checked-div", &[Val::U32(84), Val::U32(2)])?;
    ensure!(ok == Val::Result(Ok(Some(Box::new(Val::U32(42))))), "checked-div ok returned {ok:?}");
    let err = call("checked-div", &[Val::U32(1), Val::U32(0)])?;
    let expected = Val::Result(Err(Some(Box::new(Val::String("cannot divide 1 by zero".into())))));
    ensure!(err == expected, "checked-div err returned {err:?}");

    let doubled = call("call-host", &[Val::U32(20)])?;
    ensure!(doubled == Val::U32(42), "call-host returned {doubled:?}");
    ensure!(host.store.data().log == ["call-host(20)"], "host log is {:?}", host.store.data().log);
    Ok(())
}
