//! The EventBridge rules that are not about a parsed expression:
//! `eventbridge-rate` (a `rate()`), and the `eventbridge` profile's parse
//! errors that EventBridge users meet under the platform's own codes
//! (`eventbridge-fields`, `eventbridge-question-mark`,
//! `eventbridge-multiple-hash`; see [`super::Platform::platform_code`]).

/// The EventBridge code for a parse error about `?` or `#`, where there is one.
pub fn recode(parse_code: &str) -> Option<&'static str> {
    match parse_code {
        "both-day-fields"
        | "both-day-fields-unspecified"
        | "question-mark-in-list"
        | "question-mark-not-allowed" => Some("eventbridge-question-mark"),
        "hash-in-list" => Some("eventbridge-multiple-hash"),
        _ => None,
    }
}

/// `eventbridge-rate`: what is wrong with `rate(value unit)`, if anything
/// (AWS: a positive whole number; `minute`, `hour` or `day` when the value is
/// 1, `minutes`, `hours` or `days` otherwise).
///
/// ```
/// use cronkit::lint::eventbridge::rate_problem;
/// assert_eq!(rate_problem("rate(5 minutes)"), None);
/// assert_eq!(rate_problem("rate(1 day)"), None);
/// assert!(rate_problem("rate(1 minutes)").is_some());
/// assert!(rate_problem("rate(0 hours)").is_some());
/// assert!(rate_problem("rate(5 weeks)").is_some());
/// ```
pub fn rate_problem(text: &str) -> Option<String> {
    crate::expr::interval::rate(text.trim(), 0)
        .err()
        .map(|(why, _)| why)
}
