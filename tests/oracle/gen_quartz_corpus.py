#!/usr/bin/env python3
"""Quartz parity golden corpus for cronkit.

Generates cron expressions from a grammar, asks the REAL Quartz 2.3.2 library
(through the oracle harness run.sh, one JVM for all lines) for their fire
times, and writes Quartz's verbatim answers next to the inputs:

  tests/data/quartz_corpus.tsv      random-grammar corpus (fires + rejects)
  tests/data/quartz_edge_cases.tsv  the 135 rows of EDGE-CASES.md, re-run,
                                    with what cronkit is expected to do

Nothing in these files comes from cronkit.  Python 3.11, standard library
only.  Usage (from anywhere):

    python3 tests/oracle/gen_quartz_corpus.py            # writes both files
    python3 tests/oracle/gen_quartz_corpus.py --dry-run  # generate + self-check only

The oracle is found via the environment variable QUARTZ_ORACLE, default
``../shared/oracles/quartz/run.sh`` relative to the repository root.  The
edge-case inputs are read from ``edge-cases.tsv`` in the same folder.

Determinism
-----------
All inputs (expressions, start instants, zones) come from random.Random(SEED)
with a fixed SEED, so the input columns are identical on every run.  Quartz's
answers are deterministic too, with ONE exception: Quartz's
CronExpression.MAX_YEAR is "year of the host clock + 100" (2126 when this was
generated in 2026); ``getNextValidTimeAfter`` returns null after that year.
The header of each .tsv records the MAX_YEAR in force (``# quartz_max_year:``).
Regenerating in another calendar year changes results that reach that year.

Corpus file format (tests/data/quartz_corpus.tsv)
-------------------------------------------------
UTF-8, LF.  Lines starting with ``#`` are comments (header); no expression
starts with ``#``.  Every other line has six TAB-separated columns:

    expr  start  n  tz  status  result

* expr: the expression exactly as given to Quartz, escaped: a literal TAB is
  written ``\\t`` and a backslash ``\\\\`` (no other escapes; the expressions
  contain no CR/LF).  Un-escape ``\\\\`` -> ``\\`` and ``\\t`` -> TAB, left
  to right.
* start: ISO-8601 UTC instant, whole seconds (``2031-04-05T14:55:12Z``).
  The first fire time is strictly after it.
* n: number of fire times asked for (20).
* tz: IANA zone given to CronExpression.setTimeZone (cronkit: ``--tz`` with
  ``--dst quartz``).
* status / result: Quartz's verbatim answer line split at its first TAB:
  ``OK`` + ``t1,t2,...`` (UTC instants, ``,END`` appended when Quartz returned
  null before n times, bare ``END`` when none at all) or ``ERR`` + message.

Sections (a ``# section: NAME ...`` comment line precedes each):

* fires   -- Quartz accepts; cronkit must accept and give the same times.
* quirks  -- Quartz accepts, but its answer is path-dependent (Java's lenient
  Calendar): day-of-month 29W/30W/31W in shorter months, and Lord Howe rows
  whose window contains its 30-minute spring-forward gap with hour 2 in the
  schedule.  See is_quirk() / quirk_kind().  Still Quartz's verbatim output;
  cronkit matches these only if it emulates Quartz's algorithm.
* rejects -- Quartz rejects (all ERR; a few only when evaluating, e.g. ``L``
  in the seconds field).  cronkit must reject them with ``--dialect quartz``
  (5-field lines would be unix under ``--dialect auto``).

How the inputs are made: (1) every syntax element "alone" -- each form of
each field, 14 draws, other fields simple; (2) 200 "small hours" expressions
(hours 0-3, switch Sundays) started next to DST switches; (3) random
combinations up to TARGET_FIRES.  Each expression gets one line per zone in
ZONES; for the DST zones some starts (30-90 %) are placed a few hours around a
switch (rule-based dates: US, EU, Lord Howe since 2008).

What the fires section deliberately avoids (cronkit rejects these although
Quartz accepts them, SPEC 2.3) -- enforced by self_check():
step 0; a step on a name or name range (``MON-FRI/2``, ``JAN/3``); ``W`` on a
list or range; ``L`` after a range; ``#`` in a list or range; trailing junk
after a value or name; empty list items; more than 7 fields; mixed
name/number ranges; ``L``/``LW`` in a list; years outside 1970-2125; a full
name at the START of a range or before ``#`` (Quartz reads only its first
three letters and silently drops the rest: ``MONDAY-FRIDAY`` = MON only);
lower-case ``l``/``w`` flags; ``L-nW`` with n > 27 and ``0W`` (Quartz hangs).

Comparing with cronkit (advice for the Rust test)
-------------------------------------------------
* Quartz stops after MAX_YEAR (2126); cronkit's range runs to 2199.  For
  UTC rows compare only instants before ``<MAX_YEAR+1>-01-01T00:00:00Z``.
* chrono-tz (used by cronkit) has no DST rules after 2099 while Java applies
  them forever; for non-UTC rows compare only instants before
  ``2099-01-01T00:00:00Z``.  Starts for the DST zones are drawn <= 2080 (and
  earlier for rarely firing expressions) so most rows lie wholly below it.
* Rule: take cronkit's first n fire times after start; the prefix below the
  cut-off must equal the prefix of Quartz's list below the cut-off (END
  markers removed).
* A few rows start before 1995 (down to 1970) because their year field only
  allows years there.
"""
from __future__ import annotations

import argparse
import calendar
import datetime as dt
import math
import os
import random
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

SEED = 20261121
N = 20
ZONES = ["UTC", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata"]
DST_ZONES = ["America/New_York", "Europe/London", "Australia/Lord_Howe"]
TARGET_FIRES = 3100          # distinct expressions in the fires section
TARGET_REJECTS = 300         # distinct expressions in the rejects section
DST_FAMILY = 200             # of which small-hours expressions started next to DST switches
YEAR_MIN, YEAR_MAX = 1970, 2125          # year-field values used in the fires section
QUARTZ_MAX_YEAR_EXPECTED = None          # read from the clock of the JVM host, see header
NON_UTC_CUTOFF = 2099
ORACLE_TIMEOUT_MS = "15000"

REPO = Path(__file__).resolve().parents[2]
OUT_CORPUS = REPO / "tests" / "data" / "quartz_corpus.tsv"
OUT_EDGE = REPO / "tests" / "data" / "quartz_edge_cases.tsv"

MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
MONTHS_FULL = ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST",
               "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"]
DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]          # Quartz 1..7
DAYS_FULL = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"]


# --------------------------------------------------------------------------
# escaping
# --------------------------------------------------------------------------

def esc(s: str) -> str:
    assert "\n" not in s and "\r" not in s
    return s.replace("\\", "\\\\").replace("\t", "\\t")


def unesc(s: str) -> str:
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append({"\\": "\\", "t": "\t"}[s[i + 1]])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


# --------------------------------------------------------------------------
# fields and Quartz's set semantics (used only to pick sensible start
# instants -- the corpus itself is Quartz's output, never this model)
# --------------------------------------------------------------------------

class Field:
    def __init__(self, key, lo, hi, qhi, step_max, wrap_mod, names=None, full=None):
        self.key, self.lo, self.hi, self.qhi = key, lo, hi, qhi
        self.step_max, self.wrap_mod = step_max, wrap_mod
        self.names, self.full = names, full


SEC = Field("sec", 0, 59, 59, 59, 60)
MIN = Field("min", 0, 59, 59, 59, 60)
HOUR = Field("hour", 0, 23, 23, 23, 24)
DOM = Field("dom", 1, 31, 31, 31, 31)
MON = Field("mon", 1, 12, 12, 12, 12, MONTHS, MONTHS_FULL)
DOW = Field("dow", 1, 7, 7, 7, 7, DAYS, DAYS_FULL)
YEAR = Field("year", YEAR_MIN, YEAR_MAX, 2126, 60, None)


def q_set(f: Field, a: int, b: int | None, step: int) -> set[int]:
    """Quartz addToSet: a..b (b None = field max) by step, wrapping if b < a."""
    stop = f.qhi if b is None else b
    mod = None
    if stop < a:
        mod = f.wrap_mod
        stop += mod
    out = set()
    for i in range(a, stop + 1, step):
        if mod is None:
            out.add(i)
        else:
            v = i % mod
            if v == 0 and f.key in ("dom", "mon", "dow"):
                v = mod
            out.add(v)
    return out


