//! RFC 9535 JSONPath: parse a query once, select nodes from a [`Value`](crate::json::Value).
