//! Signature encodings checked against the recovered block `EM` (RFC 8017 9.2 and 9.1.2).
//!
//! Both checks look at every byte of the block whatever its content: PKCS#1 v1.5 re-encodes the
//! one block the signer must have produced and compares the whole of it; PSS unmasks the whole
//! data block and folds every condition into one `Choice`. Nothing is parsed out of `EM`.

use alloc::vec::Vec;

use subtle::{Choice, ConstantTimeEq as _};

use crate::crypto::{digest, HashAlg};

/// DER `DigestInfo` up to the hash value (`SEQUENCE { AlgorithmIdentifier { oid, NULL },
/// OCTET STRING (len) }`), as RFC 8017 9.2 note 1 lists them (SHA-3 from the NIST arc 2.16.840.1.101.3.4.2).
fn digest_info_prefix(alg: HashAlg) -> [u8; 19] {
    let (total, oid_last, len) = match alg {
        HashAlg::Sha256 => (0x31, 0x01, 0x20),
        HashAlg::Sha384 => (0x41, 0x02, 0x30),
        HashAlg::Sha512 => (0x51, 0x03, 0x40),
        HashAlg::Sha3_256 => (0x31, 0x08, 0x20),
        HashAlg::Sha3_384 => (0x41, 0x09, 0x30),
        HashAlg::Sha3_512 => (0x51, 0x0a, 0x40),
    };
    [
        0x30, total, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, oid_last, 0x05, 0x00,
        0x04, len,
    ]
}

/// EMSA-PKCS1-v1_5 (RFC 8017 9.2) of `hash`, then compared with `em` as one block.
pub(super) fn pkcs1v15_matches(alg: HashAlg, hash: &[u8], em: &[u8]) -> bool {
    let prefix = digest_info_prefix(alg);
    let t_len = prefix.len() + hash.len();
    // emLen < tLen + 11: "intended encoded message length too short" (no signature fits).
    let Some(ps_len) = em.len().checked_sub(t_len + 3).filter(|&n| n >= 8) else {
        return false;
    };
    let mut expected = Vec::with_capacity(em.len());
    expected.extend_from_slice(&[0x00, 0x01]);
    expected.resize(2 + ps_len, 0xff);
    expected.push(0x00);
    expected.extend_from_slice(&prefix);
    expected.extend_from_slice(hash);
    expected.len() == em.len() && bool::from(expected.ct_eq(em))
}

/// EMSA-PSS-VERIFY (RFC 8017 9.1.2) with MGF1 on the same hash, salt length = hash length,
/// trailer 0xbc. `em` is the full `k`-byte block; `mod_bits` the modulus size.
pub(super) fn pss_matches(alg: HashAlg, m_hash: &[u8], em: &[u8], mod_bits: usize) -> bool {
    let h_len = alg.output_len();
    let s_len = h_len;
    let em_bits = mod_bits.saturating_sub(1);
    let em_len = em_bits.div_ceil(8);
    // I2OSP(m, emLen): when the modulus is 8j+1 bits the first byte of the k-byte block is
    // outside EM and must be zero.
    let Some((outside, em)) = em.split_at_checked(em.len().saturating_sub(em_len)) else {
        return false;
    };
    // Step 3: emLen < hLen + sLen + 2 is "inconsistent" (a size question, not content).
    if m_hash.len() != h_len || em.len() != em_len || em_len < h_len + s_len + 2 {
        return false;
    }
    let db_len = em_len - h_len - 1;
    let (Some(masked_db), Some(h), Some(&trailer)) = (em.get(..db_len), em.get(db_len..em_len - 1), em.last()) else {
        return false;
    };
    let top_bits = 8 * em_len - em_bits; // 0..=7 bits of the first byte that must be zero
    let top_mask = 0xffu8 >> top_bits;
    let first = masked_db.first().copied().unwrap_or(0);
    let mut ok = outside.iter().fold(Choice::from(1), |acc, b| acc & b.ct_eq(&0)); // step 4 analogue
    ok &= trailer.ct_eq(&0xbc); // step 4
    ok &= (first & !top_mask).ct_eq(&0); // step 6
                                         // Steps 7-9: DB = maskedDB xor MGF1(H, emLen - hLen - 1), top bits cleared.
    let mut db = masked_db.to_vec();
    mgf1_xor(alg, h, &mut db);
    if let Some(b) = db.first_mut() {
        *b &= top_mask;
    }
    // Step 10: DB = PS (zeros) || 0x01 || salt.
    let ps_len = em_len - h_len - s_len - 2;
    for (i, b) in db.iter().enumerate() {
        let want = if i < ps_len {
            Some(0x00)
        } else if i == ps_len {
            Some(0x01)
        } else {
            None
        };
        if let Some(w) = want {
            ok &= b.ct_eq(&w);
        }
    }
    // Steps 11-14: H' = Hash(0x00 x 8 || mHash || salt) must equal H.
    let salt = db.get(db_len - s_len..).unwrap_or(&[]);
    let h2 = digest(alg, &[&[0u8; 8], m_hash, salt]);
    ok &= h2.as_bytes().ct_eq(h);
    ok.into()
}