# --------------------------------------------------------------------------
# grammar
# --------------------------------------------------------------------------

class Gen:
    def __init__(self, rng: random.Random):
        self.r = rng

    # -- small helpers ------------------------------------------------------
    def case(self, word: str) -> str:
        """Upper, lower, Title or random mixed case."""
        k = self.r.random()
        if k < 0.45:
            return word
        if k < 0.65:
            return word.lower()
        if k < 0.85:
            return word.title()
        return "".join(c.upper() if self.r.random() < 0.5 else c.lower() for c in word)

    def step_for(self, f: Field, small=True) -> int:
        if f.key == "year":
            return self.r.choice([1, 2, 3, 4, 5, 7, 10, 12, 25, 50])
        common = {"sec": [2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 45, 59, 7, 13, 17],
                  "min": [2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 45, 59, 7, 11, 25],
                  "hour": [2, 3, 4, 5, 6, 8, 12, 23, 7, 9, 11],
                  "dom": [2, 3, 4, 5, 7, 10, 14, 15, 31, 9, 11],
                  "mon": [2, 3, 4, 6, 12, 5, 7, 1],
                  "dow": [2, 3, 4, 6, 7, 1, 5]}[f.key]
        if small or self.r.random() < 0.7:
            return self.r.choice(common)
        return self.r.randint(1, f.step_max)

    def val(self, f: Field) -> int:
        if f.key == "year":
            return self.year_val()
        return self.r.randint(f.lo, f.hi)

    def year_val(self) -> int:
        k = self.r.random()
        if k < 0.80:
            return self.r.randint(1995, 2090)
        if k < 0.90:
            return self.r.randint(1970, 1994)
        return self.r.randint(2091, YEAR_MAX)

    def name_item(self, f: Field, v: int, allow_full=True) -> tuple[str, str]:
        if allow_full and self.r.random() < 0.3:
            return self.case(f.full[v - 1]), "name-full"
        return self.case(f.names[v - 1]), "name"

    # -- items of numeric-ish fields ---------------------------------------
    NUMERIC_FORMS = ["value", "range", "range-wrap", "step-star", "step-from",
                     "step-range", "step-range-wrap"]
    NAME_FORMS = ["name", "name-full", "name-range", "name-range-wrap", "name-range-fullend"]

    def item(self, f: Field, form: str) -> tuple[str, set[int], set[str]]:
        r = self.r
        t = {f"{f.key}:{form}"}
        if form == "value":
            v = self.val(f)
            return str(v), {v}, t
        if form in ("range", "step-range"):
            if f.key == "year":
                a = self.year_val()
                a = min(a, YEAR_MAX - 1)
                b = r.randint(a, min(YEAR_MAX, a + r.choice([1, 3, 5, 10, 20, 40])))
            else:
                a = r.randint(f.lo, f.hi - 1)
                b = r.randint(a, f.hi) if r.random() < 0.9 else a
            if form == "range":
                return f"{a}-{b}", q_set(f, a, b, 1), t
            span = b - a
            if span >= 2 and r.random() < 0.85:
                s = r.randint(1, span)
            else:
                s = self.step_for(f, small=False)
                if r.random() < 0.25 and f.key != "year":
                    s = r.randint(1, f.step_max + 15)   # may exceed the range / field
                if s > max(span, 1):
                    t.add(f"{f.key}:step-exceeds-range")
            return f"{a}-{b}/{s}", q_set(f, a, b, s), t
        if form in ("range-wrap", "step-range-wrap"):
            assert f.key != "year"
            b = r.randint(f.lo, f.hi - 1)
            a = r.randint(b + 1, f.hi)
            if form == "range-wrap":
                return f"{a}-{b}", q_set(f, a, b, 1), t
            s = r.randint(1, max(2, (b + f.wrap_mod - a)))
            return f"{a}-{b}/{s}", q_set(f, a, b, s), t
        if form == "step-star":
            s = self.step_for(f)
            if f.key == "year":
                s = r.choice([1, 2, 3, 4, 5, 7, 10, 11, 20, 25, 50])
            return f"*/{s}", q_set(f, f.lo if f.key != "year" else 1970, None, s), t
        if form == "step-from":
            a = self.val(f) if f.key != "year" else r.randint(1970, 2090)
            s = self.step_for(f)
            return f"{a}/{s}", q_set(f, a, None, s), t
        # names (month / day-of-week)
        if form in ("name", "name-full"):
            v = r.randint(1, len(f.names))
            txt = self.case((f.full if form == "name-full" else f.names)[v - 1])
            return txt, {v}, t
        if form in ("name-range", "name-range-fullend"):
            a = r.randint(1, len(f.names) - 1)
            b = r.randint(a, len(f.names))
            end = (f.full if form == "name-range-fullend" else f.names)[b - 1]
            return f"{self.case(f.names[a - 1])}-{self.case(end)}", q_set(f, a, b, 1), t
        if form == "name-range-wrap":
            b = r.randint(1, len(f.names) - 1)
            a = r.randint(b + 1, len(f.names))
            end = f.full[b - 1] if r.random() < 0.3 else f.names[b - 1]
            return f"{self.case(f.names[a - 1])}-{self.case(end)}", q_set(f, a, b, 1), t
        raise ValueError(form)

    def forms_for(self, f: Field) -> list[str]:
        forms = list(self.NUMERIC_FORMS)
        if f.key == "year":
            forms = [x for x in forms if "wrap" not in x]
        if f.names:
            forms += self.NAME_FORMS
        return forms

    def list_field(self, f: Field, k: int | None = None) -> tuple[str, set[int], set[str]]:
        r = self.r
        k = k or r.choice([2, 2, 2, 3, 3, 4])
        forms = self.forms_for(f)
        parts, vals, tags = [], set(), {f"{f.key}:list"}
        for _ in range(k):
            w = [6 if x == "value" else (3 if x.startswith("name") else 2) for x in forms]
            form = r.choices(forms, weights=w)[0]
            txt, v, t = self.item(f, form)
            parts.append(txt)
            vals |= v
            tags |= t
        return ",".join(parts), vals, tags

    def plain_field(self, f: Field, form: str | None = None) -> tuple[str, set[int], set[str]]:
        """A field made of numeric/name items only (no ? L W #)."""
        r = self.r
        if form is None:
            k = r.random()
            if k < 0.15:
                form = "star"
            elif k < 0.30:
                form = "list"
            else:
                form = r.choice(self.forms_for(f))
        if form == "star":
            full = set(range(f.lo, f.qhi + 1)) if f.key != "year" else set(range(1970, 2127))
            return "*", full, {f"{f.key}:star"}
        if form == "list":
            return self.list_field(f)
        return self.item(f, form)

    # -- time-of-day fields with a bias useful for DST ---------------------
    def time_field(self, f: Field) -> tuple[str, set[int], set[str]]:
        r = self.r
        k = r.random()
        if f.key == "sec":
            if k < 0.55:
                return "0", {0}, {"sec:zero"}
            if k < 0.65:
                v = r.randint(1, 59)
                return str(v), {v}, {"sec:value"}
            return self.plain_field(f)
        if f.key == "min":
            if k < 0.25:
                v = r.choice([0, 0, 15, 30, 45, r.randint(0, 59)])
                return str(v), {v}, {"min:value"}
            return self.plain_field(f)
        # hour: often near the DST switch hours 0-3
        if k < 0.25:
            v = r.choice([0, 1, 1, 2, 2, 3, r.randint(0, 23)])
            return str(v), {v}, {"hour:value"}
        if k < 0.32:
            a = r.randint(0, 2)
            b = r.randint(a + 1, 4)
            return f"{a}-{b}", set(range(a, b + 1)), {"hour:range"}
        return self.plain_field(f)

    # -- day-of-month -------------------------------------------------------
    DOM_SPECIAL = ["L", "L-n", "LW", "nW", "L-nW"]

    def dom_field(self, form: str | None = None):
        """returns (text, descriptor, tags); descriptor for the rarity model."""
        r = self.r
        if form is None:
            k = r.random()
            form = r.choice(self.DOM_SPECIAL) if k < 0.35 else None
        if form == "L":
            return "L", ("L", 0), {"dom:L"}
        if form == "L-n":
            n = r.choice([1, 2, 3, 5, 7, 10, 14, r.randint(1, 30), r.randint(25, 30)])
            return f"L-{n}", ("L", n), {"dom:L-n"}
        if form == "LW":
            return "LW", ("LW", 0), {"dom:LW"}
        if form == "nW":
            n = r.choice([1, 1, 15, 30, 31, r.randint(1, 31), r.randint(1, 31), r.randint(28, 31)])
            return f"{n}W", ("W", n), {"dom:nW"}
        if form == "L-nW":
            n = r.choice([1, 2, 3, 5, r.randint(1, 27), r.randint(20, 27)])
            return f"L-{n}W", ("LW", n), {"dom:L-nW"}
        txt, vals, tags = self.plain_field(DOM, form)
        return txt, ("set", vals), tags

    # -- day-of-week --------------------------------------------------------
    DOW_SPECIAL = ["nL", "n#k", "NAME#k", "L"]

    def dow_field(self, form: str | None = None):
        r = self.r
        if form is None:
            k = r.random()
            form = r.choices(self.DOW_SPECIAL, weights=[4, 5, 2, 1])[0] if k < 0.35 else None
        if form == "nL":
            n = r.randint(1, 7)
            return f"{n}L", ("nL", n), {"dow:nL"}
        if form == "n#k":
            n, k = r.randint(1, 7), r.choice([1, 2, 3, 4, 5, r.randint(1, 5)])
            return f"{n}#{k}", ("#", n, k), {"dow:n#k"}
        if form == "NAME#k":
            n, k = r.randint(1, 7), r.randint(1, 5)
            return f"{self.case(DAYS[n - 1])}#{k}", ("#", n, k), {"dow:NAME#k"}
        if form == "L":
            return "L", ("set", {7}), {"dow:L"}
        txt, vals, tags = self.plain_field(DOW, form)
        return txt, ("set", vals), tags

    # -- whole expression ---------------------------------------------------
    def separators(self, n_fields: int) -> tuple[list[str], str, str, set[str]]:
        r = self.r
        if r.random() < 0.85:
            return [" "] * (n_fields - 1), "", "", set()
        pool = ["  ", "\t", " \t", "\t\t", "   ", " ", "\t "]
        seps = [r.choice(pool) for _ in range(n_fields - 1)]
        lead = r.choice(["", "", " ", "\t", "  "])
        trail = r.choice(["", "", " ", "\t", " \t"])
        tags = set()
        if any("\t" in s for s in seps + [lead, trail]):
            tags.add("sep:tab")
        if any(s.count(" ") > 1 or len(s) > 1 for s in seps):
            tags.add("sep:multi")
        if lead or trail:
            tags.add("sep:lead-trail")
        return seps, lead, trail, tags

    def year_field(self, form: str | None = None):
        r = self.r
        if form is None:
            k = r.random()
            if k < 0.55:
                return None, None, {"year:absent"}
            if k < 0.65:
                form = "star"
            elif k < 0.8:
                form = "value"
            else:
                form = r.choice(["list", "range", "step-from", "step-star", "step-range"])
        txt, vals, tags = self.plain_field(YEAR, form)
        return txt, vals, tags

    def assemble(self, fields: list[str], extra_tags: set[str]):
        seps, lead, trail, stags = self.separators(len(fields))
        s = lead + fields[0]
        for sep, fld in zip(seps, fields[1:]):
            s += sep + fld
        return s + trail, extra_tags | stags


