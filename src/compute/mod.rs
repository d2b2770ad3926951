//! Exact computations on stated figures. Nothing here rounds except [`round`], which is for
//! presentation; nothing here panics; undefined results are [`Undefined`] values.

pub mod exact;
pub mod growth;
pub mod interval;
pub mod rank;
pub mod round;
pub mod share;
pub mod synthetic;
mod undefined;

pub use undefined::{Computed, Undefined};
