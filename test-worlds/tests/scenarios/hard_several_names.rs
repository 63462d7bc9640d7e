//! One interface imported under three names (`import primary: store; import secondary: store;
//! import store;`) and exported under a fourth (`export backup: store;`). The host serves each
//! import with its own instance (every answer names it), records which instance each call reached
//! and whose bucket it was given, and checks that each bucket is dropped once, by its own instance.
//! The guest's exported instance is called and its buckets dropped the same way.
//!
//! knit's wit-component names such imports with the component model's `implements` annotation
//! (`[implements=<knit:hard-several-names/store>]primary`), which wasmtime 48 reads only with
//! `Config::wasm_component_model_implements`: this scenario runs on its own engine with it on.
//! The Rust guest is linked as a core module (see its `build.rs`) and componentized here.

use super::check_calls;
use anyhow::{Context, Result};
use knit_test_worlds::guest;
use std::collections::BTreeMap;
use std::sync::OnceLock;
use wasmtime::component::{Component, Linker, Resource, ResourceTable};
use wasmtime::{Engine, Store};
use wasmtime_wasi::p2::pipe::MemoryOutputPipe;
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

knit_macros::host!({ path: "scenarios/hard-several-names/test.wit" });

use exports::backup;
use knit::hard_several_names::store as plain;

/// An engine that reads `implements` names.
fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let mut config = knit_test_worlds::engine_config();
        config.wasm_component_model_implements(true);
        Engine::new(&config).expect("the engine's configuration is valid")
    })
}

/// The store's state: WASI, the record of calls, and the buckets.
pub struct State {
    wasi: WasiCtx,
    table: ResourceTable,
    stderr: MemoryOutputPipe,
    log: Vec<String>,
    data: Stores,
}

