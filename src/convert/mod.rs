//! Converting schedules: cron between dialects, and cron to Watcher JSON.
//!
//! Every conversion goes through the *meaning* of an expression, a
//! [`Pattern`] (which seconds, minutes, hours, days, months and years it
//! selects), never through its text. The target dialect then writes the
//! pattern back, using as many expressions as it needs:
//!
//! * **Unix → Quartz**: seconds `0`, weekdays renumbered (written with names),
//!   `?` placed, and Vixie's OR of two restricted day fields split into two
//!   expressions (Quartz needs one day field to be `?`). An AND of both day
//!   fields (a `*`-prefixed field such as `*/2`, or `+`) has no Quartz form
//!   and is an error.
//! * **Quartz → Unix** ([`Target::Unix`]): classic 5-field Vixie/ISC cron.
//!   Non-zero seconds, a year, `L`, `W`, `#` and `nL` are errors that name
//!   what cannot be said and point at [`Target::Ocps`].
//! * **Quartz → OCPS** ([`Target::Ocps`]): the Unix dialect with the Open
//!   Cron Pattern Specification's extensions: a seconds field (6 fields,
//!   OCPS 1.2), a year (7 fields, 1.2), `L`, `FRI#L`, `FRI#3` (1.2/1.3),
//!   `nW` (1.3) and `+` for AND (1.4). `LW`, `L-n` and `L-nW` are Quartz
//!   extensions that OCPS does not have: errors.
//! * **Cron → a platform profile** ([`Target::Profile`]): written in that
//!   platform's syntax from the profile table (seconds and year where its layout
//!   has them, `cron(...)` for EventBridge); what it cannot read is an error that
//!   names the platform.
//! * **Cron → Watcher** ([`to_watcher`]): the simplest Watcher schedule that
//!   Elasticsearch translates back into crons firing at the same times.
//! * **Merge** ([`merge`]): fewer expressions that fire identically.
//!
//! ```
//! use cronkit::convert::{convert, Parsed, Target};
//! use cronkit::DialectChoice;
//!
//! let input = [Parsed::parse("0 12 1 * MON", DialectChoice::Unix).unwrap()];
//! let out = convert(&input, Target::Quartz, false).unwrap();
//! assert_eq!(out.expressions, ["0 0 12 1 * ?", "0 0 12 ? * MON"]);
//!
//! let input = [Parsed::parse("0 0 9 ? * MON-FRI", DialectChoice::Quartz).unwrap()];
//! let out = convert(&input, Target::Unix, false).unwrap();
//! assert_eq!(out.expressions, ["0 9 * * MON-FRI"]);
//! ```
//!
//! [`equivalence`] compares the fire times of two sets of schedules; the test
//! suite runs it on every conversion it makes.

pub mod equivalence;
pub mod interval;
pub mod pattern;
mod profile;
pub mod render;
pub mod spread;
pub mod watcher;

use std::fmt;

use thiserror::Error;

use crate::expr::{Diagnostic, Dialect, DialectChoice, Expr, FieldKind};

pub use pattern::{Days, DomSet, DowSet, Pattern, Years};
pub use watcher::{to_watcher, WatcherSchedule};

/// What to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// Quartz (Elasticsearch, Nuxeo): 6 or 7 fields.
    Quartz,
    /// Classic Unix cron (Vixie/ISC, cronie): 5 fields, no extensions.
    Unix,
    /// Unix with the OCPS 1.2–1.4 extensions (seconds, year, `L`, `#`, `W`, `+`).
    Ocps,
    /// A platform profile (`k8s`, `github`, `gitlab`, `eventbridge`, `spring`), in
    /// its own layout and syntax (EventBridge's `cron(...)` with `?`, Spring's
    /// seconds, Kubernetes' names); driven by the profile table ([`crate::expr::profile`]).
    Profile(Dialect),
}

impl Target {
    /// The cronkit dialect that reads the output.
    pub fn dialect(self) -> Dialect {
        match self {
            Target::Quartz => Dialect::Quartz,
            Target::Unix | Target::Ocps => Dialect::Unix,
            Target::Profile(d) => d,
        }
    }

