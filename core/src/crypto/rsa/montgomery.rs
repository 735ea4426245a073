//! Montgomery squaring for the public-key operation: a full square (each cross product once,
//! then doubled) followed by a separate Montgomery reduction (REDC).
//!
//! `crypto-bigint` squares in Montgomery form with its general multiplication (FIOS: `2n²`
//! word products for `n` words), since it has no separate squaring for wide moduli. Squaring
//! first takes `n²/2 + n` products and REDC `n²`, which is 0.72x the instructions at 4,096 bits
//! (callgrind: 64.8k against 89.4k per squaring), and RSA verification with `e = 65537` is
//! sixteen squarings and one multiplication. The operands are public (key, signature, result),
//! so the code is variable-time, as the rest of the public-key operation is.

use crypto_bigint::{Limb, WideWord, Word};

/// `-n⁻¹ mod 2^Word::BITS` for an odd `n0` (the modulus's lowest word), by Newton's iteration:
/// each step doubles the number of correct low bits (1, 2, 4, ... 64).
pub(super) fn neg_inverse(n0: Word) -> Word {
    let mut x: Word = 1;
    for _ in 0..Word::BITS.trailing_zeros() {
        x = x.wrapping_mul((2 as Word).wrapping_sub(n0.wrapping_mul(x)));
    }
    x.wrapping_neg()
}

/// The low and high words of a double-width value.
fn split(v: WideWord) -> (Word, WideWord) {
    // Truncation keeps the low word; the shift gives the carry.
    #[allow(clippy::cast_possible_truncation)]
    let low = v as Word;
    (low, v >> Word::BITS)
}

/// `wide = a²`, with `wide.len() == 2 * a.len()`.
fn square(a: &[Limb], wide: &mut [Limb]) {
    let k = a.len();
    wide.fill(Limb::ZERO);
    // Cross products a[i]·a[j] for i < j, each once.
    for (i, ai) in a.iter().enumerate() {
        let ai = WideWord::from(ai.0);
        let mut carry: WideWord = 0;
        let rest = a.get(i + 1..).unwrap_or_default();
        let row = wide.get_mut(2 * i + 1..i + k).unwrap_or_default();
        for (w, aj) in row.iter_mut().zip(rest) {
            let (low, high) = split(WideWord::from(w.0) + ai * WideWord::from(aj.0) + carry);
            *w = Limb(low);
            carry = high;
        }
        if let Some(w) = wide.get_mut(i + k) {
            *w = Limb(split(carry).0);
        }
    }
    // Doubled, then the squares a[i]² added on the diagonal.
    let mut top: Word = 0;
    for w in wide.iter_mut() {
        let v = w.0;
        *w = Limb((v << 1) | top);
        top = v >> (Word::BITS - 1);
    }
    let mut carry: WideWord = 0;
    for (pair, ai) in wide.chunks_exact_mut(2).zip(a) {
        let [lo, hi] = pair else { return };
        let (sq_low, sq_high) = split(WideWord::from(ai.0) * WideWord::from(ai.0));
        let (low, c) = split(WideWord::from(lo.0) + WideWord::from(sq_low) + carry);
        *lo = Limb(low);
        let (high, c) = split(WideWord::from(hi.0) + sq_high + c);
        *hi = Limb(high);
        carry = c;
    }
}

