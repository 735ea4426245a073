//! RSAVP1 (RFC 8017 5.2.2): `s^e mod n` for a public exponent, over `crypto-bigint`'s Montgomery
//! arithmetic.
//!
//! Everything here is public (the key, the signature, the result), so the exponentiation is plain
//! left-to-right square-and-multiply on the bits of `e`: for e = 65537 that is 16 squarings and
//! one multiplication, where a fixed-window `pow` would first build a table of 15 powers. The
//! Montgomery parameters (R mod n, R² mod n, -n⁻¹ mod 2⁶⁴) are computed once per key. The
//! squarings are the core's own ([`super::montgomery`]); conversions and the multiplication are
//! `crypto-bigint`'s.

use alloc::vec;
use alloc::vec::Vec;

use crypto_bigint::modular::{BoxedMontyForm, BoxedMontyParams};
use crypto_bigint::{BoxedUint, Limb, Odd, Word};

use super::montgomery::{neg_inverse, square_in_place};

/// A modulus with its Montgomery parameters and the public exponent.
#[derive(Clone, Debug)]
pub(super) struct PublicOp {
    params: BoxedMontyParams,
    /// `-n⁻¹ mod 2^Word::BITS`, for the squarings' reductions.
    n_neg_inv: Word,
    e: u64,
    /// Modulus length in bytes (`k` in RFC 8017).
    len: usize,
}

impl PublicOp {
    /// `None` when `modulus` (big-endian, no leading zero) is even or empty. The caller has
    /// already checked its size and the exponent's range.
    pub(super) fn new(modulus: &[u8], e: u64) -> Option<Self> {
        let precision = precision(modulus.len())?;
        let n = BoxedUint::from_be_slice(modulus, precision).ok()?;
        let n = Option::<Odd<BoxedUint>>::from(Odd::new(n))?;
        let n_neg_inv = neg_inverse(n.as_ref().as_limbs().first()?.0);
        // Variable time in the modulus: it is public.
        Some(Self { params: BoxedMontyParams::new_vartime(n), n_neg_inv, e, len: modulus.len() })
    }

    /// `s^e mod n` as `k` big-endian bytes, or `None` when `s` (exactly `k` bytes) is not below
    /// the modulus (RFC 8017 5.2.2 step 1: "signature representative out of range").
    pub(super) fn apply(&self, signature: &[u8]) -> Option<Vec<u8>> {
        let n = self.params.modulus().as_ref();
        let s = BoxedUint::from_be_slice(signature, n.bits_precision()).ok()?;
        if s >= *n {
            return None;
        }
        let base = BoxedMontyForm::new(s, &self.params);
        let mut acc = base.clone();
        let mut wide = vec![Limb::ZERO; n.as_limbs().len().checked_mul(2)?];
        // e >= 3 (checked at key creation), so its top bit is the accumulator's start.
        for i in (0..63 - self.e.leading_zeros()).rev() {
            square_in_place(acc.as_montgomery_mut().as_mut_limbs(), n.as_limbs(), self.n_neg_inv, &mut wide);
            if (self.e >> i) & 1 == 1 {
                acc = acc.mul(&base);
            }
        }
        let m = acc.retrieve().to_be_bytes();
        // m < n, so every byte above the modulus length is zero.
        m.get(m.len().checked_sub(self.len)?..).map(<[u8]>::to_vec)
    }

    /// The modulus, big-endian, without leading zeros.
    pub(super) fn modulus(&self) -> Vec<u8> {
        self.params.modulus().as_ref().to_be_bytes_trimmed_vartime().into_vec()
    }

    /// The public exponent.
    pub(super) fn exponent(&self) -> u64 {
        self.e
    }
}

/// Bits of precision for a `len`-byte modulus: whole limbs.
fn precision(len: usize) -> Option<u32> {
    let bits = u32::try_from(len.checked_mul(8)?).ok()?;
    if bits == 0 {
        return None;
    }
    bits.div_ceil(Limb::BITS).checked_mul(Limb::BITS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pow_mod(mut b: u128, mut e: u64, n: u128) -> u128 {
        let mut r = 1;
        b %= n;
        while e > 0 {
            if e & 1 == 1 {
                r = r * b % n;
            }
            b = b * b % n;
            e >>= 1;
        }
        r
    }

    /// `s^e mod n` against plain arithmetic, for exponents whose bits are not only the top and
    /// the bottom one (65537 alone would not tell the ladder's bit order).
    #[test]
    fn apply_is_modular_exponentiation() {
        let n: u64 = 4_294_967_291 * 65_521; // odd, 48 bits
        let modulus = &n.to_be_bytes()[2..];
        for e in [3, 7, 11, 65_537, 65_539, 0x1_2345_6789, (1 << 33) - 1] {
            let op = PublicOp::new(modulus, e).unwrap();
            assert_eq!(op.exponent(), e);
            for s in [2u64, 3, 0x1234_5678_9abc, n - 1] {
                let got = op.apply(&s.to_be_bytes()[2..]).unwrap();
                let want = pow_mod(u128::from(s), e, u128::from(n));
                assert_eq!(got, want.to_be_bytes()[10..], "s={s} e={e}");
            }
            // The signature representative must lie below n.
            assert!(op.apply(&n.to_be_bytes()[2..]).is_none());
        }
    }
}
