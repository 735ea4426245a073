//! Typed credential values (in progress).