/// `out = t·R⁻¹ mod n` for `t < n·R` (`t` has twice `n`'s words and is overwritten; `R` is
/// `2^(Word::BITS·n.len())`).
fn reduce(t: &mut [Limb], n: &[Limb], n_neg_inv: Word, out: &mut [Limb]) {
    let k = n.len();
    // The carry out of word i + k, added when the next row reaches it.
    let mut over: Word = 0;
    for i in 0..k {
        let Some(ti) = t.get(i) else { return };
        let m = WideWord::from(ti.0.wrapping_mul(n_neg_inv));
        let mut carry: WideWord = 0;
        for (w, nj) in t.get_mut(i..i + k).unwrap_or_default().iter_mut().zip(n) {
            let (low, high) = split(WideWord::from(w.0) + m * WideWord::from(nj.0) + carry);
            *w = Limb(low);
            carry = high;
        }
        if let Some(w) = t.get_mut(i + k) {
            let (low, high) = split(WideWord::from(w.0) + carry + WideWord::from(over));
            *w = Limb(low);
            over = split(high).0;
        }
    }
    let result = t.get(k..).unwrap_or_default();
    out.copy_from_slice(result);
    // t < n·R gives a result below 2n: one subtraction at most.
    if over != 0 || !less_than(out, n) {
        let mut borrow = false;
        for (o, nj) in out.iter_mut().zip(n) {
            let (d, b1) = o.0.overflowing_sub(nj.0);
            let (d, b2) = d.overflowing_sub(Word::from(borrow));
            *o = Limb(d);
            borrow = b1 | b2;
        }
    }
}

/// `a < b` for equally long little-endian word strings.
fn less_than(a: &[Limb], b: &[Limb]) -> bool {
    for (x, y) in a.iter().rev().zip(b.iter().rev()) {
        if x.0 != y.0 {
            return x.0 < y.0;
        }
    }
    false
}

/// Squares `x` (Montgomery form, fully reduced, `n.len()` words) in place: `x ← x²·R⁻¹ mod n`.
/// `wide` is scratch of `2 * n.len()` words.
pub(super) fn square_in_place(x: &mut [Limb], n: &[Limb], n_neg_inv: Word, wide: &mut [Limb]) {
    square(x, wide);
    reduce(wide, n, n_neg_inv, x);
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;
    use alloc::vec::Vec;
    use crypto_bigint::modular::{BoxedMontyForm, BoxedMontyParams};
    use crypto_bigint::{BoxedUint, Odd};

    fn words(seed: &mut u64, k: usize) -> Vec<Word> {
        (0..k)
            .map(|_| {
                *seed ^= *seed << 13;
                *seed ^= *seed >> 7;
                *seed ^= *seed << 17;
                // Truncation keeps the low bits on 32-bit words.
                #[allow(clippy::cast_possible_truncation)]
                let w = *seed as Word;
                w
            })
            .collect()
    }

    #[test]
    fn neg_inverse_inverts() {
        for n0 in [1 as Word, 3, 0x1235, Word::MAX, Word::MAX - 2] {
            assert_eq!(n0.wrapping_mul(neg_inverse(n0)), Word::MAX, "n0 = {n0}");
        }
    }

    /// Squaring in place agrees with crypto-bigint's Montgomery squaring on random moduli and
    /// operands, including operands next to the modulus, at several widths.
    #[test]
    fn squaring_matches_crypto_bigint() {
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        for k in [1usize, 2, 3, 8, 17, 32, 64] {
            for round in 0..8 {
                let mut nw = words(&mut seed, k);
                nw[0] |= 1;
                if round % 2 == 0 {
                    nw[k - 1] |= 1 << (Word::BITS - 1);
                }
                let n = Odd::new(BoxedUint::from_words(nw.clone())).unwrap();
                let params = BoxedMontyParams::new_vartime(n.clone());
                let mut xw = words(&mut seed, k);
                if round == 3 {
                    // n - 1, the largest operand.
                    xw = nw.clone();
                    xw[0] -= 1;
                }
                let x = BoxedUint::from_words(xw) % n.as_nz_ref();
                let form = BoxedMontyForm::new(x, &params);
                let want = form.square();
                let mut got = form.as_montgomery().clone();
                let mut wide = vec![Limb::ZERO; 2 * k];
                square_in_place(got.as_mut_limbs(), n.as_ref().as_limbs(), neg_inverse(nw[0]), &mut wide);
                assert_eq!(&got, want.as_montgomery(), "k = {k}, round = {round}");
            }
        }
    }
}
