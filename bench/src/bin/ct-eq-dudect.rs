//! A dudect-style timing check of `ssi_verify_core::crypto::ct_eq` (Reparaz, Balasch and
//! Verbauwhede, "Dude, is my code constant time?"): two input classes, interleaved at random,
//! timed, and compared with Welch's t-test. Class "equal" compares two equal 4 KiB buffers; class
//! "differ" two that differ in their first byte, where an early-exit comparison stops at once.
//! |t| above 4.5 is evidence of a timing difference. The same run on `==` (which may stop at the
//! first difference) is the control that shows the test can see one.
//!
//! `cargo run --release -p ssi-verify-bench --bin ct-eq-dudect [MEASUREMENTS]` (default 400,000).
//! A statistical check on a shared machine, not a test: it prints, it does not fail.

use std::hint::black_box;
use std::time::Instant;

use ssi_verify_core::crypto::ct_eq;

const LEN: usize = 4096;
/// Calls per timed sample, so one sample is well above the clock's resolution.
const BATCH: usize = 8;

/// Welch's t statistic of two samples' means, with the samples' running sums.
#[derive(Default)]
struct Welch {
    n: [f64; 2],
    sum: [f64; 2],
    sq: [f64; 2],
}

impl Welch {
    fn push(&mut self, class: usize, x: f64) {
        if let (Some(n), Some(sum), Some(sq)) = (self.n.get_mut(class), self.sum.get_mut(class), self.sq.get_mut(class))
        {
            *n += 1.0;
            *sum += x;
            *sq += x * x;
        }
    }

    fn t(&self) -> f64 {
        let [n0, n1] = self.n;
        let (m0, m1) = (self.sum[0] / n0, self.sum[1] / n1);
        let (v0, v1) = (self.sq[0] / n0 - m0 * m0, self.sq[1] / n1 - m1 * m1);
        (m0 - m1) / (v0 / n0 + v1 / n1).sqrt()
    }
}

/// A small xorshift generator: the class order only has to be unpredictable to the CPU.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// Times `eq` on both classes and returns |t| over the samples below the 90th percentile of a
/// first calibration batch (dudect's cropping: the slow tail is interrupts and migrations).
fn run(eq: fn(&[u8], &[u8]) -> bool, measurements: usize) -> f64 {
    let a = vec![0x5a_u8; LEN];
    let same = a.clone();
    let mut differ = a.clone();
    if let Some(first) = differ.first_mut() {
        *first ^= 1;
    }
    let mut rng = 0x9e37_79b9_7f4a_7c15_u64;
    let sample = |class: usize| {
        let other = if class == 0 { &same } else { &differ };
        let start = Instant::now();
        for _ in 0..BATCH {
            black_box(eq(black_box(&a), black_box(other)));
        }
        start.elapsed().as_nanos() as f64
    };
    let mut calibration: Vec<f64> = (0..10_000).map(|i| sample(i % 2)).collect();
    calibration.sort_by(f64::total_cmp);
    let crop = calibration.get(calibration.len() * 9 / 10).copied().unwrap_or(f64::INFINITY);
    let mut welch = Welch::default();
    for _ in 0..measurements {
        let class = (next(&mut rng) & 1) as usize;
        let x = sample(class);
        if x <= crop {
            welch.push(class, x);
        }
    }
    welch.t().abs()
}

fn main() {
    let measurements = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(400_000);
    let ours = run(ct_eq, measurements);
    let control = run(|a, b| a == b, measurements);
    println!("ct_eq, {LEN}-byte inputs, {measurements} measurements: |t| = {ours:.2} ({})", verdict(ours));
    println!("control `==` (early exit):                    |t| = {control:.2} ({})", verdict(control));
}

fn verdict(t: f64) -> &'static str {
    if t > 4.5 {
        "timing depends on the input"
    } else {
        "no timing difference found"
    }
}
