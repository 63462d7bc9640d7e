//! Language-neutral core of knit's binding generators.
//!
//! * [`abi`]: the canonical ABI planned as a checked instruction stream every backend renders.
//! * [`load`](mod@load): reads WIT from every kind of source and selects a world ([`load::load`]).
//! * [`names`]: case conversion, per-language keyword escaping, fresh temporaries, unique names.
//! * [`walk`]: the [`walk::Backend`] trait every generator implements, and the one world walk that
//!   drives it.
//! * [`files`]: the [`Files`] map every backend returns; only front ends write it to disk.

pub mod abi;
pub mod files;
pub mod load;
pub mod names;
pub mod walk;

pub use files::{Files, StaleFile};
pub use load::{LoadError, LoadedWorld, WitSource, load};
pub use names::{Case, Language, Scope};
