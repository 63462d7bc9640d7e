//! Building guests into components: the one place knit runs compilers.
//!
//! knit's generators are pure (WIT in, [`knit_bindgen_core::Files`] out); everything that starts a
//! process or installs a tool to turn guest source code into a component lives here, and both the
//! `knit`/`cargo knit` front ends and the runtime test suite call it.
//!
//! - [`toolchain`]: finding (and where knit can, installing) the compilers, one module per
//!   toolchain ([`toolchain::go`], [`toolchain::node`], [`toolchain::rust`]).
//! - [`go`]: a Go module into a component (bindings, `go build`, knit's adapter).
//! - [`js`]: a JavaScript or TypeScript module into a component (knit's declarations, `tsc`, one of
//!   the pinned engines).
//! - [`rust`]: `cargo build` of Rust guest crates for a wasm target, with the artifacts and
//!   diagnostics it reported.
//! - [`component`]: a core module built for `wasm32-wasip1` into a component, written beside it.
//! - [`report`]: what knit prints while it works (`-q`/`-v`) and progress for long steps.
//! - [`lock`]: a build lock shared by threads and processes, for build folders several test
//!   processes use at once.
//!
//! Output files are written with [`knit_bindgen_core::files::write_atomic`].

#![deny(missing_docs)]

pub mod component;
pub mod go;
pub mod js;
pub mod lock;
mod process;
pub mod report;
pub mod rust;
pub mod toolchain;
