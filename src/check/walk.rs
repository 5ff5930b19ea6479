//! Walking directories: every file under the given roots, the way ripgrep
//! walks (the `ignore` crate: `.gitignore`, `.ignore` and `.git/info/exclude`
//! respected even outside a Git repository, hidden files and directories
//! skipped, symbolic links not followed unless asked), checked in parallel.
//!
//! Each thread checks whole files into a buffer; the buffers are replayed to
//! the caller's [`Sink`] sorted by path, so the output does not depend on
//! thread timing.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ignore::{WalkBuilder, WalkState};

use super::herd::HerdCollector;
use super::{CheckOptions, Checker, Counts, Record, Sink, Unreadable};
use crate::lint::Severity;
use crate::Span;

/// How to walk.
#[derive(Debug, Clone, Default)]
pub struct WalkOptions {
    /// Follow symbolic links (a loop is then reported, not followed).
    pub follow_links: bool,
    /// Worker threads; 0 = as many as the machine has.
    pub threads: usize,
    /// Show paths without the leading `./` (the walk of an implicit `.`).
    pub strip_dot: bool,
}

/// A finding with everything owned, to be replayed later.
#[derive(Debug, Clone)]
struct OwnedRecord {
    path: String,
    is_file: bool,
    line: u32,
    column: u32,
    end_column: u32,
    severity: Severity,
    code: String,
    message: String,
    help: Option<String>,
    expression: String,
    spans: Vec<Span>,
    context: Option<String>,
    note: Option<String>,
}

#[derive(Debug)]
enum Event {
    Finding(OwnedRecord),
    Note(String, String),
    Unreadable(Unreadable),
}

/// A sink that keeps everything for later.
#[derive(Default)]
struct Buffer(Vec<Event>);

impl Sink for Buffer {
    fn finding(&mut self, r: &Record<'_>) -> io::Result<()> {
        self.0.push(Event::Finding(OwnedRecord {
            path: r.path.to_string(),
            is_file: r.is_file,
            line: r.line,
            column: r.column,
            end_column: r.end_column,
            severity: r.severity,
            code: r.code.to_string(),
            message: r.message.to_string(),
            help: r.help.map(str::to_string),
            expression: r.expression.to_string(),
            spans: r.spans.to_vec(),
            context: r.context.map(str::to_string),
            note: r.note.map(str::to_string),
        }));
        Ok(())
    }

    fn note(&mut self, path: &str, message: &str) -> io::Result<()> {
        self.0
            .push(Event::Note(path.to_string(), message.to_string()));
        Ok(())
    }

    fn unreadable(&mut self, e: &Unreadable) -> io::Result<()> {
        self.0.push(Event::Unreadable(Unreadable {
            path: e.path.clone(),
            line: e.line,
            source: io::Error::new(e.source.kind(), e.source.to_string()),
        }));
        Ok(())
    }
}

/// What a walk did: its counts, and whether something could not be read.
#[derive(Debug, Clone, Default)]
pub struct WalkSummary {
    /// Summed over the threads.
    pub counts: Counts,
    /// Some file or directory could not be read.
    pub unreadable: bool,
    /// Every schedule the threads read, for the `herd` rule (hand it to
    /// [`Checker::merge_herds`]).
    pub herds: HerdCollector,
}

