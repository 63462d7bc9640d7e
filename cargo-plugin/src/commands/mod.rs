//! One module per `knit` subcommand.

pub mod adapter;
pub mod bindgen;
pub mod compose;
pub mod componentize;
#[cfg(feature = "run")]
pub mod run;
