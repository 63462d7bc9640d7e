//! One module per `knit` subcommand.

pub mod adapter;
pub mod bindgen;
pub mod bindgen_go;
pub mod bindgen_host;
pub mod bindgen_ts;
pub mod build_go;
pub mod build_js;
pub mod componentize;
pub mod compose;
pub mod guest_limits;
#[cfg(feature = "run")]
pub mod invoke;
#[cfg(feature = "run")]
pub mod run;
pub mod wit;
