//! knit's Rust guest binding generator.
//!
//! [`generate`] turns a resolved world into one Rust source file that a guest crate includes (through
//! the `generate!` macro or a file written by `knit bindgen rust`). Every function goes through the
//! canonical-ABI plan of `knit-bindgen-core`; this crate only renders it as Rust.

mod options;

pub use options::{Options, Ownership, WithOption};

use knit_bindgen_core::Files;
use wit_parser::{Resolve, WorldId};

/// Generates Rust guest bindings for `world`. The result holds one file, `<world>.rs` in snake case.
pub fn generate(resolve: &Resolve, world: WorldId, options: &Options) -> anyhow::Result<Files> {
    let _ = (resolve, world, options);
    anyhow::bail!("the Rust generator is being written")
}