impl WasiView for State {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

/// A bucket the host made: the instance that made it, its name and its number in order of making.
struct BucketData {
    instance: &'static str,
    name: String,
    serial: u32,
}

/// Every bucket alive, by handle representation.
#[derive(Default)]
pub struct Stores {
    buckets: BTreeMap<u32, BucketData>,
    made: u32,
}

/// How the record names the bucket `rep` when instance `serving` is called with it.
fn bucket_name(state: &State, serving: &str, rep: u32) -> String {
    match state.data.buckets.get(&rep) {
        Some(b) if b.instance == serving => format!("{serving} bucket #{}", b.serial),
        Some(b) => format!("{serving} given {}'s bucket #{}", b.instance, b.serial),
        None => format!("{serving} given unknown bucket (rep {rep})"),
    }
}

/// An instance's `open`: `Err(Some(name))` is `missing(name)`, `Err(None)` is `other`.
fn open(
    state: &mut State,
    instance: &'static str,
    name: String,
) -> Result<u32, Option<String>> {
    state.log.push(format!("{instance}.open({name:?})"));
    match name.as_str() {
        "nope" => Err(Some(name)),
        "" => Err(None),
        _ => {
            state.data.made += 1;
            // The serial is the handle's representation too: unique across the instances.
            let serial = state.data.made;
            let bucket = BucketData {
                instance,
                name,
                serial,
            };
            state.data.buckets.insert(serial, bucket);
            Ok(serial)
        }
    }
}

/// An instance's `get`.
fn get(state: &mut State, instance: &str, key: String) -> Option<String> {
    state.log.push(format!("{instance}.get({key:?})"));
    (key != "nope").then(|| format!("{instance}:{key}"))
}

/// A bucket's `name`.
fn name(state: &mut State, instance: &str, rep: u32) -> String {
    let bucket = bucket_name(state, instance, rep);
    state.log.push(format!("{bucket}.name"));
    match state.data.buckets.get(&rep) {
        Some(b) => format!("{}/{}#{}", b.instance, b.name, b.serial),
        None => "?".into(),
    }
}

/// A bucket's `get`: `Err(key)` is `missing(key)`.
fn bucket_get(
    state: &mut State,
    instance: &str,
    rep: u32,
    key: String,
) -> Result<Option<Vec<u8>>, String> {
    let bucket = bucket_name(state, instance, rep);
    state.log.push(format!("{bucket}.get({key:?})"));
    let Some(b) = state.data.buckets.get(&rep) else {
        return Ok(None);
    };
    match key.as_str() {
        "nope" => Ok(None),
        "err" => Err(key),
        _ => Ok(Some(format!("{}/{}/{key}", b.instance, b.name).into_bytes())),
    }
}

/// A bucket's destructor.
fn drop_bucket(state: &mut State, instance: &str, rep: u32) {
    let bucket = bucket_name(state, instance, rep);
    state.log.push(format!("{bucket}.drop"));
    state.data.buckets.remove(&rep);
}

/// Serves the import of `store` under one name (`$m` is its generated module).
macro_rules! serve {
    ($m:ident, $instance:literal) => {
        impl $m::HostBucket for State {
            fn name(&mut self, b: Resource<$m::Bucket>) -> String {
                name(self, $instance, b.rep())
            }
            fn get(
                &mut self,
                b: Resource<$m::Bucket>,
                key: String,
            ) -> Result<Option<Vec<u8>>, $m::Error> {
                bucket_get(self, $instance, b.rep(), key).map_err($m::Error::Missing)
            }
            fn drop(&mut self, b: Resource<$m::Bucket>) -> wasmtime::Result<()> {
                drop_bucket(self, $instance, b.rep());
                Ok(())
            }
        }

        impl $m::Host for State {
            fn open(&mut self, name: String) -> Result<Resource<$m::Bucket>, $m::Error> {
                match open(self, $instance, name) {
                    Ok(rep) => Ok(Resource::new_own(rep)),
                    Err(Some(name)) => Err($m::Error::Missing(name)),
                    Err(None) => Err($m::Error::Other),
                }
            }
            fn get(&mut self, key: String) -> Option<String> {
                get(self, $instance, key)
            }
        }
    };
}

serve!(primary, "primary");
serve!(secondary, "secondary");
serve!(plain, "store");

/// The lines the guest reports for the import `label`, whose bucket is the `serial`th made.
fn lines_of(label: &str, serial: u32) -> Vec<String> {
    vec![
        format!("{label}.get(k) = some({label}:k)"),
        format!("{label}.get(nope) = none"),
        format!("{label}.open(nope) = err(missing(nope))"),
        format!("{label}.open() = err(other)"),
        format!("{label} bucket.name() = {label}/b#{serial}"),
        format!("{label} bucket.get(k) = ok(some({label}/b/k))"),
        format!("{label} bucket.get(nope) = ok(none)"),
        format!("{label} bucket.get(err) = err(missing(err))"),
    ]
}

/// The calls instance `label` receives for those lines.
fn calls_of(label: &str, serial: u32) -> Vec<String> {
    let bucket = format!("{label} bucket #{serial}");
    vec![
        format!("{label}.get(\"k\")"),
        format!("{label}.get(\"nope\")"),
        format!("{label}.open(\"nope\")"),
        format!("{label}.open(\"\")"),
        format!("{label}.open(\"b\")"),
        format!("{bucket}.name"),
        format!("{bucket}.get(\"k\")"),
        format!("{bucket}.get(\"nope\")"),
        format!("{bucket}.get(\"err\")"),
    ]
}

pub fn run(language: &str) -> Result<()> {
    let built = knit_guest_build::component::ensure_component(&guest("hard-several-names", language)?)?;
    let component = Component::new(engine(), &built.bytes)
        .map_err(anyhow::Error::from)
        .with_context(|| format!("loading {}", built.path.display()))?;
    let mut linker = Linker::new(engine());
    wasmtime_wasi::p2::add_to_linker_sync(&mut linker)?;
    HardSeveralNames::add_to_linker(&mut linker, |state| state)?;
    let stderr = MemoryOutputPipe::new(1 << 20);
    let state = State {
        wasi: WasiCtx::builder().stderr(stderr.clone()).build(),
        table: ResourceTable::new(),
        stderr,
        log: Vec::new(),
        data: Stores::default(),
    };
    let mut store = Store::new(engine(), state);
    let guest = HardSeveralNames::instantiate(&mut store, &component, &linker)?;
    let result = check(&guest, &mut store);
    let stderr = String::from_utf8_lossy(&store.data().stderr.contents()).into_owned();
    result.with_context(|| format!("the guest's stderr: {stderr:?}"))
}

fn check(guest: &HardSeveralNames, store: &mut Store<State>) -> Result<()> {
    // Each import reaches its own instance, and each bucket goes back to the one that made it.
    let mut want = lines_of("primary", 1);
    want.extend(lines_of("secondary", 2));
    want.extend(lines_of("store", 3));
    want.push("names: primary/b#1, secondary/b#2, store/b#3".into());
    check!(guest.call_exercise(&mut *store)?, want);
    let mut calls = calls_of("primary", 1);
    calls.extend(calls_of("secondary", 2));
    calls.extend(calls_of("store", 3));
    calls.extend(
        [
            "primary bucket #1.name",
            "secondary bucket #2.name",
            "store bucket #3.name",
            "secondary bucket #2.drop",
            "primary bucket #1.drop",
            "store bucket #3.drop",
        ]
        .map(String::from),
    );
    check_calls(&mut store.data_mut().log, calls)?;
    check!(store.data().data.buckets.len(), 0);

    // The guest's own instance of the interface, exported as `backup`.
    let b = guest.backup();
    check!(b.call_get(&mut *store, "k")?, Some("backup:k".to_string()));
    check!(b.call_get(&mut *store, "nope")?, None);
    check!(
        b.call_open(&mut *store, "nope")?.err(),
        Some(backup::Error::Missing("nope".into()))
    );
    check!(
        b.call_open(&mut *store, "")?.err(),
        Some(backup::Error::Other)
    );
    check!(guest.call_backup_live(&mut *store)?, 0);
    let Ok(one) = b.call_open(&mut *store, "one")? else {
        anyhow::bail!("the guest's open(\"one\") failed");
    };
    let Ok(two) = b.call_open(&mut *store, "two")? else {
        anyhow::bail!("the guest's open(\"two\") failed");
    };
    check!(guest.call_backup_live(&mut *store)?, 2);
    check!(b.bucket().call_name(&mut *store, one)?, "backup/one");
    check!(b.bucket().call_name(&mut *store, two)?, "backup/two");
    check!(
        b.bucket().call_get(&mut *store, two, "k")?,
        Ok(Some(b"backup/two/k".to_vec()))
    );
    check!(b.bucket().call_get(&mut *store, one, "nope")?, Ok(None));
    check!(
        b.bucket().call_get(&mut *store, one, "err")?,
        Err(backup::Error::Missing("err".into()))
    );
    one.resource_drop(&mut *store)?;
    check!(guest.call_backup_live(&mut *store)?, 1);
    check!(one.resource_drop(&mut *store).is_err(), true);
    check!(b.bucket().call_name(&mut *store, two)?, "backup/two");
    two.resource_drop(&mut *store)?;
    check!(guest.call_backup_live(&mut *store)?, 0);
    // Serving its own export, the guest called no import.
    check_calls(&mut store.data_mut().log, vec![])
}
