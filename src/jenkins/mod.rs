//! Jenkins' build triggers: the `H` ("hash") syntax resolved exactly as Jenkins does.
//!
//! Jenkins spreads load by letting a trigger say `H` where a number would go: the
//! value is not random but derived from the job's full name (`folder/job`), so it is
//! stable across restarts and differs from job to job. This module reproduces
//! `hudson.scheduler.Hash` ([`hash`]) and the crontab grammar with `BaseParser`'s
//! `doHash`/`doRange` ([`crontab`]), so `--hash-key folder/job` gives the very
//! minutes Jenkins will use.
//!
//! ```
//! use cronkit::jenkins::{resolve, CronTabList, JenkinsHash};
//! // Jenkins' own test (CronTabTest.hashedMinute): key "stuff" puts `H` at minute 56
//! let tabs = resolve("H * * * *", Some("stuff")).unwrap();
//! assert_eq!(tabs.lines[0].tab.to_unix(), "56 * * * *");
//! // without a key every `H` is the lowest value of its range (Jenkins' zero hash)
//! let tabs = CronTabList::parse("@midnight", &mut JenkinsHash::zero()).unwrap();
//! assert_eq!(tabs.lines[0].tab.to_unix(), "0 0 * * *");
//! ```
//!
//! Facts taken from Jenkins' source (jenkinsci/jenkins, `core/src/main/java/hudson/`):
//! the seed (`scheduler/Hash.java` `from`), the draw order (left to right, line after
//! line, one shared `Random` per trigger: `scheduler/CronTabList.java` `create`), the
//! day fields AND-ed and every wall-clock minute checked once per real minute
//! (`scheduler/CronTab.java` `check`, `triggers/Trigger.java` `Cron.doRun`), so a
//! daylight-saving gap's minutes never run and a repeated hour runs twice.
//! A nickname line (`@daily`) is re-parsed by `CronTab.set(String, Hash)`, which
//! drops the `TZ=` zone: Jenkins runs hashed nicknames in the controller's own zone.

pub mod crontab;
pub mod describe;
pub mod hash;

pub use crontab::{
    parse_fields, CronTab, CronTabList, HashedItem, JenkinsError, JenkinsField, JenkinsNickname,
    TabLine,
};
pub use hash::{seed_for_key, JavaRandom, JenkinsHash};

/// Read a Jenkins trigger text with the hash of `key` (the job's full name), or with
/// Jenkins' zero hash when there is no key.
pub fn resolve(text: &str, key: Option<&str>) -> Result<CronTabList, JenkinsError> {
    let mut hash = match key {
        Some(k) => JenkinsHash::for_key(k),
        None => JenkinsHash::zero(),
    };
    CronTabList::parse(text, &mut hash)
}
