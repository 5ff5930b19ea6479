//! Options and helpers shared by every subcommand: dialect, zone, colour, time parsing.

use std::io::{self, IsTerminal};

use anyhow::{anyhow, Result};
use chrono::{DateTime, Utc};
use clap::ValueEnum;

use cronkit::schedule::calendar::Civil;
use cronkit::{DialectChoice, DstPolicy, Zone};

/// `--dialect`: `auto` or a profile of the table ([`cronkit::expr::PROFILES`]); the
/// values, their aliases and their help all come from that table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct DialectArg(pub DialectChoice);

impl DialectArg {
    /// The automatic choice.
    pub const AUTO: DialectArg = DialectArg(DialectChoice::Auto);
    /// Quartz (the `croneval` binary's default).
    pub const QUARTZ: DialectArg = DialectArg(DialectChoice::Quartz);
}

/// `auto` and one value per profile, in the table's order: built from the
/// table, so a profile added there is a `--dialect` value, in `--help` and in
/// the shell completions without a second list to keep in step.
static DIALECT_ARGS: std::sync::LazyLock<Vec<DialectArg>> = std::sync::LazyLock::new(|| {
    std::iter::once(DialectArg::AUTO)
        .chain(
            cronkit::expr::PROFILES
                .iter()
                .map(|p| DialectArg(p.dialect.into())),
        )
        .collect()
});

impl ValueEnum for DialectArg {
    fn value_variants<'a>() -> &'a [Self] {
        &DIALECT_ARGS
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        use clap::builder::PossibleValue;
        Some(match self.0.fixed() {
            None => PossibleValue::new("auto")
                .help("5 fields or a nickname → unix; 6 or 7 fields → quartz"),
            Some(d) => {
                let p = d.profile();
                PossibleValue::new(p.name)
                    .help(p.summary)
                    .aliases(p.aliases.iter().copied())
            }
        })
    }
}

impl std::fmt::Display for DialectArg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self.0.fixed() {
            None => "auto",
            Some(d) => d.name(),
        })
    }
}

impl From<DialectArg> for DialectChoice {
    fn from(d: DialectArg) -> Self {
        d.0
    }
}

/// A value parser that accepts any (UTF-8) text but offers a list of names to
/// the generated shell completions: zone names for `--tz`, rule codes for
/// `--allow`. The list is hidden from `--help` (`hide_possible_values`), and
/// text outside it is checked where it is used (an offset like `+05:30` is a
/// zone too).
#[derive(Clone, Copy)]
pub struct Completing(pub fn() -> Vec<&'static str>);

impl clap::builder::TypedValueParser for Completing {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> std::result::Result<String, clap::Error> {
        value
            .to_str()
            .map(str::to_string)
            .ok_or_else(|| clap::Error::new(clap::error::ErrorKind::InvalidUtf8).with_cmd(cmd))
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            (self.0)()
                .into_iter()
                .map(clap::builder::PossibleValue::new),
        ))
    }
}

/// What `--tz` completes to: `UTC`, `local` and every IANA zone name.
pub fn zone_names() -> Vec<&'static str> {
    let mut v = vec!["UTC", "local"];
    v.extend(chrono_tz::TZ_VARIANTS.iter().map(|z| z.name()));
    v
}

/// What `validate --allow` completes to: the rules that can be allowed.
pub fn allowable_rules() -> Vec<&'static str> {
    cronkit::lint::RULES
        .iter()
        .map(|r| r.code)
        .chain(cronkit::check::READER_WARNINGS)
        .collect()
}

/// `--dst`
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum DstArg {
    /// a time in a gap fires shifted by the gap; an overlap fires at its first occurrence
    #[default]
    Shift,
    /// a time in a gap does not fire; an overlap fires at its first occurrence
    Skip,
    /// Quartz 2.3.2: a gap does not fire; an overlap fires at its second occurrence
    Quartz,
    /// every instant whose wall clock matches (robfig/Kubernetes, fugit/GitLab, Spring): a gap does not fire, an overlap fires twice
    Wall,
    /// Vixie cron/cronie: a fixed time in a gap fires when it ends, once in an overlap; a `*` minute or hour skips a gap, fires twice in an overlap
    Cron,
}

impl From<DstArg> for DstPolicy {
    fn from(d: DstArg) -> Self {
        match d {
            DstArg::Shift => DstPolicy::Shift,
            DstArg::Skip => DstPolicy::Skip,
            DstArg::Quartz => DstPolicy::Quartz,
            DstArg::Wall => DstPolicy::Wall,
            DstArg::Cron => DstPolicy::Cron,
        }
    }
}

/// `--color`
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorArg {
    /// only on a terminal; NO_COLOR turns it off, CLICOLOR_FORCE on
    #[default]
    Auto,
    /// always, even into a pipe
    Always,
    /// never
    Never,
}