/// `out ^= MGF1(seed, out.len())` (RFC 8017 B.2.1).
fn mgf1_xor(alg: HashAlg, seed: &[u8], out: &mut [u8]) {
    for (counter, chunk) in (0u32..).zip(out.chunks_mut(alg.output_len())) {
        let mask = digest(alg, &[seed, &counter.to_be_bytes()]);
        for (o, m) in chunk.iter_mut().zip(mask.as_bytes()) {
            *o ^= m;
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)]
    use super::*;
    use alloc::vec;

    #[test]
    fn digest_info_prefixes_are_der() {
        // SHA-256's is the one printed in RFC 8017 9.2 note 1.
        assert_eq!(
            digest_info_prefix(HashAlg::Sha256),
            [
                0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00,
                0x04, 0x20
            ]
        );
        for alg in
            [HashAlg::Sha256, HashAlg::Sha384, HashAlg::Sha512, HashAlg::Sha3_256, HashAlg::Sha3_384, HashAlg::Sha3_512]
        {
            let p = digest_info_prefix(alg);
            // Outer length covers everything after it, including the hash value.
            assert_eq!(usize::from(p[1]), p.len() - 2 + alg.output_len());
            assert_eq!(usize::from(p[18]), alg.output_len());
        }
    }

    #[test]
    fn pkcs1v15_block_must_match_whole() {
        let hash = [7u8; 32];
        let mut em = vec![0x00, 0x01];
        em.resize(256 - 19 - 32 - 1, 0xff);
        em.push(0x00);
        em.extend_from_slice(&digest_info_prefix(HashAlg::Sha256));
        em.extend_from_slice(&hash);
        assert_eq!(em.len(), 256);
        assert!(pkcs1v15_matches(HashAlg::Sha256, &hash, &em));
        for i in [0, 1, 2, 200, 203, 223, 255] {
            let mut bad = em.clone();
            bad[i] ^= 0x01;
            assert!(!pkcs1v15_matches(HashAlg::Sha256, &hash, &bad), "byte {i}");
        }
        // Too short for eight bytes of padding.
        assert!(!pkcs1v15_matches(HashAlg::Sha256, &hash, &em[..0]));
        assert!(!pkcs1v15_matches(HashAlg::Sha512, &[0; 64], &[0; 90]));
    }

    /// EMSA-PSS-ENCODE (RFC 8017 9.1.1) with a chosen salt, and a hook to spoil `DB` before it
    /// is masked (the hash `H` does not cover the padding, so a spoiled one still hashes right).
    fn pss_encode(m_hash: &[u8], salt: &[u8], em_bits: usize, spoil: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
        let alg = HashAlg::Sha256;
        let em_len = em_bits.div_ceil(8);
        let h = digest(alg, &[&[0u8; 8], m_hash, salt]);
        let mut db = vec![0u8; em_len - 32 - salt.len() - 2];
        db.push(0x01);
        db.extend_from_slice(salt);
        spoil(&mut db);
        mgf1_xor(alg, h.as_bytes(), &mut db);
        db[0] &= 0xff >> (8 * em_len - em_bits);
        db.extend_from_slice(h.as_bytes());
        db.push(0xbc);
        db
    }

    /// Every condition of EMSA-PSS-VERIFY refuses on its own, with the hash check passing: the
    /// trailer, the top bits, the bytes outside EM, the zero padding and the 0x01 separator, at
    /// the smallest block the salt fits (emLen = hLen + sLen + 2) and at a modulus of 8j+1 bits.
    #[test]
    fn pss_checks_each_condition() {
        let m_hash = [7u8; 32];
        let salt = [9u8; 32];
        for mod_bits in [2048usize, 2049, 2047, 529, 528] {
            let em_bits = mod_bits - 1;
            let k = mod_bits.div_ceil(8);
            let em = pss_encode(&m_hash, &salt, em_bits, |_| {});
            let mut block = vec![0u8; k - em.len()];
            block.extend_from_slice(&em);
            assert!(pss_matches(HashAlg::Sha256, &m_hash, &block, mod_bits), "{mod_bits}: valid");
            assert!(!pss_matches(HashAlg::Sha256, &[8u8; 32], &block, mod_bits), "{mod_bits}: other hash");
            let mut trailer = block.clone();
            *trailer.last_mut().unwrap() = 0xbd;
            assert!(!pss_matches(HashAlg::Sha256, &m_hash, &trailer, mod_bits), "{mod_bits}: trailer");
            let top = 8 * em.len() - em_bits;
            if top > 0 {
                let mut high = block.clone();
                high[k - em.len()] |= 0x80;
                assert!(!pss_matches(HashAlg::Sha256, &m_hash, &high, mod_bits), "{mod_bits}: top bit");
            }
            if k > em.len() {
                let mut outside = block.clone();
                outside[0] = 1;
                assert!(!pss_matches(HashAlg::Sha256, &m_hash, &outside, mod_bits), "{mod_bits}: outside EM");
            }
            let ps_len = em.len() - 32 - 32 - 2;
            if ps_len > 0 {
                let bad_ps = pss_encode(&m_hash, &salt, em_bits, |db| db[0] = 1);
                let mut b = vec![0u8; k - bad_ps.len()];
                b.extend_from_slice(&bad_ps);
                assert!(!pss_matches(HashAlg::Sha256, &m_hash, &b, mod_bits), "{mod_bits}: padding");
            }
            let bad_sep = pss_encode(&m_hash, &salt, em_bits, |db| db[ps_len] = 2);
            let mut b = vec![0u8; k - bad_sep.len()];
            b.extend_from_slice(&bad_sep);
            assert!(!pss_matches(HashAlg::Sha256, &m_hash, &b, mod_bits), "{mod_bits}: separator");
        }
        // One byte too few for hash, salt and the two fixed bytes.
        assert!(!pss_matches(HashAlg::Sha256, &m_hash, &[0xbc; 65], 520));
    }

    #[test]
    fn pss_rejects_wrong_shapes() {
        let m_hash = [1u8; 32];
        // A block of the right length whose trailer is not 0xbc, and one too short for hash + salt.
        assert!(!pss_matches(HashAlg::Sha256, &m_hash, &[0u8; 256], 2048));
        assert!(!pss_matches(HashAlg::Sha256, &m_hash, &[0xbc; 60], 480));
        assert!(!pss_matches(HashAlg::Sha256, &m_hash[..31], &[0xbc; 256], 2048));
    }
}
