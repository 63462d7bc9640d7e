//! One module per `knit` subcommand.

pub mod adapter;
pub mod bindgen;
pub mod bindgen_go;
pub mod bindgen_host;
pub mod bindgen_ts;
pub mod build_go;
pub mod componentize;
pub mod compose;
#[cfg(feature = "run")]
pub mod run;
pub mod wit;
