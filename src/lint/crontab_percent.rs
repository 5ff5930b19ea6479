//! `crontab-unescaped-percent`: cron turns an unescaped `%` in the command
//! into a newline and sends what follows to the command's standard input
//! (crontab(5)), so `date +%F` never reaches the shell as written.

/// The character index of the first unescaped `%` in a crontab command.
///
/// ```
/// use cronkit::lint::crontab_percent::unescaped_percent;
/// assert_eq!(unescaped_percent("date +%F"), Some(6));
/// assert_eq!(unescaped_percent(r"date +\%F"), None);
/// ```
pub fn unescaped_percent(command: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in command.chars().enumerate() {
        match c {
            '\\' if !escaped => escaped = true,
            '%' if !escaped => return Some(i),
            _ => escaped = false,
        }
    }
    None
}