# --------------------------------------------------------------------------
# rarity model -> start instants
# --------------------------------------------------------------------------

DIM = {1: 31, 2: 28.2425, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


def days_per_month(m: int, dom, dow) -> float:
    dim = DIM[m]
    if dom is not None:
        kind = dom[0]
        if kind == "set":
            tot = 0.0
            for d in dom[1]:
                if d <= 28:
                    tot += 1
                elif m == 2:
                    tot += 0.2425 if d == 29 else 0
                elif d <= dim:
                    tot += 1
            return tot
        if kind == "L":
            return 1.0 if math.floor(dim) - dom[1] >= 1 else (0.2425 if m == 2 and 29 - dom[1] >= 1 else 0)
        if kind == "LW":
            return 1.0
        if kind == "W":
            n = dom[1]
            return 1.0 if n <= 28 or (m != 2 and n <= dim) else (0.2425 if m == 2 and n == 29 else 0)
    kind = dow[0]
    if kind == "set":
        return len(dow[1]) / 7 * dim
    if kind == "nL":
        return 1.0
    if kind == "#":
        return 1.0 if dow[2] <= 4 else max(0.0, (dim - 28) / 7)
    raise ValueError(dow)


def fires_per_year(sem) -> float:
    per_day = len(sem["sec"]) * len(sem["min"]) * len(sem["hour"])
    days = sum(days_per_month(m, sem["dom"], sem["dow"]) for m in sem["mon"])
    return per_day * days


def iso(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def rand_instant(r: random.Random, y0: int, y1: int) -> dt.datetime:
    a = dt.datetime(y0, 1, 1, tzinfo=dt.timezone.utc)
    b = dt.datetime(y1, 12, 31, 23, 59, 59, tzinfo=dt.timezone.utc)
    return a + dt.timedelta(seconds=r.randint(0, int((b - a).total_seconds())))


def nth_sunday(y, m, k):
    d = dt.date(y, m, 1)
    d += dt.timedelta(days=(6 - d.weekday()) % 7)
    return d + dt.timedelta(weeks=k - 1)


def last_sunday(y, m):
    d = dt.date(y, m, calendar.monthrange(y, m)[1])
    return d - dt.timedelta(days=(d.weekday() + 1) % 7)


def dst_transitions(zone: str, y: int) -> list[dt.datetime]:
    """UTC instants of the DST switches of `zone` in year y (rule based)."""
    def at(d, h, m=0):
        return dt.datetime(d.year, d.month, d.day, h, m, tzinfo=dt.timezone.utc)
    if zone == "America/New_York":
        if y >= 2007:
            return [at(nth_sunday(y, 3, 2), 7), at(nth_sunday(y, 11, 1), 6)]
        return [at(nth_sunday(y, 4, 1), 7), at(last_sunday(y, 10), 6)]
    if zone == "Europe/London":
        return [at(last_sunday(y, 3), 1), at(last_sunday(y, 10), 1)]
    if zone == "Australia/Lord_Howe":   # rules since 2008: first Sunday Apr / Oct, 02:00 local
        end = nth_sunday(y, 4, 1) - dt.timedelta(days=1)      # 02:00 +11:00 = 15:00Z Saturday
        start = nth_sunday(y, 10, 1) - dt.timedelta(days=1)   # 02:00 +10:30 = 15:30Z Saturday
        return [at(end, 15), at(start, 15, 30)]
    return []


DST_YEARS = {"America/New_York": (1995, 2080), "Europe/London": (1996, 2080),
             "Australia/Lord_Howe": (2008, 2080)}


def pick_start(r: random.Random, zone: str, sem, dst_focus: bool,
               tight: bool = False) -> tuple[dt.datetime, set[str]]:
    """A start instant for one (expression, zone) line.

    UTC: 1995..2090; other zones: 1995..2080, capped further so that N fire
    times of a rarely firing expression still end before the comparison
    ceiling (2125 UTC / 2098 elsewhere).  Year-restricted expressions start
    shortly before one of their years (1970 at the earliest).  dst_focus puts
    the start within a few hours of a DST switch of the zone."""
    utc = zone == "UTC"
    hi = 2090 if utc else 2080
    ceiling = YEAR_MAX if utc else NON_UTC_CUTOFF - 1    # last year whose fires are compared
    years = sem["year"]
    fpy = fires_per_year(sem)
    need = (N + 1) / fpy if fpy > 0 else 0.0
    tags = set()
    top = hi
    if need > 0:
        top = max(1995, min(hi, int(ceiling - math.ceil(need) - 1)))
    if years is not None:
        cand = sorted(y for y in years if y <= ceiling) or sorted(years)
        # start shortly before one of the allowed years, biased to early ones
        y = cand[int(len(cand) * r.random() ** 2)]
        lo_y = max(1970, y - 1)
        start = rand_instant(r, lo_y, max(lo_y, y - 1) if r.random() < 0.8 else y)
        tags.add("start:year-field")
    else:
        start = rand_instant(r, 1995, top)
        if top < hi:
            tags.add("start:capped-for-rarity")
    if dst_focus and zone in DST_YEARS:
        y0, y1 = DST_YEARS[zone]
        if years is not None:
            ys = [y for y in range(y0, y1 + 1) if y in years or y + 1 in years]
        else:
            ys = list(range(y0, max(y0, min(y1, top)) + 1))
        if ys:
            y = r.choice(ys)
            tr = r.choice(dst_transitions(zone, y))
            if tight:
                off = dt.timedelta(minutes=5 * r.randint(-24, 6))            # -2h .. +30min
            elif r.random() < 0.5:
                off = dt.timedelta(minutes=15 * r.randint(-24, 12))          # aligned
            else:
                off = dt.timedelta(seconds=r.randint(-6 * 3600, 3 * 3600))
            start = tr + off
            tags.add("start:dst-transition")
    return start, tags


# --------------------------------------------------------------------------
# fires section
# --------------------------------------------------------------------------

def make_expr(g: Gen, focus: tuple[str, str] | None = None):
    """One expression. focus = (field, form) forces that field's form and keeps
    the other fields simple ("alone"); None = random combination."""
    r = g.r
    tags: set[str] = set()
    simple = focus is not None

    def fld(f, default_simple):
        if focus and focus[0] == f.key:
            return g.plain_field(f, focus[1])
        if simple:
            return default_simple()
        return g.time_field(f) if f.key in ("sec", "min", "hour") else g.plain_field(f)

    s_txt, s_v, s_t = fld(SEC, lambda: ("0", {0}, {"sec:zero"}))
    m_txt, m_v, m_t = fld(MIN, lambda: (lambda v: (str(v), {v}, {"min:value"}))(r.choice([0, 0, 30, r.randint(0, 59)])))
    h_txt, h_v, h_t = fld(HOUR, lambda: (lambda v: (str(v), {v}, {"hour:value"}))(r.choice([0, 1, 2, 12, r.randint(0, 23)])))
    mo_txt, mo_v, mo_t = fld(MON, lambda: ("*", set(range(1, 13)), {"mon:star"}))
    tags |= s_t | m_t | h_t | mo_t

    # day fields: exactly one is '?'
    dom_d = dow_d = None
    if focus and focus[0] == "dom":
        d_txt, dom_d, t = g.dom_field(focus[1])
        w_txt = "?"
        tags |= t | {"dow:?"}
    elif focus and focus[0] == "dow":
        w_txt, dow_d, t = g.dow_field(focus[1])
        d_txt = "?"
        tags |= t | {"dom:?"}
    elif simple:
        if r.random() < 0.7:
            d_txt, dom_d, w_txt = "*", ("set", set(range(1, 32))), "?"
            tags |= {"dom:star", "dow:?"}
        else:
            d_txt, dow_d, w_txt = "?", ("set", set(range(1, 8))), "*"
            tags |= {"dom:?", "dow:star"}
    else:
        k = r.random()
        if k < 0.48:
            d_txt, dom_d, t = g.dom_field()
            w_txt = "?"
            tags |= t | {"dow:?"}
        elif k < 0.96:
            w_txt, dow_d, t = g.dow_field()
            d_txt = "?"
            tags |= t | {"dom:?"}
        else:   # '?' in day-of-month with '*' in day-of-week and vice versa
            if r.random() < 0.5:
                d_txt, w_txt, dow_d = "?", "*", ("set", set(range(1, 8)))
                tags |= {"dom:?", "dow:star"}
            else:
                d_txt, w_txt, dom_d = "*", "?", ("set", set(range(1, 32)))
                tags |= {"dom:star", "dow:?"}

    if focus and focus[0] == "year":
        y_txt, y_v, y_t = g.year_field(focus[1])
    elif simple:
        y_txt, y_v, y_t = None, None, {"year:absent"}
    else:
        y_txt, y_v, y_t = g.year_field()
    tags |= y_t
    years = None
    if y_txt is not None and y_txt != "*":
        years = {y for y in y_v if y <= 2126}

    fields = [s_txt, m_txt, h_txt, d_txt, mo_txt, w_txt] + ([y_txt] if y_txt is not None else [])
    expr, tags = g.assemble(fields, tags)
    sem = {"sec": s_v, "min": m_v, "hour": h_v, "mon": mo_v, "dom": dom_d, "dow": dow_d, "year": years}
    return expr, sem, tags


def make_dst_expr(g: Gen):
    """Expressions that fire in the small hours, where NY, London and Lord Howe
    switch (spring gap / autumn overlap), often on the switch Sundays."""
    r = g.r
    sec = r.choice(["0", "0", "0", "0,30", "*/20", "15", "59"])
    mins = r.choice(["0", "30", "15", "45", "*/15", "0/30", "15,45", "*/5", "59", "0-59/10", "*",
                     "45-15", "20-40/10", "0,29,30,31,59", "10/20", "1-2"])
    hours = r.choice(["1", "2", "1-2", "0-3", "*", "1,2,3", "22-3", "1-2/1", "0/2", "2-1",
                      "*/3", "0-4", "3", "0", "1-3/2"])
    tags = {"mode:dst"}
    k = r.random()
    if k < 0.4:
        dom, dow = "*", "?"
    elif k < 0.55:
        dom, dow = "?", r.choice(["SUN", "1", "sunday", "SAT-SUN", "1,7", "SUN-MON"])
    elif k < 0.75:
        dom, dow = "?", r.choice(["1L", "1#1", "1#2", "1#5", "1#4", "7L"])
    elif k < 0.85:
        dom, dow = r.choice(["L", "LW", "L-1", "25-31", "1-7", "8-14", "*/2"]), "?"
    else:
        dom, dow = "?", "*"
    mon = r.choice(["*", "*", "MAR,OCT", "3,11", "APR,OCT", "MAR-APR,OCT-NOV", "10-4", "NOV",
                    "March", "october", "4", "10"])
    year = r.choice([None, None, None, "*", "2000-2080", "2010/5"])
    fields = [sec, mins, hours, dom, mon, dow] + ([year] if year else [])
    expr, tags = g.assemble(fields, tags)
    specials = {"?": None, "L": ("L", 0), "LW": ("LW", 0), "L-1": ("L", 1)}
    dom_d = specials[dom] if dom in specials else ("set", items_set(DOM, dom))
    if dow == "?":
        dow_d = None
    elif dow.endswith("L"):
        dow_d = ("nL", int(dow[0]))
    elif "#" in dow:
        dow_d = ("#", int(dow[0]), int(dow[2]))
    else:
        dow_d = ("set", items_set(DOW, dow))
    sem = {"sec": items_set(SEC, sec), "min": items_set(MIN, mins), "hour": items_set(HOUR, hours),
           "mon": items_set(MON, mon), "dom": dom_d, "dow": dow_d,
           "year": None if year in (None, "*") else items_set(YEAR, year)}
    return expr, sem, tags


def items_set(f: Field, text: str) -> set[int]:
    """Quartz's value set of a plain field (numbers, names, ranges, steps, lists)."""
    out: set[int] = set()
    for it in text.split(","):
        m = re.fullmatch(r"(\*|\d+|[A-Za-z]+)(?:-(\d+|[A-Za-z]+))?(?:/(\d+))?", it)
        a, b, st = m.groups()

        def num(x):
            if x.isdigit():
                return int(x)
            names = MONTHS if f.key == "mon" else DAYS
            return names.index(x.upper()[:3]) + 1
        if a == "*":
            lo = 1970 if f.key == "year" else f.lo
            out |= q_set(f, lo, None, int(st) if st else 1)
        elif b is None and st is None:
            out.add(num(a))
        else:
            out |= q_set(f, num(a), num(b) if b else None, int(st) if st else 1)
    return out


def focus_plan(g: Gen) -> list[tuple[str, str]]:
    plan = []
    for f in (SEC, MIN, HOUR, MON, YEAR):
        for form in g.forms_for(f) + ["star", "list"]:
            plan.append((f.key, form))
    for form in g.DOM_SPECIAL + g.forms_for(DOM) + ["star", "list"]:
        plan.append(("dom", form))
    for form in g.DOW_SPECIAL + g.forms_for(DOW) + ["star", "list"]:
        plan.append(("dow", form))
    return plan


def gen_fires(r: random.Random) -> list[tuple[str, dict, set[str]]]:
    g = Gen(r)
    seen: dict[str, tuple] = {}
    # 1. every element alone (other fields simple), several instances each
    for focus in focus_plan(g):
        for _ in range(14):
            e, sem, tags = make_expr(g, focus)
            if e not in seen:
                seen[e] = (sem, tags | {"mode:alone"})
    # 2. small-hours expressions for the DST zones
    n_dst = 0
    while n_dst < DST_FAMILY:
        e, sem, tags = make_dst_expr(g)
        if e not in seen:
            seen[e] = (sem, tags)
            n_dst += 1
    # 3. random combinations
    while len(seen) < TARGET_FIRES:
        e, sem, tags = make_expr(g, None)
        if e not in seen:
            seen[e] = (sem, tags | {"mode:combo"})
    return [(e, sem, tags) for e, (sem, tags) in seen.items()]


# --------------------------------------------------------------------------
# self-check: nothing cronkit deliberately rejects may be in the fires part
# --------------------------------------------------------------------------

SHORT = {"mon": MONTHS, "dow": DAYS}
FULL = {"mon": MONTHS_FULL, "dow": DAYS_FULL}
RANGES = {"sec": (0, 59), "min": (0, 59), "hour": (0, 23), "dom": (1, 31), "mon": (1, 12),
          "dow": (1, 7), "year": (YEAR_MIN, YEAR_MAX)}
NUM_ITEM = re.compile(r"^(?:\*/(\d+)|(\d+)(?:-(\d+))?(?:/(\d+))?)$")


def name_value(key: str, word: str, allow_full: bool) -> int | None:
    w = word.upper()
    if w in SHORT.get(key, []):
        return SHORT[key].index(w) + 1
    if allow_full and w in FULL.get(key, []):
        return FULL[key].index(w) + 1
    return None


def self_check(expr: str) -> list[str]:
    """Problems that would make `expr` unfit for the fires section."""
    p: list[str] = []
    if expr.lstrip().startswith("#"):
        p.append("starts with #")
    if re.search(r"[^ \tA-Za-z0-9*/,?#\-]", expr):
        p.append("unexpected character")
    fields = re.split(r"[ \t]+", expr.strip(" \t"))
    if len(fields) not in (6, 7):
        return p + [f"{len(fields)} fields"]
    keys = ["sec", "min", "hour", "dom", "mon", "dow", "year"]
    if (fields[3] == "?") == (fields[5] == "?"):
        p.append("exactly one day field must be ?")
    for key, fld in zip(keys, fields):
        lo, hi = RANGES[key]
        if fld == "?":
            if key not in ("dom", "dow"):
                p.append(f"? in {key}")
            continue
        if fld == "*":
            continue
        if key == "dom" and (fld in ("L", "LW") or re.fullmatch(r"L-\d+W?|\d+W", fld)):
            m = re.fullmatch(r"L-(\d+)(W?)", fld)
            if m:
                n = int(m.group(1))
                if str(n) != m.group(1) or not 1 <= n <= 30:
                    p.append(f"bad L-n {fld}")
                if m.group(2) and n > 27:
                    p.append(f"L-nW with n>27 hangs Quartz: {fld}")
            m = re.fullmatch(r"(\d+)W", fld)
            if m and (str(int(m.group(1))) != m.group(1) or not 1 <= int(m.group(1)) <= 31):
                p.append(f"bad nW {fld}")
            continue
        if key == "dow":
            if fld == "L":
                continue
            m = re.fullmatch(r"([1-7])L", fld)
            if m:
                continue
            m = re.fullmatch(r"([1-7]|[A-Za-z]{3})#([1-5])", fld)
            if m:
                if m.group(1).isalpha() and name_value("dow", m.group(1), False) is None:
                    p.append(f"bad name in {fld}")
                continue
        items = fld.split(",")
        for it in items:
            if it == "":
                p.append("empty list item")
                continue
            if it == "*":
                p.append("* inside a list")
                continue
            m = NUM_ITEM.match(it)
            if m:
                star_step, a, b, step = m.groups()
                nums = [x for x in (a, b) if x is not None]
                for x in nums + [s for s in (star_step, step) if s is not None]:
                    if str(int(x)) != x:
                        p.append(f"leading zero {it}")
                for x in nums:
                    if not lo <= int(x) <= hi:
                        p.append(f"{key} value out of range {it}")
                s = star_step or step
                if s is not None and int(s) == 0:
                    p.append(f"step 0 {it}")
                if key == "year" and b is not None and int(b) < int(a):
                    p.append(f"reversed year range {it}")
                if s is not None and (star_step or b is None):   # */n and a/n: Quartz checks n
                    if int(s) > {"sec": 59, "min": 59, "hour": 23, "dom": 31, "mon": 12,
                                 "dow": 7, "year": 10 ** 6}[key]:
                        p.append(f"increment too large {it}")
                continue
            m = re.fullmatch(r"([A-Za-z]+)(?:-([A-Za-z]+))?", it)
            if m and key in SHORT:
                a, b = m.groups()
                if b is None:
                    if name_value(key, a, True) is None:
                        p.append(f"unknown/junk name {it}")
                else:
                    if name_value(key, a, False) is None:
                        p.append(f"range must start with a 3-letter name {it}")
                    if name_value(key, b, True) is None:
                        p.append(f"unknown/junk name {it}")
                continue
            p.append(f"unrecognised item {it!r} in {key}")
    return p


QUIRK_NW = re.compile(r"^(29|30|31)W$")


def is_quirk(expr: str) -> bool:
    """Day-of-month nW with n >= 29: Quartz evaluates it path-dependently.

    When n is beyond the month's length, Quartz's lenient Calendar rolls
    "day n" into the next month: (a) searching from inside the short month it
    takes the weekday of that overflow date and, if it is a Saturday, fires on
    day n-1 (e.g. 31W fires on a Friday 30th, 30W on a Friday Feb 29th) --
    otherwise the month is skipped; (b) arriving from the previous month after
    that month's W-day it sets DAY_OF_MONTH=n in the short month, lands in the
    month after, and skips the short month even where (a) would fire.  These
    rows are kept (they are Quartz's real output) in their own section."""
    fields = re.split(r"[ \t]+", expr.strip(" \t"))
    return len(fields) >= 4 and bool(QUIRK_NW.match(fields[3]))


def lh_spring_gap(y: int) -> dt.datetime:
    """Start of Lord Howe's spring-forward gap (02:00 LHST -> 02:30 LHDT)."""
    return dst_transitions("Australia/Lord_Howe", y)[1]


def day_matches(sem, d: dt.date) -> bool:
    """Does the day spec of `sem` select date d (Quartz's rules; nW with n
    beyond the month is treated as "no match" -- those rows are quirks anyway)."""
    if d.month not in sem["mon"] or (sem["year"] is not None and d.year not in sem["year"]):
        return False
    last = calendar.monthrange(d.year, d.month)[1]
    qdow = (d.weekday() + 1) % 7 + 1                     # 1 = SUN .. 7 = SAT

    def nearest_weekday(day):
        w = (dt.date(d.year, d.month, day).weekday() + 1) % 7 + 1
        if w == 7:
            return day + 2 if day == 1 else day - 1
        if w == 1:
            return day - 2 if day == last else day + 1
        return day
    if sem["dom"] is not None:
        kind, v = sem["dom"][0], sem["dom"][1]
        if kind == "set":
            return d.day in v
        if kind == "L":
            return d.day == last - v
        if kind == "LW":
            return d.day == nearest_weekday(last - v)
        return v <= last and d.day == nearest_weekday(v)       # "W"
    kind = sem["dow"][0]
    if kind == "set":
        return qdow in sem["dow"][1]
    if kind == "nL":
        return qdow == sem["dow"][1] and d.day + 7 > last
    return qdow == sem["dow"][1] and (d.day - 1) // 7 + 1 == sem["dow"][2]   # "#"


def quirk_kind(expr: str, start: str, zone: str, sem, result: str) -> str | None:
    """Which path-dependent Quartz behaviour a fires row may hit, if any.

    * "nW-beyond-month": see is_quirk().
    * "lord-howe-gap": Lord Howe springs forward by 30 minutes (02:00 LHST ->
      02:30 LHDT).  Java's lenient Calendar moves a probe inside the gap 30
      minutes forward and Quartz continues from there, so valid times between
      02:30 and the shifted probe are sometimes skipped -- e.g.
      '0 10/20 * * * ?' from 01:35 gives 01:50, 02:50 (02:30 is skipped),
      while '0 10/20 2 * * ?' from 00:50 gives 02:30, 02:50 (Quartz reached
      the gap via 02:00, shifted to 02:30).  One-hour gaps (New York, London)
      do not show this.  Selected without looking at what Quartz skipped: zone
      Lord_Howe, hour 2 in the hour set, the schedule's day rule selects the
      gap Sunday, and the gap lies between two consecutive reported instants
      (start, t1, t2, ...; after the last one when Quartz said END)."""
    if is_quirk(expr):
        return "nW-beyond-month"
    if zone != "Australia/Lord_Howe" or 2 not in sem["hour"]:
        return None
    utc = dt.timezone.utc
    ts = [dt.datetime.strptime(t, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=utc)
          for t in [start] + [t for t in result.split(",") if t[:1].isdigit()]]
    pairs = list(zip(ts, ts[1:]))
    if result.endswith("END"):
        pairs.append((ts[-1], dt.datetime(2127, 1, 1, tzinfo=utc)))
    for a, b in pairs:
        for y in range(a.year, min(b.year, 2126) + 1):
            g0 = lh_spring_gap(y)
            if a < g0 + dt.timedelta(minutes=30) and b > g0 and \
                    day_matches(sem, (g0 + dt.timedelta(hours=11)).date()):
                return "lord-howe-gap"
    return None


# --------------------------------------------------------------------------
# rejects section (expressions Quartz rejects)
# --------------------------------------------------------------------------

def gen_rejects(r: random.Random) -> list[tuple[str, str]]:
    """(expr, category).  Every one is checked against Quartz to be ERR."""
    out: dict[str, str] = {}

    def add(cat, e):
        if e not in out and not e.lstrip().startswith("#"):
            out[e] = cat

    def hhmm():
        return f"{r.randint(0, 59)} {r.randint(0, 59)} {r.randint(0, 23)}"

    # NB: never 99 (Quartz's ALL_SPEC_INT marker: "99" reads as "*") nor 98 in
    # day-of-month (NO_SPEC_INT: reads as "?") -- Quartz accepts those.
    # 1. values out of range, per field, in several positions
    bad = {0: ["60", "61", "100", "0-60", "59-60", "60-1", "75/5", "1,60", "60/2", "5-70/2"],
           1: ["60", "61", "0-60", "60-5", "75/5", "1,60", "60/10", "10-61/5"],
           2: ["24", "25", "0-24", "24-2", "30/2", "1,24", "24/3", "20-25/2"],
           3: ["0", "32", "40", "0-5", "1-32", "32-1", "33/2", "1,32", "0/5", "25-32/2", "0,15"],
           4: ["0", "13", "14", "0-5", "1-13", "13-2", "13/2", "1,13", "0/2", "10-14/2"],
           5: ["0", "8", "9", "0-5", "1-8", "8-2", "8/2", "1,8", "0/2", "5-9/2"]}
    for pos, vals in bad.items():
        for v in vals:
            for _ in range(2):
                f = [str(r.randint(0, 59)), str(r.randint(0, 59)), str(r.randint(0, 23)),
                     "*", r.choice(["*", "1-6", "JAN"]), "?"]
                if pos == 5:
                    f[3] = "?"
                f[pos] = v
                add("out-of-range", " ".join(f))
    # 2. increments too large (Quartz: "Increment > ...")
    for pos, vals in {0: ["*/60", "*/61", "*/99", "0/60", "5/75", "*/100"],
                      1: ["*/60", "*/61", "0/60", "10/90", "*/120"],
                      2: ["*/24", "*/25", "0/24", "6/30", "*/48"],
                      3: ["*/32", "*/40", "1/32", "5/45"],
                      4: ["*/13", "*/24", "1/13", "3/20"],
                      5: ["*/8", "*/14", "1/8", "2/9"]}.items():
        for v in vals:
            for _ in range(2):
                f = ["0", str(r.randint(0, 59)), str(r.randint(0, 23)), "*", "*", "?"]
                if pos == 5:
                    f[3] = "?"
                f[pos] = v
                add("increment", " ".join(f))
    # 3. both day fields set / both '?'
    doms = ["1", "15", "*", "L", "LW", "15W", "1-5", "L-3", "*/2"]
    dows = ["MON", "*", "2", "6#3", "5L", "MON-FRI", "1-7", "L", "2,4"]
    for d in doms:
        for w in dows:
            if r.random() < 0.45:
                add("both-day-fields", f"0 0 {r.randint(0, 23)} {d} * {w}")
    for _ in range(4):
        add("both-question-marks", f"0 {r.randint(0, 59)} {r.randint(0, 23)} ? * ?")
    add("both-question-marks", "0 0 0 ? * ? 2030")
    # 4. '?' outside the day fields
    for f in ["? 0 0 * * ?", "0 ? 0 * * ?", "0 0 ? * * ?", "0 0 0 * ? ?", "0 0 0 ? ? *",
              "0 0 0 1 1 ? ?", "0 0 0 ? 1 MON ?", "0 0 0 29 2 MON ?"]:
        add("question-mark-position", f)
    # 5. too few fields (5-field unix style, shorter, empty)
    for f in ["* * * * *", "*/5 * * * *", "0 12 * * MON-FRI", "0 0 1 * *", "0 0 * * 0",
              "30 2 * * 1-5", "0 0 12 * *", "0 0 12 ? *", "0 0 12 *", "0 0", "0", "", "   ", "\t",
              "0 0 12 ? * ", " 0 0 12 * ?", "0\t0\t12\t*\t*"]:
        add("too-few-fields", f)
    # 6. 'L' / 'LW' mixed with other days
    for f in ["L,15", "LW,15", "1,L", "15,LW", "L-3,1", "1-5,L", "L,L-2", "10,L-5W"]:
        add("l-in-list", f"0 0 {r.randint(0, 23)} {f} * ?")
    for f in ["5L,6", "L,2", "2,3L", "1-3,7L", "MON,6L"]:
        add("l-in-list", f"0 0 {r.randint(0, 23)} ? * {f}")
    # 7. several '#' in day-of-week
    for f in ["MON#1,FRI#2", "2#1,3#2", "1#1,1#3", "6#3,6#4", "1#1#2", "MON#2#3"]:
        add("multiple-nth", f"0 0 12 ? * {f}")
    # 8. malformed '#'
    for f in ["5#6", "5#0", "5#", "2#X", "#3", "MON#6", "MON#0", "MON#", "1#-1", "7#10", "0L", "8L"]:
        add("bad-hash-or-l", f"0 0 {r.randint(0, 23)} ? * {f}")
    # 9. malformed L / W in day-of-month
    for f in ["L-31", "L-40", "L-99W", "32W", "40W", "W", "LX", "LW-1", "LWX", "L5"]:
        add("bad-l-w", f"0 0 {r.randint(0, 23)} {f} * ?")
    add("bad-l-w", "0 0 0 L W ?")
    # 10. flags in the wrong field
    for f in ["0 0 5L * * ?", "0 5W 0 * * ?", "5# 0 0 * * ?", "0 0 0 ? * 5W", "0 0 0 5#2 * ?",
              "0 0 0 ? 5L *", "0 0 0 ? 3W *", "0 0 0 ? 2#1 *", "0 0 0 1 1 ? 2030W", "0 0 0 1 1 ? 2030#1",
              "0 0 0 1 1 ? 5L"]:
        add("flag-in-wrong-field", f)
    # 11. flags Quartz accepts at parse time but then fails on (NoSuchElementException)
    for f in ["L 0 0 * * ?", "0 L 0 * * ?", "0 0 L * * ?", "0 0 0 ? L *", "0 0 0 1 L ?", "LW 0 0 * * ?"]:
        add("flag-in-wrong-field-eval", f)
    # 12. mixed name/number ranges
    for f in ["? * MON-5", "? * 2-FRI", "? * SUN-7", "? * 1-SAT", "1 JAN-3 ?", "1 1-MAR ?", "1 JUN-12 ?",
              "1 6-DEC ?"]:
        add("mixed-name-number-range", f"0 0 {r.randint(0, 23)} {f}")
    # 13. bad names / names in numeric fields
    for f in ["? * FOO", "? * XYZ", "? * MO", "? * M", "? * JAN", "1 FOO ?", "1 MON ?", "1 JA ?", "1 J ?",
              "MON * ?", "JAN * ?", "? * MON-FOO", "1 JAN-FOO ?", "? * FOO-MON"]:
        add("bad-name", f"0 0 {r.randint(0, 23)} {f}")
    for f in ["MON 0 0 * * ?", "0 JAN 0 * * ?", "0 0 MON * * ?", "0 0 0 1 1 ? JAN", "A 0 0 * * ?",
              "0 0 0 1 1 ? MMXXX"]:
        add("bad-name", f)
    # 14. reversed year ranges
    for f in ["2030-2028", "2100-2000", "2030-2029", "1999-1970", "2050-2040/2"]:
        add("reversed-year-range", f"0 0 0 1 1 ? {f}")
    # 15. malformed tokens
    for f in ["-1 0 0 * * ?", "1- 0 0 * * ?", "/ 0 0 * * ?", "*/ 0 0 * * ?", "5/ 0 0 * * ?",
              "1--2 0 0 * * ?", "@ 0 0 * * ?", "% 0 0 * * ?", "*/X 0 0 * * ?", "1/X 0 0 * * ?",
              "5-*/2 0 0 * * ?", "0 1-/5 0 * * ?", "0 0 0 1 1 ? 2030-", "0 0 0 1-L * ?",
              "0 0 0 15-W * ?", "0 +5 0 * * ?", "0 0 0 1 1 ? -2030", "0 0 0 ? * MON-",
              "0 0 0 ? JAN- *", "0 0 0 ? * 1-", "0 0 0 * 1/ ?", "0 0 0 ?X * ?", "0 0 0 ? * ?X",
              "0 0 0 */X * ?", "0 5-X 0 * * ?", "0 0 0 1 1 ? */X", "0 0 0 1 1 ? 2030/X",
              "\u0660 0 0 * * ?", "\uff10 0 0 * * ?", "0 0 0 \u00e9 * ?", "0 0 0 * * \u00bf",
              "0;0;0;*;*;?", "0,0,0,*,*,?"]:
        add("malformed", f)
    # top up with random combinations of the above shapes if needed
    while len(out) < TARGET_REJECTS:
        f = [str(r.randint(0, 59)), str(r.randint(0, 59)), str(r.randint(0, 23)), "*", "*", "?"]
        pos = r.randint(0, 5)
        f[pos] = r.choice(bad[pos])
        if pos == 5:
            f[3] = "?"
        other = r.choice([i for i in (0, 1, 2) if i != pos])
        f[other] = r.choice(["*/5", "10-20", "1,2,3", "*"])
        add("out-of-range", " ".join(f))
    return list(out.items())


# --------------------------------------------------------------------------
# oracle
# --------------------------------------------------------------------------

def oracle_path() -> Path:
    env = os.environ.get("QUARTZ_ORACLE")
    p = Path(env) if env else REPO / ".." / "shared" / "oracles" / "quartz" / "run.sh"
    if not p.is_absolute():
        p = REPO / p
    return p.resolve()


def run_oracle(lines: list[str]) -> list[str]:
    """lines: raw (unescaped) 'EXPR\\tSTART\\tN\\tTZ' -> raw answer lines."""
    env = dict(os.environ)
    env.setdefault("QUARTZ_EVAL_TIMEOUT_MS", ORACLE_TIMEOUT_MS)
    data = "".join(l + "\n" for l in lines).encode("utf-8")
    res = subprocess.run([str(oracle_path())], input=data, capture_output=True, env=env)
    if res.returncode != 0:
        sys.stderr.write(res.stderr.decode("utf-8", "replace"))
        raise SystemExit(f"oracle failed with exit code {res.returncode}")
    out = res.stdout.decode("utf-8").split("\n")
    if out and out[-1] == "":
        out.pop()
    if len(out) != len(lines):
        raise SystemExit(f"oracle returned {len(out)} lines for {len(lines)} inputs")
    return out


def split_answer(a: str) -> tuple[str, str]:
    status, _, rest = a.partition("\t")
    if status not in ("OK", "ERR"):
        raise SystemExit(f"unexpected oracle line: {a!r}")
    return status, rest


def quartz_facts() -> dict[str, str]:
    facts = {}
    try:
        v = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "libquartz2-java"],
                           capture_output=True, text=True).stdout.strip()
        facts["pkg"] = f"Debian libquartz2-java {v}" if v else "libquartz2-java (version unknown)"
    except OSError:
        facts["pkg"] = "libquartz2-java (dpkg-query unavailable)"
    try:
        j = subprocess.run([os.environ.get("JAVA", "java"), "-version"], capture_output=True, text=True)
        facts["java"] = (j.stderr.splitlines() or ["?"])[0].strip()
    except OSError:
        facts["java"] = "?"
    return facts


