//! Exact computations on stated figures. Nothing here rounds except [`round`], which is for
//! presentation; nothing here panics; undefined results are [`Undefined`] values.

pub mod interval;
pub mod round;
