//! Resources that go back to their owner: host keys given to the guest and returned (by borrow and
//! by value), guest cookies given to the host and returned (by borrow and by value).

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};
use wasmtime::component::Resource;

knit_macros::host!({
    path: "scenarios/resources-passed-back/test.wit",
    with: { "knit:resources-passed-back/keys/key": crate::scenarios::resources_passed_back::KeyData },
});

/// The host's key.
pub struct KeyData {
    name: String,
}

/// What the host saw.
#[derive(Default)]
pub struct Seen {
    issued: Vec<u32>,
    revoked: Vec<String>,
    dropped: Vec<String>,
}

use knit::resources_passed_back::keys;

/// How the call record names the key behind `handle`.
fn name_of(state: &HostState<Seen>, handle: &Resource<KeyData>) -> String {
    match state.table.get(handle) {
        Ok(key) => format!("key {}", key.name),
        Err(_) => format!("unknown key (rep {})", handle.rep()),
    }
}

impl keys::HostKey for HostState<Seen> {
    fn name(&mut self, key: Resource<KeyData>) -> String {
        let key_name = name_of(self, &key);
        self.log.push(format!("key.name({key_name})"));
        self.table
            .get(&key)
            .map(|k| k.name.clone())
            .unwrap_or_default()
    }
    fn drop(&mut self, key: Resource<KeyData>) -> wasmtime::Result<()> {
        let key_name = name_of(self, &key);
        self.log.push(format!("key.drop({key_name})"));
        let key = self.table.delete(key)?;
        self.data.dropped.push(key.name);
        Ok(())
    }
}

impl keys::Host for HostState<Seen> {
    fn issue(&mut self, name: String) -> Resource<KeyData> {
        self.log.push(call!("issue", name));
        let key = self.table.push(KeyData { name }).expect("table has room");
        self.data.issued.push(key.rep());
        key
    }
    fn is_issued_as(&mut self, key: Resource<KeyData>, name: String) -> bool {
        let key_name = name_of(self, &key);
        self.log
            .push(format!("is-issued-as({key_name}, {name:?})"));
        self.table.get(&key).is_ok_and(|k| k.name == name) && self.data.issued.contains(&key.rep())
    }
    fn revoke(&mut self, key: Resource<KeyData>) -> String {
        let key_name = name_of(self, &key);
        self.log.push(format!("revoke({key_name})"));
        let name = self.table.delete(key).map(|k| k.name).unwrap_or_default();
        self.data.revoked.push(name.clone());
        name
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host<Seen> = Host::new(&guest("resources-passed-back", language)?)?;
    ResourcesPassedBack::add_to_linker(&mut host.linker, |state| state)?;
    let guest = ResourcesPassedBack::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;

    guest_ok("exercise", guest.call_exercise(&mut *store)?)?;
    check!(store.data().data.issued.len(), 2);
    check!(store.data().data.revoked.clone(), vec!["beta".to_string()]);
    check!(store.data().data.dropped.clone(), vec!["alpha".to_string()]);
    check!(store.data().table.is_empty(), true);
    check_calls(
        &mut store.data_mut().log,
        [
            "issue(\"alpha\")",
            "issue(\"beta\")",
            "is-issued-as(key alpha, \"alpha\")",
            "is-issued-as(key beta, \"beta\")",
            "is-issued-as(key alpha, \"beta\")",
            "key.name(key alpha)",
            "revoke(key beta)",
            "key.drop(key alpha)",
        ]
        .map(String::from)
        .to_vec(),
    )?;

    let jar = guest.knit_resources_passed_back_jar();
    let ginger = jar.cookie().call_constructor(&mut *store, "ginger")?;
    let oat = jar.cookie().call_constructor(&mut *store, "oat")?;
    check!(jar.call_flavor(&mut *store, ginger)?, "ginger");
    check!(jar.call_flavor(&mut *store, oat)?, "oat");
    check!(jar.call_eat(&mut *store, oat)?, "oat");
    check!(jar.call_live(&mut *store)?, 1);
    ginger.resource_drop(&mut *store)?;
    check!(jar.call_live(&mut *store)?, 0);
    Ok(())
}