/// Walk `root` (a directory), check every file found, and send what is found
/// to `sink`, sorted by path.
pub fn check_tree<S: Sink>(
    root: &Path,
    opts: &CheckOptions,
    walk: &WalkOptions,
    sink: &mut S,
) -> io::Result<WalkSummary> {
    let results: Mutex<Vec<(PathBuf, Vec<Event>)>> = Mutex::new(Vec::new());
    let totals: Mutex<WalkSummary> = Mutex::new(WalkSummary::default());
    let walker = WalkBuilder::new(root)
        // Hidden files are skipped by the filter below, which lets
        // `.github` through: that is where the workflows are.
        .hidden(false)
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            e.depth() == 0 || !name.starts_with('.') || name == ".github"
        })
        .git_ignore(true)
        .git_global(false)
        .git_exclude(true)
        .ignore(true)
        .parents(true)
        .require_git(false)
        .follow_links(walk.follow_links)
        .threads(walk.threads)
        .build_parallel();
    walker.run(|| {
        let results = &results;
        let totals = &totals;
        Box::new(FlushOnDrop {
            checker: Some(Checker::new(opts.clone(), Buffer::default())),
            strip_dot: walk.strip_dot,
            results,
            totals,
            local: Vec::new(),
        })
        .visitor()
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by(|a, b| a.0.cmp(&b.0));
    for (_, events) in results {
        for e in events {
            match e {
                Event::Finding(r) => sink.finding(&Record {
                    path: &r.path,
                    is_file: r.is_file,
                    line: r.line,
                    column: r.column,
                    end_column: r.end_column,
                    severity: r.severity,
                    code: &r.code,
                    message: &r.message,
                    help: r.help.as_deref(),
                    expression: &r.expression,
                    spans: &r.spans,
                    context: r.context.as_deref(),
                    note: r.note.as_deref(),
                })?,
                Event::Note(p, m) => sink.note(&p, &m)?,
                Event::Unreadable(u) => sink.unreadable(&u)?,
            }
        }
    }
    Ok(totals.into_inner().unwrap_or_else(|e| e.into_inner()))
}

/// One thread's state: its checker and the files it did; handed over when
/// the thread is done (dropped).
struct FlushOnDrop<'a> {
    checker: Option<Checker<Buffer>>,
    strip_dot: bool,
    results: &'a Mutex<Vec<(PathBuf, Vec<Event>)>>,
    totals: &'a Mutex<WalkSummary>,
    local: Vec<(PathBuf, Vec<Event>)>,
}

impl<'a> FlushOnDrop<'a> {
    fn visitor(
        mut self: Box<Self>,
    ) -> Box<dyn FnMut(Result<ignore::DirEntry, ignore::Error>) -> WalkState + Send + 'a> {
        Box::new(move |entry| {
            let Some(checker) = self.checker.as_mut() else {
                return WalkState::Quit;
            };
            match entry {
                Ok(e) => {
                    if !e.file_type().is_some_and(|t| t.is_file()) {
                        return WalkState::Continue;
                    }
                    let mut path = e.into_path();
                    if self.strip_dot {
                        if let Ok(p) = path.strip_prefix(".") {
                            path = p.to_path_buf();
                        }
                    }
                    if checker.check_walked(&path).is_err() {
                        return WalkState::Quit;
                    }
                    let mut events = std::mem::take(&mut checker.sink_mut().0);
                    // In file order (a zone's problem and an expression's
                    // findings come from different steps).
                    events.sort_by_key(|e| match e {
                        Event::Finding(r) => (r.line, r.column),
                        _ => (0, 0),
                    });
                    if !events.is_empty() {
                        self.local.push((path, events));
                    }
                }
                Err(err) => {
                    let path = error_path(&err).unwrap_or_default();
                    let shown = path.display().to_string();
                    let source = io::Error::other(error_text(&err));
                    let _ = checker.unreadable_path(&shown, source);
                    let events = std::mem::take(&mut checker.sink_mut().0);
                    self.local.push((path, events));
                }
            }
            WalkState::Continue
        })
    }
}

impl Drop for FlushOnDrop<'_> {
    fn drop(&mut self) {
        if let Some(mut checker) = self.checker.take() {
            let mut t = self.totals.lock().unwrap_or_else(|e| e.into_inner());
            t.counts.add(checker.counts());
            t.unreadable |= checker.unreadable();
            if let Some(h) = checker.take_herds() {
                t.herds.merge(h);
            }
        }
        let local = std::mem::take(&mut self.local);
        self.results
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend(local);
    }
}

/// The path an `ignore` error is about.
fn error_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        ignore::Error::Partial(errs) => errs.first().and_then(error_path),
        _ => None,
    }
}

/// The error without its path (the path is shown separately).
fn error_text(err: &ignore::Error) -> String {
    match err {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => error_text(err),
        ignore::Error::Loop { ancestor, .. } => {
            format!(
                "symbolic link loop back to `{}`; not followed",
                ancestor.display()
            )
        }
        e => e.to_string(),
    }
}
