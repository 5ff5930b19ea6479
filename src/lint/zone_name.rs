//! `unknown-timezone`: a zone name that the platform would not recognise.

/// Whether `name` is an IANA time zone name (as Kubernetes, GitHub, AWS and
/// Java's `ZoneId` accept), or, where `offsets` is true (Watcher and
/// OpenSearch, which use Java's `ZoneId`), a fixed offset such as `+05:30`.
///
/// ```
/// use cronkit::lint::zone_name::is_known_zone;
/// assert!(is_known_zone("Europe/Paris", false));
/// assert!(!is_known_zone("Europe/Pariss", false));
/// assert!(is_known_zone("+05:30", true));
/// ```
pub fn is_known_zone(name: &str, offsets: bool) -> bool {
    name.parse::<chrono_tz::Tz>().is_ok()
        || (offsets && name != "local" && crate::Zone::parse(name).is_ok())
}
