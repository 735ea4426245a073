//! Interaction rules (in progress).