/// Decide whether to colour output written to `stream` (stdout or stderr).
///
/// `never` and `NO_COLOR` (non-empty) turn colour off; `always` and
/// `CLICOLOR_FORCE` (non-empty, not `0`) turn it on; otherwise only a terminal gets it.
pub fn use_color(arg: ColorArg, is_terminal: bool) -> bool {
    match arg {
        ColorArg::Never => false,
        ColorArg::Always => true,
        ColorArg::Auto => {
            if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
                return false;
            }
            if std::env::var("CLICOLOR_FORCE").is_ok_and(|v| !v.is_empty() && v != "0") {
                return true;
            }
            is_terminal
        }
    }
}

pub fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

pub fn stderr_is_terminal() -> bool {
    io::stderr().is_terminal()
}

/// Parse `--tz`.
pub fn parse_zone(s: &str) -> Result<Zone> {
    Zone::parse(s).map_err(|e| anyhow!("--tz: {e}"))
}

/// Parse a point in time (see [`cronkit::time::parse_instant`]); `what` names the
/// option in the error.
pub fn parse_instant(s: &str, zone: &Zone, what: &str) -> Result<DateTime<Utc>> {
    cronkit::time::parse_instant(s, zone, Utc::now()).map_err(|e| anyhow!("{what}: {e}"))
}

/// Set when a write to stderr failed (other than a closed pipe).
static STDERR_FAILED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Write a message to stderr without panicking (see `ewriteln!`): a closed
/// pipe is ignored, any other failure is remembered for the exit code.
pub fn write_stderr(args: std::fmt::Arguments<'_>) {
    use std::io::Write;
    if let Err(e) = io::stderr().lock().write_fmt(args) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            STDERR_FAILED.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }
}

/// Whether a write to stderr failed during the run (it then exits 2).
pub fn stderr_failed() -> bool {
    STDERR_FAILED.load(std::sync::atomic::Ordering::Relaxed)
}

/// Write to stdout, treating a closed pipe as a normal end.
pub fn finish_stdout(res: io::Result<()>) -> Result<()> {
    match res {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(anyhow!("writing output: {e}")),
    }
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

pub fn weekday_name(days: i64) -> &'static str {
    DAYS[cronkit::schedule::calendar::weekday_from_days(days) as usize]
}

pub fn month_name(m: u32) -> &'static str {
    MONTHS[(m as usize).clamp(1, 12) - 1]
}

/// Elasticsearch's `EEE, d MMM yyyy HH:mm:ss` for a wall-clock second count
/// (English names, day of month not padded, as Java's `Locale.ROOT` prints it).
pub fn es_date(local: i64, out: &mut Vec<u8>) {
    let c = Civil::from_secs(local);
    out.extend_from_slice(weekday_name(local.div_euclid(86_400)).as_bytes());
    out.extend_from_slice(b", ");
    if c.day >= 10 {
        out.push(b'0' + (c.day / 10) as u8);
    }
    out.push(b'0' + (c.day % 10) as u8);
    out.push(b' ');
    out.extend_from_slice(month_name(c.month).as_bytes());
    out.push(b' ');
    push4(out, c.year);
    out.push(b' ');
    push2(out, c.hour);
    out.push(b':');
    push2(out, c.minute);
    out.push(b':');
    push2(out, c.second);
}

/// `+0100` (Java's `Z` pattern letter).
pub fn offset_hhmm(off: i32, out: &mut Vec<u8>) {
    let sign = if off < 0 { b'-' } else { b'+' };
    let a = off.unsigned_abs();
    out.push(sign);
    push2(out, a / 3600);
    push2(out, a / 60 % 60);
}

/// `+01:00`, or `Z` when `z_for_utc` and the offset is 0.
pub fn offset_colon(off: i32, z_for_utc: bool, out: &mut Vec<u8>) {
    if off == 0 && z_for_utc {
        out.push(b'Z');
        return;
    }
    let sign = if off < 0 { b'-' } else { b'+' };
    let a = off.unsigned_abs();
    out.push(sign);
    push2(out, a / 3600);
    out.push(b':');
    push2(out, a / 60 % 60);
    if a % 60 != 0 {
        out.push(b':');
        push2(out, a % 60);
    }
}

#[inline]
fn push2(out: &mut Vec<u8>, v: u32) {
    out.push(b'0' + (v / 10 % 10) as u8);
    out.push(b'0' + (v % 10) as u8);
}

/// A year as four digits (the engine's range is 1970–2199).
#[inline]
fn push4(out: &mut Vec<u8>, year: i32) {
    let y = year.clamp(0, 9999) as u32;
    push2(out, y / 100);
    push2(out, y % 100);
}

