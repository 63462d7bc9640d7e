//! One module per `knit` subcommand.

pub mod adapter;
pub mod bindgen;
pub mod bindgen_host;
pub mod componentize;
pub mod compose;
#[cfg(feature = "run")]
pub mod run;
