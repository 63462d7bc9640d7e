//! A host-defined resource: the guest constructs, calls methods and statics, and drops; the host
//! counts constructions and destructor calls in its `ResourceTable`.

use super::guest_ok;
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};
use wasmtime::component::Resource;

knit_macros::host!({
    path: "scenarios/resources-import/test.wit",
    // The host's own type backs the resource, so `ResourceTable::push` yields `Resource<Blob>`.
    with: { "knit:resources-import/blobs/blob": crate::scenarios::resources_import::Blob },
});

/// The host's blob.
pub struct Blob(Vec<u8>);

/// Counts of resource events seen by the host.
#[derive(Default)]
pub struct Counts {
    created: u32,
    dropped: u32,
}

use knit::resources_import::blobs::{Host as BlobsHost, HostBlob};

impl HostBlob for HostState<Counts> {
    fn new(&mut self, init: Vec<u8>) -> Resource<Blob> {
        self.data.created += 1;
        self.table.push(Blob(init)).expect("the table has room")
    }
    fn size(&mut self, blob: Resource<Blob>) -> u32 {
        self.table.get(&blob).map_or(0, |b| b.0.len() as u32)
    }
    fn append(&mut self, blob: Resource<Blob>, more: Vec<u8>) {
        if let Ok(b) = self.table.get_mut(&blob) {
            b.0.extend(more);
        }
    }
    fn read(&mut self, blob: Resource<Blob>) -> Vec<u8> {
        self.table
            .get(&blob)
            .map(|b| b.0.clone())
            .unwrap_or_default()
    }
    fn from_string(&mut self, s: String) -> Resource<Blob> {
        self.new(s.into_bytes())
    }
    fn drop(&mut self, blob: Resource<Blob>) -> wasmtime::Result<()> {
        self.data.dropped += 1;
        self.table.delete(blob)?;
        Ok(())
    }
}

impl BlobsHost for HostState<Counts> {
    fn live(&mut self) -> u32 {
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
    guest.call_hold(&mut *store, 100)?;
    check!(
        (store.data().data.created, store.data().data.dropped),
        (102, 2)
    );
    guest.call_release(&mut *store)?;
    check!(
        (store.data().data.created, store.data().data.dropped),
        (102, 102)
    );
    Ok(())
}