    /// `quartz`, `unix` or `ocps`.
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Quartz => "quartz",
            Target::Unix => "unix",
            Target::Ocps => "ocps",
            Target::Profile(d) => d.name(),
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why an expression cannot be written in the target.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{message}")]
pub struct ConvertError {
    /// Stable kebab-case code: `reboot`, `seconds-in-unix`, `year-in-unix`,
    /// `needs-ocps`, `not-in-unix`, `day-and-in-quartz`, `day-and-in-unix`,
    /// `merge-too-large`, `internal`.
    pub code: &'static str,
    /// The field that cannot be said, when it is one field.
    pub field: Option<FieldKind>,
    /// What cannot be said, and why.
    pub message: String,
    /// What to do instead.
    pub help: Option<String>,
}

impl ConvertError {
    pub(crate) fn new(
        code: &'static str,
        field: Option<FieldKind>,
        message: impl Into<String>,
    ) -> Self {
        ConvertError {
            code,
            field,
            message: message.into(),
            help: None,
        }
    }

    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// An expression with its text (kept so an unchanged Quartz expression can be
/// passed through as written).
#[derive(Clone, Debug)]
pub struct Parsed {
    /// The text as given (trimmed).
    pub text: String,
    /// Its syntax tree.
    pub expr: Expr,
}

impl Parsed {
    /// Parse `text` in the given dialect.
    pub fn parse(text: &str, choice: DialectChoice) -> Result<Parsed, Diagnostic> {
        let expr = Expr::parse(text, choice)?;
        Ok(Parsed {
            text: text.trim().to_string(),
            expr,
        })
    }
}

/// The result of a conversion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conversion {
    /// The expressions; fired together they fire exactly as the input.
    pub expressions: Vec<String>,
    /// Facts worth telling (e.g. why one expression became two).
    pub notes: Vec<String>,
}

/// Convert expressions (together one schedule) to `target`.
///
/// Without `merge` each input becomes its own expression(s), in order; a
/// Quartz expression converted to Quartz is passed through as written. With
/// `merge` the inputs are merged first ([`merge`]) and written anew.
pub fn convert(
    inputs: &[Parsed],
    target: Target,
    merge_them: bool,
) -> Result<Conversion, ConvertError> {
    if merge_them {
        let patterns = inputs
            .iter()
            .map(|p| Pattern::from_expr(&p.expr).map_err(|e| for_target(e, target)))
            .collect::<Result<Vec<_>, _>>()?;
        return convert_distinct(&mergeable(&patterns)?, target);
    }
    let mut patterns = Vec::with_capacity(inputs.len());
    for input in inputs {
        patterns.push(match Pattern::from_expr(&input.expr) {
            Ok(p) => Some(p),
            // a form only its own platform has (GitLab's `fri#-2`, `sun%2`), converted
            // to that platform: the text is passed through, checked below
            Err(e)
                if e.code == "form-not-convertible"
                    && input.expr.dialect == target.dialect()
                    && matches!(target, Target::Profile(_)) =>
            {
                None
            }
            Err(e) => return Err(for_target(e, target)),
        });
    }
    let mut notes = Vec::new();
    let mut expressions: Vec<String> = Vec::new();
    // de-duplication in linear time (a `cron` array can be long)
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut push = |e: String| {
        if seen.insert(e.clone()) {
            expressions.push(e);
        }
    };
    for (input, p) in inputs.iter().zip(&patterns) {
        if target == Target::Quartz && input.expr.dialect == Dialect::Quartz {
            push(input.text.clone());
            continue;
        }
        let Some(p) = p else {
            push(pass_through(input, target)?);
            continue;
        };
        let out = checked_write(p, target)?;
        if out.len() > 1 && target == Target::Quartz {
            if let Days::Or(..) = p.days {
                notes.push(format!(
                    "`{}` fires on a day that matches day-of-month OR day-of-week (Vixie cron's rule \
                     for two restricted day fields); Quartz needs `?` in one of them, so it takes {} expressions",
                    input.text,
                    out.len()
                ));
            }
        }
        for e in out {
            push(e);
        }
    }
    Ok(Conversion { expressions, notes })
}

/// The display name of what `target` writes, for messages.
fn target_display(target: Target) -> &'static str {
    match target {
        Target::Ocps => "OCPS",
        t => t.dialect().profile().display,
    }
}

/// A pattern error, saying which target cannot express the form.
fn for_target(e: ConvertError, target: Target) -> ConvertError {
    if e.code != "form-not-convertible" {
        return e;
    }
    ConvertError {
        message: format!(
            "{}, so {} (`--to {target}`) cannot express it",
            e.message,
            target_display(target)
        ),
        ..e
    }
}

