//! did:key (Ed25519) resolved offline, and the trust store for every other DID.