def probe_max_year() -> int:
    """Ask Quartz itself: the last year in which '0 0 0 1 1 ? *' fires."""
    ans = run_oracle(["0 0 0 1 1 ?\t2100-01-01T00:00:00Z\t200\tUTC"])[0]
    status, rest = split_answer(ans)
    times = [t for t in rest.split(",") if t[:1].isdigit()]
    assert status == "OK" and rest.endswith("END") and times, ans
    return int(times[-1][:4])


# --------------------------------------------------------------------------
# edge cases (EDGE-CASES.md rows, re-run)
# --------------------------------------------------------------------------

# cronkit's expected behaviour per row where it is NOT "same" (SPEC 2.2/2.3).
# Keyed by row number; the expression is checked so that a changed input file
# fails loudly instead of being mislabelled.
EDGE_EXPECT = {
    23: ("0 0/0 * * * ?", "reject:step-zero"),
    99: ("0 0 0 1/0 * ?", "reject:step-zero"),
    100: ("0 0 0 1-31/0 * ?", "reject:step-zero"),
    113: ("*/0 * * * * ?", "reject:step-zero"),
    66: ("0 0 12 ? * MON-FRI/2", "reject:name-range-step"),
    87: ("0 0 12 1W,15W * ?", "reject:w-on-list-or-range"),
    88: ("0 0 0 5,10W * ?", "reject:w-on-list-or-range"),
    89: ("0 0 12 1-5W * ?", "reject:w-on-list-or-range"),
    90: ("0 0 0 1-5/2W * ?", "reject:w-on-list-or-range"),
    73: ("0 0 0 ? * 1-3L", "reject:l-on-range"),
    71: ("0 0 0 ? * 6#3,7", "reject:hash-in-list"),
    72: ("0 0 0 ? * 2,6#3", "reject:hash-in-list"),
    74: ("0 0 0 ? * 5L-2", "reject:trailing-junk"),
    75: ("0 0 0 ? * LW", "reject:trailing-junk"),
    77: ("0 0 0 ? * MONXYZ", "reject:trailing-junk"),
    103: ("0 0 0 1X * ?", "reject:trailing-junk"),
    108: ("0 0 0 * * ?X", "reject:trailing-junk"),
    112: ("0 0 0 1 JANXYZ ?", "reject:trailing-junk"),
    57: ("0 0 0 * * ? 2026 extra", "reject:too-many-fields"),
    79: ("0 0 0 ? * MON-5", "reject:mixed-name-number-range"),
    80: ("0 0 0 ? * 2-FRI", "reject:mixed-name-number-range"),
    44: ("0 0 0 1 1 ? 2999", "reject:year-out-of-range"),
    45: ("0 0 0 1 1 ? 3000", "reject:year-out-of-range"),
    46: ("0 0 0 1 1 ? 1969", "reject:year-out-of-range"),
    43: ("0 0 0 1 1 ? 2127", "quartz-maxyear"),
    49: ("0 0 0 1 1 ?", "quartz-maxyear"),
    53: ("0 0 0 1 1 ? */50", "quartz-maxyear"),
}