/// An expression in a form only its own platform reads, converted to that
/// platform: the text as written, read back with the target's profile and
/// checked to compile to the same schedule.
fn pass_through(input: &Parsed, target: Target) -> Result<String, ConvertError> {
    let back = Expr::parse(&input.text, target.dialect().into()).map_err(|d| {
        ConvertError::new(
            "internal",
            None,
            format!(
                "cronkit cannot read `{}` back as {}: {d} (please report this)",
                input.text,
                target_display(target)
            ),
        )
    })?;
    if crate::Schedule::from_expr(&back) != crate::Schedule::from_expr(&input.expr) {
        return Err(ConvertError::new(
            "internal",
            None,
            format!(
                "cronkit wrote `{}`, which does not fire as the input (please report this)",
                input.text
            ),
        ));
    }
    Ok(input.text.clone())
}

/// Merge patterns that are already distinct (see [`DistinctPatterns`]) and
/// write them in `target`: what [`convert`] does with `merge`, for a caller
/// that reads its expressions one at a time and keeps only their patterns.
pub fn convert_distinct(distinct: &[Pattern], target: Target) -> Result<Conversion, ConvertError> {
    let mut expressions: Vec<String> = Vec::new();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    for p in merge(distinct, target) {
        for e in checked_write(&p, target)? {
            if seen.insert(e.clone()) {
                expressions.push(e);
            }
        }
    }
    Ok(Conversion {
        expressions,
        notes: Vec::new(),
    })
}

/// How many checked writings [`checked_write`] remembers (per thread). A
/// long input repeats a few patterns (a crontab of `0 N * * *` has 24); past
/// this many different ones the memory is emptied and filled again, so it
/// stays a few hundred kilobytes however long the input.
const WRITE_MEMO_CAP: usize = 4096;

/// What [`checked_write`] remembers: a pattern with its month spelling (which
/// [`Pattern`]'s own equality leaves out, but the written text shows), and
/// the target.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct WriteKey {
    pattern: Pattern,
    month_names: bool,
    target: Target,
}

type WriteMemo = std::collections::HashMap<WriteKey, Result<Vec<String>, ConvertError>>;

thread_local! {
    static WRITTEN: std::cell::RefCell<WriteMemo> = std::cell::RefCell::new(WriteMemo::new());
}

/// Write a pattern and read the result back: output that the target dialect
/// does not accept, or that means something else, is a bug caught here
/// rather than a wrong schedule handed to the user.
///
/// The answer depends only on the pattern (with its month spelling) and the
/// target, so it is remembered: converting a long list parses each input
/// expression once and writes and reads back each *different* pattern once,
/// not every line again (a 10 MB crontab of repeated schedules spent most of
/// its time reading its own output back).
pub(crate) fn checked_write(p: &Pattern, target: Target) -> Result<Vec<String>, ConvertError> {
    let key = WriteKey {
        pattern: *p,
        month_names: p.month_names,
        target,
    };
    if let Some(done) = WRITTEN.with(|m| m.borrow().get(&key).cloned()) {
        return done;
    }
    let done = write_and_read_back(p, target);
    WRITTEN.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= WRITE_MEMO_CAP {
            m.clear();
        }
        m.insert(key, done.clone());
    });
    done
}

/// [`checked_write`] without the memory.
fn write_and_read_back(p: &Pattern, target: Target) -> Result<Vec<String>, ConvertError> {
    let out = render::write(p, target)?;
    let mut back: Vec<Pattern> = Vec::with_capacity(out.len());
    for text in &out {
        let e = Expr::parse(text, target.dialect().into()).map_err(|d| {
            ConvertError::new(
                "internal",
                None,
                format!(
                    "cronkit wrote `{text}`, which it cannot read back: {d} (please report this)"
                ),
            )
        })?;
        back.push(Pattern::from_expr(&e)?);
    }
    let mut union = back.first().copied();
    for b in back.iter().skip(1) {
        union = union.and_then(|u| u.union_one_field(b));
    }
    // The pieces together must be `p`. An AND of two multi-part day fields
    // (OCPS `+`) splits into a product that no single pattern holds; there
    // each piece must at least lie inside `p`.
    let same = match union {
        Some(u) => u == *p,
        None => matches!(p.days, Days::And(..)) && back.iter().all(|b| b.subset_of(p)),
    };
    if !same {
        return Err(ConvertError::new(
            "internal",
            None,
            format!(
                "cronkit wrote `{}`, which does not fire as the input (please report this)",
                out.join("`, `")
            ),
        ));
    }
    Ok(out)
}

/// The number of expressions `p` takes in `target` (`usize::MAX` when it
/// cannot be written).
fn cost(p: &Pattern, target: Target) -> usize {
    render::write(p, target).map_or(usize::MAX, |v| v.len())
}

