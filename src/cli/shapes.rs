//! Argument shapes: what the words on a command line evidently were before the
//! shell got to them.
//!
//! A cron expression typed without quotes reaches the program as several
//! arguments (`croneval 0 0/1 \* \* \* ?` is six of them), and every unquoted
//! `*` is replaced by the names of the files in the current directory. Reading
//! each piece as an expression of its own only produces a wall of identical
//! diagnostics; [`split_expression`] recognises the shape so the command can say
//! "quote the expression" instead, with the expression put back together.

use std::path::Path;

use cronkit::{DialectChoice, Expr};

/// An expression the shell split into several arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitExpression {
    /// The expression put back together (a run of file names becomes `*` again).
    pub joined: String,
    /// How many arguments it arrived as.
    pub pieces: usize,
    /// File names that stand where an unquoted `*` was (empty when none).
    pub globbed: Vec<String>,
}

/// Characters a cron field is written with (names included).
fn looks_like_field(s: &str) -> bool {
    let charset = s
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"*/,-?#".contains(&b));
    let has_value = s.bytes().any(|b| b.is_ascii_digit() || b"*?".contains(&b));
    !s.is_empty() && charset && (has_value || is_name_field(s))
}

/// `MON-FRI`, `JAN,JUL`, `L`, `LW`: fields written with names only.
fn is_name_field(s: &str) -> bool {
    const NAMES: [&str; 21] = [
        "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT", "JAN", "FEB", "MAR", "APR", "MAY", "JUN",
        "JUL", "AUG", "SEP", "OCT", "NOV", "DEC", "L", "LW",
    ];
    s.split([',', '-'])
        .all(|w| NAMES.iter().any(|n| n.eq_ignore_ascii_case(w)))
}

/// The names an unquoted `*` expands to in the current directory, sorted as
/// the shell sorts them (byte order is close enough to tell a run of them).
fn glob_star() -> Vec<String> {
    let Ok(dir) = std::fs::read_dir(".") else {
        return Vec::new();
    };
    let mut names: Vec<String> = dir
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    names
}

/// Recognise an expression split by the shell among `args`: two or more
/// arguments without white space, not each an expression on its own, that are
/// either 5 to 7 cron-looking fields or cron-looking fields mixed with file
/// names (where an unquoted `*` stood).
pub fn split_expression(args: &[String], choice: DialectChoice) -> Option<SplitExpression> {
    if args.len() < 2
        || args.iter().any(|a| a.contains([' ', '\t']) || a == "-")
        || args.iter().all(|a| Expr::parse(a, choice).is_ok())
    {
        return None;
    }
    let is_file = |a: &str| !looks_like_field(a) && Path::new(a).exists();
    let globbed: Vec<String> = args.iter().filter(|a| is_file(a)).cloned().collect();
    if globbed.is_empty() {
        let fields_only = args.iter().all(|a| looks_like_field(a));
        return ((5..=7).contains(&args.len()) && fields_only).then(|| SplitExpression {
            joined: args.join(" "),
            pieces: args.len(),
            globbed,
        });
    }
    // Every other argument must look like a field, and an expanded expression has
    // at least 5 pieces, some of them fields: `convert a.json b.json` is two files.
    let fields = args.len() - globbed.len();
    if fields == 0 || args.len() < 5 || !args.iter().all(|a| is_file(a) || looks_like_field(a)) {
        return None;
    }
    // Put each run of file names back as the `*`s it came from: one `*` gives
    // the whole directory listing.
    let per_star = glob_star().len().max(1);
    let mut words: Vec<String> = Vec::new();
    let mut run = 0usize;
    let flush = |run: &mut usize, words: &mut Vec<String>| {
        if *run > 0 {
            let stars = (*run).div_ceil(per_star).max(1);
            words.extend(std::iter::repeat("*".to_string()).take(stars));
            *run = 0;
        }
    };
    for a in args {
        if is_file(a) {
            run += 1;
        } else {
            flush(&mut run, &mut words);
            words.push(a.clone());
        }
    }
    flush(&mut run, &mut words);
    Some(SplitExpression {
        joined: words.join(" "),
        pieces: args.len(),
        globbed,
    })
}

/// Quote `s` for a POSIX shell.
pub fn shell_quote(s: &str) -> String {
    if s.contains('\'') {
        let mut q = String::from("\"");
        for c in s.chars() {
            if matches!(c, '"' | '\\' | '$' | '`') {
                q.push('\\');
            }
            q.push(c);
        }
        q.push('"');
        q
    } else {
        format!("'{s}'")
    }
}

/// Text from the command line made safe to print: control characters escaped.
pub fn shown(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_debug().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

/// The "quote the expression" message for `command` (e.g. `croneval`,
/// `cronkit convert -e`).
pub fn quote_message(split: &SplitExpression, command: &str) -> String {
    let mut msg = format!(
        "the cron expression arrived as {} separate arguments: the shell splits unquoted text at spaces",
        split.pieces
    );
    if !split.globbed.is_empty() {
        let mut distinct: Vec<&String> = Vec::new();
        for n in &split.globbed {
            if !distinct.contains(&n) {
                distinct.push(n);
            }
        }
        let mut names: Vec<String> = distinct.iter().take(3).map(|n| shown(n)).collect();
        if distinct.len() > 3 {
            names.push("…".to_string());
        }
        msg.push_str(&format!(
            ", and replaced each unquoted `*` with the file names here ({})",
            names.join(", ")
        ));
    }
    msg.push_str(&format!(
        "\n  = help: quote the expression: {command} {}",
        shell_quote(&shown(&split.joined))
    ));
    msg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn split_fields_are_recognised() {
        let s = split_expression(&v(&["0", "0/1", "*", "*", "*", "?"]), DialectChoice::Auto)
            .expect("split");
        assert_eq!(s.joined, "0 0/1 * * * ?");
        assert_eq!(s.pieces, 6);
        let s = split_expression(
            &v(&["*/5", "9-17", "*", "*", "MON-FRI"]),
            DialectChoice::Auto,
        )
        .expect("split");
        assert_eq!(s.joined, "*/5 9-17 * * MON-FRI");
    }

    #[test]
    fn whole_expressions_are_not_split() {
        for a in [
            &["@daily", "@hourly"][..],
            &["0 0 * * * ?", "0 0 12 ? * SAT"],
            &["0 0 * * * ?"],
            &["-", "x"],
        ] {
            assert_eq!(split_expression(&v(a), DialectChoice::Auto), None, "{a:?}");
        }
    }

    #[test]
    fn quoting() {
        assert_eq!(shell_quote("0 0/1 * * * ?"), "'0 0/1 * * * ?'");
        assert_eq!(shown("a\u{1b}b"), "a\\u{1b}b");
    }
}
