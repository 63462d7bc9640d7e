//! The canonical ABI as a checked, language-neutral plan.
//!
//! Every function a guest imports or exports is planned once, here, as a tree of [`Instr`]uctions
//! with declared stack effects: how WIT values flatten to core values (at most 16 parameters and one
//! result before they move to memory), how they are laid out in linear memory, how variant payloads
//! share joined slots, which lists can be passed as raw memory, and what a post-return function must
//! free. Language backends never re-derive any of this: they render each instruction through an
//! [`Emitter`], and the [`driver`] checks they keep to the declared stack effects.
//!
//! ```
//! use knit_bindgen_core::abi::{Abi, dump};
//! let mut resolve = wit_parser::Resolve::default();
//! let pkg = resolve.push_str("x.wit", "package a:b; world w { export f: func(s: string) -> list<u8>; }").unwrap();
//! let world = resolve.select_world(&[pkg], None).unwrap();
//! let abi = Abi::new(&resolve, world);
//! let wit_parser::WorldItem::Function(f) = &resolve.worlds[world].exports[0] else { unreachable!() };
//! let plan = abi.export_plan(f).unwrap();
//! assert!(dump::dump(&resolve, &plan).contains("string.lift"));
//! assert!(abi.post_return_plan(f).unwrap().is_some());
//! ```

pub mod driver;
pub mod dump;
mod instr;
mod layout;
pub mod mangle;
mod plan;
mod types;

pub use driver::{Emitter, run};
pub use instr::{
    Block, FlatType, HandleKind, Instr, Local, LowerMode, MemKind, PlanCheckError, ResourceOrigin,
    Scalar,
};
pub use layout::{Layout, flat_types};
pub use plan::{Abi, Area, MAX_FLAT_PARAMS, MAX_FLAT_RESULTS, Plan, PlanError, PlanKind};
pub(crate) use types::{all_types_supported, unsupported_in, unsupported_in_checked};
pub use types::{
    case_payload, contains, dealias, dealias_resource, fallible_constructor, has_borrow,
    has_handle, has_own_handle, is_canonical_element, is_method, resource_of,
};
