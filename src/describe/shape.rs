//! What a set of values looks like, so it can be said in the fewest true words.
//!
//! A step is classified by the values it produces, never by how it was written:
//! `*/15` in minutes is a [`Shape::Cycle`] (0, 15, 30, 45 and then 0 again, always
//! 15 apart, so "every 15 minutes" is true), while `*/7` is a [`Shape::Prog`]
//! (0, 7, …, 56 and then 0 after only 4 minutes), which must not be called
//! "every 7 minutes".

/// The shape of a set of values inside `lo..=hi`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Every value of the domain.
    All,
    /// One value.
    Single(u32),
    /// `a..=b`, two or more consecutive values (no wrap).
    Run(u32, u32),
    /// Evenly spaced around the whole cycle of the domain, with the same gap
    /// across the wrap: `first, first+step, …` where `step` divides the domain size.
    Cycle { first: u32, step: u32 },
    /// An arithmetic progression (three or more values, step ≥ 2) that is not a cycle.
    Prog { first: u32, step: u32, last: u32 },
    /// Anything else.
    List,
}

/// Classify `bits` (bit v = value v) inside `lo..=hi`.
pub(crate) fn classify(bits: u64, lo: u32, hi: u32) -> Shape {
    let domain = mask(lo, hi);
    let bits = bits & domain;
    let count = bits.count_ones();
    let size = hi - lo + 1;
    if count == size {
        return Shape::All;
    }
    if count == 0 {
        return Shape::List;
    }
    let first = bits.trailing_zeros();
    if count == 1 {
        return Shape::Single(first);
    }
    let last = 63 - bits.leading_zeros();
    if last - first + 1 == count {
        return Shape::Run(first, last);
    }
    let second = (bits & (bits - 1)).trailing_zeros();
    let step = second - first;
    if (last - first) % step != 0 || (last - first) / step + 1 != count {
        return Shape::List;
    }
    let mut expect = 0u64;
    let mut v = first;
    while v <= last {
        expect |= 1 << v;
        v += step;
    }
    if expect != bits {
        return Shape::List;
    }
    // the gap from the last value around to the first one of the next cycle
    if first + size - last == step {
        return Shape::Cycle { first, step };
    }
    if count >= 3 {
        Shape::Prog { first, step, last }
    } else {
        Shape::List
    }
}

/// Bits `lo..=hi` set.
#[inline]
pub(crate) fn mask(lo: u32, hi: u32) -> u64 {
    let upper = if hi >= 63 {
        u64::MAX
    } else {
        (1u64 << (hi + 1)) - 1
    };
    upper & !((1u64 << lo) - 1)
}

/// When the set is one run that wraps past `hi` back to `lo` (`23-1` in hours), its
/// start and end.
pub(crate) fn wrap_run(bits: u64, lo: u32, hi: u32) -> Option<(u32, u32)> {
    let domain = mask(lo, hi);
    let bits = bits & domain;
    if bits == domain || bits >> lo & 1 == 0 || bits >> hi & 1 == 0 {
        return None;
    }
    let gap = domain & !bits;
    let g0 = gap.trailing_zeros();
    let g1 = 63 - gap.leading_zeros();
    if g1 - g0 + 1 != gap.count_ones() {
        return None;
    }
    Some((g1 + 1, g0 - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(vals: &[u32]) -> u64 {
        vals.iter().fold(0, |a, v| a | 1 << v)
    }

    #[test]
    fn steps_are_judged_by_their_values() {
        // */15 minutes: uniform across the hour
        assert_eq!(
            classify(bits(&[0, 15, 30, 45]), 0, 59),
            Shape::Cycle { first: 0, step: 15 }
        );
        // 5/15: still 15 apart across the hour boundary (50 → 05)
        assert_eq!(
            classify(bits(&[5, 20, 35, 50]), 0, 59),
            Shape::Cycle { first: 5, step: 15 }
        );
        // */59 = {0, 59}: two values, not a cycle
        assert_eq!(classify(bits(&[0, 59]), 0, 59), Shape::List);
        // */7 hours = 0, 7, 14, 21: 21 → 0 is 3 hours
        assert_eq!(
            classify(bits(&[0, 7, 14, 21]), 0, 23),
            Shape::Prog {
                first: 0,
                step: 7,
                last: 21
            }
        );
        assert_eq!(classify(mask(0, 59), 0, 59), Shape::All);
        assert_eq!(classify(bits(&[9]), 0, 23), Shape::Single(9));
        assert_eq!(classify(bits(&[9, 10, 11]), 0, 23), Shape::Run(9, 11));
        assert_eq!(classify(bits(&[1, 2, 5]), 0, 23), Shape::List);
        // 0,12 hours: every 12 hours
        assert_eq!(
            classify(bits(&[0, 12]), 0, 23),
            Shape::Cycle { first: 0, step: 12 }
        );
    }

    #[test]
    fn wrapping_runs() {
        assert_eq!(wrap_run(bits(&[23, 0, 1]), 0, 23), Some((23, 1)));
        assert_eq!(wrap_run(bits(&[0, 1]), 0, 23), None);
        assert_eq!(wrap_run(bits(&[22, 23, 0, 5]), 0, 23), None);
        assert_eq!(wrap_run(bits(&[5, 6, 0, 1]), 0, 6), Some((5, 1)));
    }
}
