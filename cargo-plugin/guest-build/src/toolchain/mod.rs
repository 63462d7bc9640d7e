//! Toolchains guests are built with: how knit finds each one, checks its version, and installs it
//! when it can. One module per toolchain; a JavaScript toolchain (Node and npm) gets its own
//! `node` module here, beside [`go`] and [`rust`].

pub mod go;
pub mod rust;
