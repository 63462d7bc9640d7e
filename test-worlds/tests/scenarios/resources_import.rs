//! A host-defined resource: the guest constructs, calls methods and statics, and drops; the host
//! counts constructions and destructor calls in its `ResourceTable` and records every call.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};
use wasmtime::component::Resource;

knit_macros::host!({
    path: "scenarios/resources-import/test.wit",
    // The host's own type backs the resource, so `ResourceTable::push` yields `Resource<Blob>`.
    with: { "knit:resources-import/blobs/blob": crate::scenarios::resources_import::Blob },
});

/// The host's blob: its bytes, and its number in order of creation (how the call record names it).
pub struct Blob {
    serial: u32,
    bytes: Vec<u8>,
}

/// Counts of resource events seen by the host.
#[derive(Default)]
pub struct Counts {
    created: u32,
    dropped: u32,
}

use knit::resources_import::blobs::{Host as BlobsHost, HostBlob};

/// A new blob in the table (not recorded: both constructors use it).
fn create(state: &mut HostState<Counts>, bytes: Vec<u8>) -> Resource<Blob> {
    state.data.created += 1;
    let serial = state.data.created;
    state
        .table
        .push(Blob { serial, bytes })
        .expect("the table has room")
}

/// How the call record names the blob behind `handle`.
fn name_of(state: &HostState<Counts>, handle: &Resource<Blob>) -> String {
    match state.table.get(handle) {
        Ok(blob) => format!("blob {}", blob.serial),
        Err(_) => format!("unknown blob (rep {})", handle.rep()),
    }
}

impl HostBlob for HostState<Counts> {
    fn new(&mut self, init: Vec<u8>) -> Resource<Blob> {
        self.log.push(call!("blob.new", init));
        create(self, init)
    }
    fn size(&mut self, blob: Resource<Blob>) -> u32 {
        let blob_name = name_of(self, &blob);
        self.log.push(format!("blob.size({blob_name})"));
        self.table.get(&blob).map_or(0, |b| b.bytes.len() as u32)
    }
    fn append(&mut self, blob: Resource<Blob>, more: Vec<u8>) {
        let blob_name = name_of(self, &blob);
        self.log.push(format!("blob.append({blob_name}, {more:?})"));
        if let Ok(b) = self.table.get_mut(&blob) {
            b.bytes.extend(more);
        }
    }
    fn read(&mut self, blob: Resource<Blob>) -> Vec<u8> {
        let blob_name = name_of(self, &blob);
        self.log.push(format!("blob.read({blob_name})"));
        self.table
            .get(&blob)
            .map(|b| b.bytes.clone())
            .unwrap_or_default()
    }
    fn from_string(&mut self, s: String) -> Resource<Blob> {
        self.log.push(call!("blob.from-string", s));
        create(self, s.into_bytes())
    }
    fn drop(&mut self, blob: Resource<Blob>) -> wasmtime::Result<()> {
        let blob_name = name_of(self, &blob);
        self.log.push(format!("blob.drop({blob_name})"));
        self.data.dropped += 1;
        self.table.delete(blob)?;
        Ok(())
    }
}

impl BlobsHost for HostState<Counts> {
    fn live(&mut self) -> u32 {
        self.log.push(call!("live"));
        self.data.created - self.data.dropped
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host<Counts> = Host::new(&guest("resources-import", language)?)?;
    ResourcesImport::add_to_linker(&mut host.linker, |state| state)?;
    let guest = ResourcesImport::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    guest_ok("exercise", guest.call_exercise(&mut *store)?)?;
    check!(
        (store.data().data.created, store.data().data.dropped),
        (2, 2)
    );
    check_calls(
        &mut store.data_mut().log,
        [
            "live()",
            "blob.new([1, 2, 3])",
            "blob.size(blob 1)",
            "blob.append(blob 1, [4])",
            "blob.append(blob 1, [])",
            "blob.read(blob 1)",
            "blob.from-string(\"héllo\")",
            "blob.size(blob 2)",
            "live()",
            "blob.drop(blob 1)",
            "live()",
            "blob.drop(blob 2)",
            "live()",
        ]
        .map(String::from)
        .to_vec(),
    )?;
    guest.call_hold(&mut *store, 100)?;
    check!(
        (store.data().data.created, store.data().data.dropped),
        (102, 2)
    );
    check_calls(
        &mut store.data_mut().log,
        (0..100u8).map(|i| call!("blob.new", [i])).collect(),
    )?;
    guest.call_release(&mut *store)?;
    check!(
        (store.data().data.created, store.data().data.dropped),
        (102, 102)
    );
    check_calls(
        &mut store.data_mut().log,
        (3..=102).map(|n| format!("blob.drop(blob {n})")).collect(),
    )
}
