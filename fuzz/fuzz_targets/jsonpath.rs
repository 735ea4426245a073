//! JSONPath (RFC 9535): query and document from one input (split at the first newline); every
//! selected node's normalized path, used as a query, selects exactly that node again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ssi_verify_core::json::jsonpath::Query;
use ssi_verify_core::json::Value;
use ssi_verify_core::Limits;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Some((query, document)) = text.split_once('\n') else { return };
    let limits = Limits::DEFAULT;
    let Ok(query) = Query::parse(query, &limits) else { return };
    let Ok(root) = Value::parse(document, &limits) else { return };
    let Ok(nodes) = query.select(&root, &limits) else { return };
    for node in &nodes {
        let path = match Query::parse(&node.location, &limits) {
            Ok(p) => p,
            Err(e) => panic!("normalized path {:?} does not parse: {e}", node.location),
        };
        match path.select(&root, &limits) {
            Ok(again) if again.len() == 1 => {
                let only = &again[0];
                if only.location != node.location || !std::ptr::eq(only.value, node.value) {
                    panic!("{:?} selects {:?}, another node", node.location, only.location);
                }
            }
            Ok(again) => panic!("{:?} selects {} nodes, not 1", node.location, again.len()),
            Err(e) => panic!("{:?} fails to select: {e}", node.location),
        }
    }
});
