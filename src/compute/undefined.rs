//! Results that have no value are values too: the reason is carried, never NaN, never a panic.

use serde::Serialize;

/// Why a computation has no result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "undefined", rename_all = "snake_case")]
pub enum Undefined {
    /// Dividing by a base, total or denominator of zero.
    #[error("the base is zero")]
    BaseIsZero,
    /// A growth of −100 % or less leaves no base to recover.
    #[error("a growth of {percent}% leaves no base")]
    NoBase { percent: String },
    /// The first point of a series has no previous period.
    #[error("there is no previous period")]
    NoPreviousPeriod,
    /// The figures cannot be compared: comparable-price growth against current-price levels,
    /// different units.
    #[error("not comparable: {reason}")]
    NotComparable { reason: String },
    /// A required figure is not stated.
    #[error("not stated: {what}")]
    Missing { what: String },
    /// The result does not fit in a decimal.
    #[error("the result overflows")]
    Overflow,
    /// The inputs are outside the domain of the computation (a negative level for CAGR, zero years).
    #[error("out of domain: {reason}")]
    OutOfDomain { reason: String },
}

/// The result of a computation.
pub type Computed<T> = Result<T, Undefined>;