/// The most different expressions [`convert`] merges at once: the greedy
/// search in [`merge`] looks at every pair after each step, so its cost grows
/// with the cube of the count (1 000 take well under a second; 8 000 took
/// over a minute). More is an error that says so, not minutes of work.
pub const MAX_MERGE_PATTERNS: usize = 1000;

/// `patterns` without repeats, or the `merge-too-large` error past
/// [`MAX_MERGE_PATTERNS`].
pub(crate) fn mergeable(patterns: &[Pattern]) -> Result<Vec<Pattern>, ConvertError> {
    let mut distinct = DistinctPatterns::default();
    for p in patterns {
        distinct.insert(*p);
        if distinct.is_over_cap() {
            break;
        }
    }
    distinct.into_mergeable()
}

/// The `merge-too-large` error.
fn merge_too_large() -> ConvertError {
    ConvertError {
        code: "merge-too-large",
        field: None,
        message: format!(
            "more than {MAX_MERGE_PATTERNS} different expressions to merge; cronkit merges at most {MAX_MERGE_PATTERNS} at once (the search for merges grows with the cube of the count)"
        ),
        help: Some(
            "split the input and merge each part, or convert without --merge (or --to watcher)"
                .to_string(),
        ),
    }
}

/// The different patterns of a stream of expressions, in first-seen order,
/// gathered one at a time so that merging a long input keeps one small
/// record per *different* pattern, not one per expression. Equality is
/// semantic (a pattern's `month_names` spelling does not count; the first
/// one seen is kept). Past [`MAX_MERGE_PATTERNS`] different patterns it stops
/// keeping them: [`DistinctPatterns::into_mergeable`] is then the
/// `merge-too-large` error, so memory stays bounded however long the input.
///
/// ```
/// use cronkit::convert::{convert_distinct, DistinctPatterns, Pattern, Target};
/// use cronkit::{DialectChoice, Expr};
///
/// let mut set = DistinctPatterns::default();
/// for text in ["0 9 * * *", "0 17 * * *", "0 9 * * *"] {
///     let expr = Expr::parse(text, DialectChoice::Unix).unwrap();
///     set.insert(Pattern::from_expr(&expr).unwrap());
/// }
/// let distinct = set.into_mergeable().unwrap();
/// assert_eq!(distinct.len(), 2);
/// let out = convert_distinct(&distinct, Target::Unix).unwrap();
/// assert_eq!(out.expressions, ["0 9,17 * * *"]);
/// ```
#[derive(Clone, Debug, Default)]
pub struct DistinctPatterns {
    /// First-seen order (at most `MAX_MERGE_PATTERNS + 1`).
    order: Vec<Pattern>,
    seen: std::collections::HashSet<Pattern>,
}

impl DistinctPatterns {
    /// Adds `p` unless an equal pattern is already there (or the cap is passed).
    pub fn insert(&mut self, p: Pattern) {
        if self.is_over_cap() {
            return;
        }
        if self.seen.insert(p) {
            self.order.push(p);
        }
    }

    /// Whether more than [`MAX_MERGE_PATTERNS`] different patterns were seen.
    pub fn is_over_cap(&self) -> bool {
        self.order.len() > MAX_MERGE_PATTERNS
    }

    /// The different patterns in first-seen order, or the `merge-too-large`
    /// error past [`MAX_MERGE_PATTERNS`].
    pub fn into_mergeable(self) -> Result<Vec<Pattern>, ConvertError> {
        if self.is_over_cap() {
            return Err(merge_too_large());
        }
        Ok(self.order)
    }
}

/// `patterns` without repeats, in first-seen order; it stops early once more
/// than [`MAX_MERGE_PATTERNS`] different ones are found, which bounds it.
fn distinct_patterns(patterns: &[Pattern]) -> Vec<Pattern> {
    let mut distinct = DistinctPatterns::default();
    for p in patterns {
        distinct.insert(*p);
    }
    distinct.order
}

