//! Bounded JSON: one non-recursive lexer ([`Lexer`]) that every consumer uses, string tokens
//! that unescape lazily ([`JsonStr`]), and the small writers the encoders need.

#[cfg(feature = "jcs")]
pub mod jcs;
#[cfg(feature = "jsonpath")]
pub mod jsonpath;
mod lexer;
mod object;
mod scan;
#[cfg(feature = "serde")]
mod serde;
mod string;
mod value;
mod write;

#[cfg(any(feature = "smartid", feature = "proofspace"))]
pub(crate) use lexer::read_string;
#[cfg(feature = "proofspace")]
pub(crate) use lexer::skip_ws_from;
pub use lexer::{validate, Event, Lexer};
pub use object::{ObjectReader, Shape};
#[cfg(feature = "smartid")]
pub(crate) use string::unescape_in_place;
pub use string::{JsonStr, Unescape};
pub use value::{try_map_items, Number, ObjectExt, Value};
pub use write::{minify, write_string, SliceWriter};