/// RFC 3339 `YYYY-MM-DDTHH:MM:SS` of a wall-clock second count (no offset), fast.
#[inline]
pub fn iso_local(local: i64, out: &mut Vec<u8>) {
    let c = Civil::from_secs(local);
    push4(out, c.year);
    out.push(b'-');
    push2(out, c.month);
    out.push(b'-');
    push2(out, c.day);
    out.push(b'T');
    push2(out, c.hour);
    out.push(b':');
    push2(out, c.minute);
    out.push(b':');
    push2(out, c.second);
}

/// RFC 3339 with the zone's offset at `ts` (`Z` for UTC).
pub fn iso_in_zone(ts: i64, zone: &Zone, out: &mut Vec<u8>) {
    let off = zone.offset_at(ts);
    iso_local(ts + off as i64, out);
    offset_colon(off, zone.is_utc(), out);
}

/// [`iso_in_zone`] for a stream of instants, the hot loop of `croneval --format
/// iso`: the date part is worked out again only when the local day changes, the
/// offset text only when the offset does, and a fixed zone is never asked for it.
pub struct IsoWriter<'a> {
    zone: &'a Zone,
    fixed: Option<i32>,
    z_for_utc: bool,
    day: i64,
    date: [u8; 11],
    off: i32,
    off_text: Vec<u8>,
}

impl<'a> IsoWriter<'a> {
    pub fn new(zone: &'a Zone) -> Self {
        let fixed = zone.fixed_offset();
        let off = fixed.unwrap_or(0);
        let mut off_text = Vec::with_capacity(9);
        offset_colon(off, zone.is_utc(), &mut off_text);
        IsoWriter {
            zone,
            fixed,
            z_for_utc: zone.is_utc(),
            day: i64::MIN,
            date: [0; 11],
            off,
            off_text,
        }
    }

    #[inline]
    pub fn write(&mut self, ts: i64, out: &mut Vec<u8>) {
        let off = match self.fixed {
            Some(o) => o,
            None => self.zone.offset_at(ts),
        };
        if off != self.off {
            self.off = off;
            self.off_text.clear();
            offset_colon(off, self.z_for_utc, &mut self.off_text);
        }
        let local = ts + off as i64;
        let day = local.div_euclid(86_400);
        if day != self.day {
            self.day = day;
            let mut d = Vec::with_capacity(20);
            iso_local(day * 86_400, &mut d);
            self.date.copy_from_slice(&d[..11]);
        }
        let sod = local.rem_euclid(86_400) as u32;
        out.extend_from_slice(&self.date);
        push2(out, sod / 3600);
        out.push(b':');
        push2(out, sod / 60 % 60);
        out.push(b':');
        push2(out, sod % 60);
        out.extend_from_slice(&self.off_text);
    }
}

/// A human duration: `1m`, `2h 30m`, `3d 4h`, `45s`.
pub fn human_gap(secs: i64) -> String {
    if secs <= 0 {
        return "0s".to_string();
    }
    let (d, h, m, s) = (secs / 86_400, secs / 3600 % 24, secs / 60 % 60, secs % 60);
    let parts: Vec<String> = [(d, "d"), (h, "h"), (m, "m"), (s, "s")]
        .iter()
        .filter(|(v, _)| *v > 0)
        .take(2)
        .map(|(v, u)| format!("{v}{u}"))
        .collect();
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, TimeZone};

    /// The streaming ISO writer against chrono's own RFC 3339 formatting, across
    /// day boundaries and both 2026 daylight-saving changes in Paris.
    #[test]
    fn iso_writer_matches_chrono() {
        let zones = ["UTC", "Europe/Paris", "+05:30", "America/New_York"];
        let spring = 1_774_746_000 - 3 * 3600; // 2026-03-29T01:00:00Z minus 3 h
        let autumn = 1_792_890_000 - 3 * 3600; // 2026-10-25T01:00:00Z minus 3 h
        for name in zones {
            let zone = Zone::parse(name).expect("zone");
            let mut w = IsoWriter::new(&zone);
            for start in [spring, autumn] {
                for ts in (start..start + 6 * 3600).step_by(599) {
                    let mut ours = Vec::new();
                    w.write(ts, &mut ours);
                    let off = FixedOffset::east_opt(zone.offset_at(ts)).expect("offset");
                    let theirs = off
                        .timestamp_opt(ts, 0)
                        .single()
                        .expect("instant")
                        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
                    assert_eq!(String::from_utf8_lossy(&ours), theirs, "{name} {ts}");
                }
            }
        }
    }

    #[test]
    fn elasticsearch_date_format() {
        let mut b = Vec::new();
        // 2026-12-01T00:00:00Z, a Tuesday: the day is not padded
        es_date(1_796_083_200, &mut b);
        assert_eq!(String::from_utf8_lossy(&b), "Tue, 1 Dec 2026 00:00:00");
        let mut b = Vec::new();
        offset_hhmm(-16_200, &mut b);
        assert_eq!(String::from_utf8_lossy(&b), "-0430");
    }
}