/// Fewer patterns that fire exactly as `patterns` together: duplicates and
/// patterns contained in another are dropped, and two patterns that differ in
/// one field only become one with the union of that field (`0 0 9 * * ?` and
/// `0 0 17 * * ?` → `0 0 9,17 * * ?`) when that takes fewer expressions in
/// `target`. Greedy, so not always the minimum, but always exact.
pub fn merge(patterns: &[Pattern], target: Target) -> Vec<Pattern> {
    let mut ps = distinct_patterns(patterns);
    loop {
        let mut changed = false;
        // drop a pattern that another one contains
        'sub: for i in 0..ps.len() {
            for j in 0..ps.len() {
                if i != j && ps[i].subset_of(&ps[j]) {
                    ps.remove(i);
                    changed = true;
                    break 'sub;
                }
            }
        }
        if changed {
            continue;
        }
        'pair: for i in 0..ps.len() {
            for j in i + 1..ps.len() {
                if let Some(u) = ps[i].union_one_field(&ps[j]) {
                    let before = cost(&ps[i], target).saturating_add(cost(&ps[j], target));
                    if cost(&u, target) < before {
                        ps[i] = u;
                        ps.remove(j);
                        changed = true;
                        break 'pair;
                    }
                }
            }
        }
        if !changed {
            return ps;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(texts: &[&str]) -> Vec<Parsed> {
        texts
            .iter()
            .map(|t| Parsed::parse(t, DialectChoice::Auto).unwrap())
            .collect()
    }

    #[test]
    fn pass_through_and_notes() {
        let out = convert(&parsed(&["0 0/5 * * * ?"]), Target::Quartz, false).unwrap();
        assert_eq!(out.expressions, ["0 0/5 * * * ?"]);
        let out = convert(&parsed(&["0 12 1 * 1"]), Target::Quartz, false).unwrap();
        assert_eq!(out.expressions, ["0 0 12 1 * ?", "0 0 12 ? * MON"]);
        assert_eq!(out.notes.len(), 1);
    }

    /// The memory of checked writings keys on the month spelling too: the
    /// same schedule spelt `JAN` and `1` is written as it was spelt, in
    /// either order, however often it comes.
    #[test]
    fn remembered_writings_keep_the_month_spelling() {
        let one = |t: &str| {
            convert(&parsed(&[t]), Target::Quartz, false)
                .unwrap()
                .expressions
        };
        for _ in 0..2 {
            assert_eq!(one("0 0 1 JAN *"), ["0 0 0 1 JAN ?"]);
            assert_eq!(one("0 0 1 1 *"), ["0 0 0 1 1 ?"]);
        }
        for _ in 0..2 {
            assert_eq!(one("0 0 2 2 *"), ["0 0 0 2 2 ?"]);
            assert_eq!(one("0 0 2 FEB *"), ["0 0 0 2 FEB ?"]);
        }
        // past the cap the memory starts again and answers the same
        for i in 0..WRITE_MEMO_CAP + 10 {
            let t = format!("{} {} {} * *", i % 60, i / 60 % 24, i / 1440 % 28 + 1);
            let q = format!("0 {} {} {} * ?", i % 60, i / 60 % 24, i / 1440 % 28 + 1);
            assert_eq!(one(&t), [q]);
        }
        assert_eq!(one("0 0 1 JAN *"), ["0 0 0 1 JAN ?"]);
    }

    #[test]
    fn merging() {
        let m = |texts: &[&str], t: Target| convert(&parsed(texts), t, true).unwrap().expressions;
        assert_eq!(
            m(
                &["0 0 0 * * ?", "0 0 12 * * ?", "0 0 17 * * ?"],
                Target::Quartz
            ),
            ["0 0 0,12,17 * * ?"]
        );
        assert_eq!(
            m(&["0 0 9 * * ?", "0 0 9 * * ?"], Target::Quartz),
            ["0 0 9 * * ?"]
        );
        // contained in another
        assert_eq!(
            m(&["0 0 * * * ?", "0 0 12 * * ?"], Target::Quartz),
            ["0 0 * * * ?"]
        );
        // two fields differ: stays two
        assert_eq!(
            m(&["0 30 9 * * ?", "0 0 17 * * ?"], Target::Quartz),
            ["0 30 9 * * ?", "0 0 17 * * ?"]
        );
        // day-of-month and day-of-week: one Unix expression (OR), two in Quartz
        assert_eq!(
            m(&["0 0 12 1 * ?", "0 0 12 ? * MON"], Target::Unix),
            ["0 12 1 * MON"]
        );
        assert_eq!(
            m(&["0 0 12 1 * ?", "0 0 12 ? * MON"], Target::Quartz),
            ["0 0 12 1 * ?", "0 0 12 ? * MON"]
        );
        // weekdays of two expressions
        assert_eq!(
            m(&["0 0 12 ? * MON", "0 0 12 ? * TUE,WED"], Target::Quartz),
            ["0 0 12 ? * MON-WED"]
        );
    }
}
