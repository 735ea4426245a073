//! RFC 8785 JSON Canonicalization Scheme (JCS) over the bounded [`Value`](crate::json::Value).