def build_edge_cases(max_year: int) -> list[str]:
    src = oracle_path().parent / "edge-cases.tsv"
    raw = src.read_text(encoding="utf-8").split("\n")
    if raw and raw[-1] == "":
        raw.pop()
    raw = [l[:-1] if l.endswith("\r") else l for l in raw]
    answers = run_oracle(raw)
    rows = []
    for i, (line, ans) in enumerate(zip(raw, answers), start=1):
        expr, start, n, tz = line.rsplit("\t", 3)
        status, result = split_answer(ans)
        expect = "same"
        if i in EDGE_EXPECT:
            want_expr, expect = EDGE_EXPECT[i]
            if expr != want_expr:
                raise SystemExit(f"edge-cases.tsv row {i} is {expr!r}, expected {want_expr!r}")
        # sanity: anything Quartz cut at MAX_YEAR must be labelled
        times = [t for t in result.split(",") if t[:1].isdigit()]
        if status == "OK" and result.endswith("END") and expect == "same":
            # END is only "same" when the schedule truly ends within cronkit's range too
            if i not in (1, 11, 12, 16, 17, 42, 50, 51):
                raise SystemExit(f"edge row {i} ({expr!r}) ends with END but is not classified")
        if "TIMEOUT" in result:
            raise SystemExit(f"edge row {i} timed out in Quartz")
        rows.append("\t".join([str(i), esc(expr), start, n, tz, status, result, expect]))
    if len(rows) != 135:
        raise SystemExit(f"expected 135 edge-case rows, got {len(rows)}")
    return rows


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dry-run", action="store_true", help="generate and self-check, do not run Quartz")
    args = ap.parse_args()

    r = random.Random(SEED)
    fires = gen_fires(r)
    bad = [(e, pr) for e, _, _ in fires for pr in [self_check(e)] if pr]
    if bad:
        for e, pr in bad[:30]:
            print(f"self-check failed: {e!r}: {pr}", file=sys.stderr)
        raise SystemExit(f"{len(bad)} fires expressions fail the self-check")
    rejects = gen_rejects(r)
    fire_set = {e for e, _, _ in fires}
    assert not fire_set & {e for e, _ in rejects}

    # input lines
    inputs = []       # (section, expr, start, tz, tags)
    for e, sem, tags in fires:
        hour_dst = bool(sem["hour"] & {0, 1, 2, 3})
        dst_family = "mode:dst" in tags
        for z in ZONES:
            p = 0.9 if dst_family else 0.6 if hour_dst else 0.3
            focus = z in DST_ZONES and r.random() < p
            start, stags = pick_start(r, z, sem, focus, tight=dst_family)
            inputs.append(("fires", e, iso(start), z, tags | stags | {f"tz:{z}"}, sem))
    for e, cat in rejects:
        start = rand_instant(r, 1995, 2090)
        inputs.append(("rejects", e, iso(start), "UTC", {f"reject:{cat}"}, None))
    print(f"{len(fires)} fires expressions, {len(rejects)} rejects, {len(inputs)} lines")
    if args.dry_run:
        return 0

    max_year = probe_max_year()
    answers = run_oracle([f"{e}\t{s}\t{N}\t{z}" for _, e, s, z, _, _ in inputs])

    # move the rows where Quartz is path-dependent to the "quirks" section
    rows = []
    for (sec, e, s, z, tags, sem), ans in zip(inputs, answers):
        if sec == "fires":
            q = quirk_kind(e, s, z, sem, split_answer(ans)[1])
            if q:
                sec, tags = "quirks", tags | {f"quirk:{q}"}
        rows.append((sec, e, s, z, tags, ans))
    order = {"fires": 0, "quirks": 1, "rejects": 2}
    rows.sort(key=lambda x: order[x[0]])          # stable: keeps generation order inside a section

    problems = []
    stats = defaultdict(Counter)
    exprs = defaultdict(set)
    late = Counter()
    for sec, e, s, z, tags, ans in rows:
        status, result = split_answer(ans)
        if "TIMEOUT" in result:
            problems.append(f"TIMEOUT: {e!r} {s} {z}")
        if sec in ("fires", "quirks") and status != "OK":
            problems.append(f"Quartz rejected a fires expression: {e!r}: {result}")
        if sec == "rejects" and status != "ERR":
            problems.append(f"Quartz accepted a rejects expression: {e!r}: {result[:80]}")
        kind = status if status == "ERR" else ("OK-END0" if result == "END" else
                                               "OK-END" if result.endswith(",END") else "OK-20")
        for t in tags | {"all", f"section:{sec}"}:
            stats[t][kind] += 1
            exprs[t].add(e)
        if status == "OK" and z != "UTC":
            times = [t for t in result.split(",") if t[:1].isdigit()]
            if times and int(times[-1][:4]) >= NON_UTC_CUTOFF:
                late[z] += 1
    if problems:
        for p_ in problems[:50]:
            print(p_, file=sys.stderr)
        raise SystemExit(f"{len(problems)} problems; corpus not written")

    facts = quartz_facts()
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    header = [
        "# Quartz parity golden corpus for cronkit -- generated by tests/oracle/gen_quartz_corpus.py"
        f" (seed {SEED}); do not edit by hand",
        f"# oracle: Quartz 2.3.2 CronExpression ({facts['pkg']}), {facts['java']},"
        f" via {os.path.relpath(oracle_path(), REPO)}",
        f"# generated: {now}",
        f"# quartz_max_year: {max_year}",
        "# columns: expr<TAB>start<TAB>n<TAB>tz<TAB>status<TAB>result",
        "# expr escaping: TAB -> \\t, backslash -> \\\\ ; status/result are Quartz's verbatim answer"
        " (see tests/oracle/README.md)",
        f"# compare: UTC rows below {max_year + 1}-01-01T00:00:00Z, other zones below"
        f" {NON_UTC_CUTOFF}-01-01T00:00:00Z; zones use cronkit --dst quartz; rejects use --dialect quartz",
    ]
    with open(OUT_CORPUS, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(header) + "\n")
        cur = None
        for sec, e, s, z, _, ans in rows:
            if sec != cur:
                cur = sec
                fh.write({"fires": "# section: fires -- Quartz accepts; cronkit must give the same times\n",
                          "quirks": "# section: quirks -- Quartz accepts, but its output is path-dependent"
                                    " (day-of-month 29W/30W/31W in shorter months; Australia/Lord_Howe rows"
                                    " crossing the 30-minute spring-forward gap with hour 2 in the schedule);"
                                    " see quirk_kind() in the generator and tests/oracle/README.md\n",
                          "rejects": "# section: rejects -- Quartz rejects; cronkit must reject too\n"}[sec])
            status, result = split_answer(ans)
            fh.write("\t".join([esc(e), s, str(N), z, status, result]) + "\n")

    edge_rows = build_edge_cases(max_year)
    with open(OUT_EDGE, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# EDGE-CASES.md rows re-run through the Quartz oracle by tests/oracle/gen_quartz_corpus.py\n")
        fh.write(f"# oracle: Quartz 2.3.2 CronExpression ({facts['pkg']}), {facts['java']},"
                 f" input {os.path.relpath(oracle_path().parent / 'edge-cases.tsv', REPO)}\n")
        fh.write(f"# generated: {now}\n# quartz_max_year: {max_year}\n")
        fh.write("# columns: row<TAB>expr<TAB>start<TAB>n<TAB>tz<TAB>quartz_status<TAB>quartz_result"
                 "<TAB>cronkit_expect\n")
        fh.write("# expr escaping: TAB -> \\t, backslash -> \\\\ ; cronkit_expect: same | reject:<reason>"
                 " | quartz-maxyear (see tests/oracle/README.md)\n")
        for row in edge_rows:
            fh.write(row + "\n")

    # summary
    print(f"quartz_max_year={max_year}")
    print(f"wrote {OUT_CORPUS.relative_to(REPO)} ({OUT_CORPUS.stat().st_size} bytes),"
          f" {OUT_EDGE.relative_to(REPO)} ({OUT_EDGE.stat().st_size} bytes)")
    print(f"non-UTC rows whose last time is >= {NON_UTC_CUTOFF}: {dict(late)}")
    cols = ["OK-20", "OK-END", "OK-END0", "ERR"]
    print("per tag: distinct expressions, then lines by Quartz answer (OK-20 = n times,"
          " OK-END = fewer then END, OK-END0 = none at all)")
    print(f"{'tag':38s}{'exprs':>7s}" + "".join(f"{c:>9s}" for c in cols))
    for t in sorted(stats):
        print(f"{t:38s}{len(exprs[t]):7d}" + "".join(f"{stats[t][c]:9d}" for c in cols))
    ex = Counter(row.split("\t")[-1] for row in edge_rows)
    print("edge cases:", dict(ex))
    return 0


if __name__ == "__main__":
    sys.exit(main())
