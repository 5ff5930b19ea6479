//! Jenkins' `H` hash: the job's full name → MD5 → a `java.util.Random` seed.
//!
//! Jenkins (`hudson.scheduler.Hash.from`) digests the seed string (the job's full
//! name, UTF-8) with MD5, folds the 16 bytes onto the first 8 by XOR, reads those 8
//! bytes as a big-endian 64-bit number and seeds a `java.util.Random` with it. Every
//! `H` in the job's trigger then takes the next `Random.nextInt(n)`, in the order the
//! parser meets them. [`JavaRandom`] reproduces `java.util.Random` bit for bit (the
//! 48-bit linear congruential generator of the Java API documentation), so the
//! values match a running Jenkins.

/// `java.util.Random`'s multiplier, addend and 48-bit mask (documented in its API).
const MULTIPLIER: u64 = 0x5_DEEC_E66D;
const ADDEND: u64 = 0xB;
const MASK: u64 = (1 << 48) - 1;

/// A bit-exact `java.util.Random`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JavaRandom {
    state: u64,
}

/// Why a draw was refused: `Random.nextInt(bound)` throws for a bound ≤ 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("bound must be positive (got {0})")]
pub struct BadBound(pub i32);

impl JavaRandom {
    /// `new Random(seed)`: the seed is scrambled with the multiplier first.
    pub fn new(seed: i64) -> JavaRandom {
        JavaRandom {
            state: (seed as u64 ^ MULTIPLIER) & MASK,
        }
    }

    /// `Random.next(bits)`: advance the generator and return its top `bits` bits.
    fn next_bits(&mut self, bits: u32) -> i32 {
        self.state = self.state.wrapping_mul(MULTIPLIER).wrapping_add(ADDEND) & MASK;
        (self.state >> (48 - bits)) as i64 as i32
    }

    /// `Random.nextInt(bound)`: uniform in `[0, bound)`, with Java's rejection loop
    /// (a draw can consume more than one step of the generator).
    pub fn next_int(&mut self, bound: i32) -> Result<i32, BadBound> {
        if bound <= 0 {
            return Err(BadBound(bound));
        }
        let mut r = self.next_bits(31);
        let m = bound - 1;
        if bound & m == 0 {
            // a power of two: the high bits
            return Ok(((bound as i64 * r as i64) >> 31) as i32);
        }
        let mut u = r;
        loop {
            r = u % bound;
            // Java's `u - r + m < 0` is an int overflow test: the draw fell in the
            // incomplete last block of [0, 2^31) and is redrawn.
            if u.wrapping_sub(r).wrapping_add(m) >= 0 {
                return Ok(r);
            }
            u = self.next_bits(31);
        }
    }
}

/// The 64-bit seed Jenkins derives from a key (`Hash.from`): MD5 of the UTF-8 bytes,
/// bytes 8–15 XOR-ed onto bytes 0–7, those read big-endian.
pub fn seed_for_key(key: &str) -> i64 {
    let mut digest = md5::compute(key.as_bytes()).0;
    for i in 8..16 {
        digest[i % 8] ^= digest[i];
    }
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    i64::from_be_bytes(first)
}

/// Where `H` takes its values from: a job's key, or Jenkins' "zero" hash (every `H`
/// is the lowest value of its range), which Jenkins uses when it has no job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JenkinsHash {
    random: Option<JavaRandom>,
}

impl JenkinsHash {
    /// The hash Jenkins gives the job whose full name is `key` (`folder/job`).
    pub fn for_key(key: &str) -> JenkinsHash {
        JenkinsHash {
            random: Some(JavaRandom::new(seed_for_key(key))),
        }
    }

    /// `Hash.zero()`: every draw is 0.
    pub fn zero() -> JenkinsHash {
        JenkinsHash { random: None }
    }

    /// Whether this is a real key's hash (not the zero hash).
    pub fn is_keyed(&self) -> bool {
        self.random.is_some()
    }

    /// The next value in `[0, n)`. The zero hash answers 0 for any `n`, even one
    /// `Random` would refuse, as Jenkins' does.
    pub fn next(&mut self, n: i32) -> Result<i32, BadBound> {
        match &mut self.random {
            Some(r) => r.next_int(n),
            None => Ok(0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn md5_of_empty_string_is_the_rfc_1321_value() {
        // RFC 1321 A.5: MD5("") = d41d8cd98f00b204e9800998ecf8427e
        // fold: d4^e9=3d 1d^80=9d 8c^09=85 d9^98=41 8f^ec=63 00^f8=f8 b2^42=f0 04^7e=7a
        assert_eq!(seed_for_key(""), 0x3d9d_8541_63f8_f07a_u64 as i64);
    }

    #[test]
    fn java_random_first_ints_of_seed_zero() {
        // new Random(0).nextInt() = -1155484576 (a value quoted widely for
        // java.util.Random; nextInt() is next(32), the top 32 bits of the first state)
        let mut r = JavaRandom::new(0);
        assert_eq!(r.next_bits(32), -1_155_484_576);
    }

    #[test]
    fn bad_bound_is_an_error_not_a_panic() {
        let mut r = JavaRandom::new(1);
        assert_eq!(r.next_int(0), Err(BadBound(0)));
        assert_eq!(r.next_int(-19), Err(BadBound(-19)));
        assert_eq!(JenkinsHash::zero().next(-19), Ok(0));
    }
}
