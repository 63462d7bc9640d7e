//! Toolchains guests are built with: how knit finds each one, checks its version, and installs it
//! when it can. One module per toolchain: [`go`], [`node`] (Node.js and the JavaScript engines knit
//! pins) and [`rust`].

pub mod go;
pub mod node;
pub mod rust;
