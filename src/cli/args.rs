//! The command line, defined once: `--help`, the man pages and the shell
//! completions are all generated from these definitions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use super::common::{allowable_rules, zone_names, ColorArg, Completing, DialectArg, DstArg};

pub const CRONEVAL_EXAMPLES: &str = "\
Examples:
  croneval \"0 0/1 * * * ?\" -c 20
      the next 20 fire times, printed as Elasticsearch's croneval prints them
  croneval \"0 30 2 * * ?\" --tz America/New_York --dst quartz --from 2026-03-01
      across a spring-forward night, as Quartz would fire
  croneval \"*/15 9-17 * * MON-FRI\" --format table
      a Unix expression, as a table with the gap between fire times
  croneval \"0 0 12 ? * 6#3\" --format calendar -c 12
      month grids with the fire days marked
  croneval \"0 0 0 1 * ?\" --prev -c 3
      the last three fire times before now
  croneval \"0 0 9 ? * MON-FRI\" \"0 0 12 ? * SAT\" --from 2026-11-21 --until 2026-12-01
      two expressions merged into one timeline, up to a date
  croneval \"0 0/5 * * * ?\" -c 10000000 --format iso | head
      streams; stops at once when the reader goes away
  croneval \"0 0 12 ? * 6#3\" --format json | jq -r '.times[].local'
      the times as JSON
  curl -s localhost:9200/_watcher/watch/my_watch | croneval --schedule - -c 5
      the fire times of a watch's schedule (all its crons, in its timezone)
  crontab -l | croneval --input crontab - -c 5
      the next runs of a whole crontab, each labelled with its line
  printf '0 0 12 * * ?\n0 30 9 ? * MON\n' | croneval - -c 4
      expressions from stdin, one per line, merged into one timeline
  croneval --dialect k8s '@every 90m' --from 2026-11-21T08:00:00Z -c 3
      an interval schedule, counted from when it starts (here --from)

Exit status: 0 success, 1 invalid expression or no fire time, 2 usage error.
(Elasticsearch's croneval exits 0 for an invalid expression; cronkit exits 1 so a CI step fails.)";

pub const EXPLAIN_EXAMPLES: &str = "\
Examples:
  cronkit explain \"0 15 10 ? * MON-FRI\"
      At 10:15, Monday through Friday
  cronkit explain \"0 0 12 1 * MON\" --dialect unix
      At 12:00 on day 1 of the month or on Monday
  cronkit explain --12h \"0 0/15 9-17 * * ?\"
      Every 15 minutes from 9:00 AM through 5:45 PM
  cronkit explain \"0 5 9 ? * 6#3\" --next 3 --tz Europe/Paris
      the sentence, then the next three fire times
  cronkit explain --fields \"0 0/30 9-17 ? * MON-FRI\"
      a table of what each field means
  crontab -l | cronkit explain --input crontab -
      each crontab entry, after its line number (MAILTO=, @reboot, CRON_TZ= understood)
  cronkit explain --input nuxeo scheduler-contrib.xml
      every <cronExpression> of a Nuxeo contribution, read as Quartz
  printf '0 0 * * *\n0 12 * * 1-5\n' | cronkit explain -
      one expression per line from stdin, each sentence after its expression
  cronkit explain --format json \"0 0 0 29 2 ?\"

Exit status: 0 success, 1 an invalid expression (the others are still described) or,
with --next, an expression without fire times, 2 usage error.";

pub const VALIDATE_EXAMPLES: &str = "\
Examples:
  cronkit validate
      walk the current directory: workflows, manifests, templates, crontabs...
  cronkit validate .github/workflows deploy/ --format sarif > cron.sarif
      SARIF 2.1.0 for GitHub code scanning
  cronkit validate -e \"0 0 12 * * *\" -e \"0 0 12 ? * MON-FRI\"
      check expressions given on the command line
  cronkit validate schedules.txt --deny warnings
      one expression per line; warnings fail too
  cronkit validate /etc/cron.d/backup /etc/crontab
      crontabs (the user column of system crontabs is recognised)
  cronkit validate nuxeo-contrib.xml --allow every-second
      Nuxeo <schedule> contributions, without the every-second rule
  cronkit validate schedules.txt --tz Europe/Paris --dst quartz
      also warn about fire times in next year's DST gaps and overlaps
  cronkit validate watches.json --format github
      findings as GitHub Actions annotations
  cronkit validate . --herd-threshold 5
      warn when more than 5 schedules of the repository start in the same minute
  crontab -l | cronkit validate - --input crontab --format json

Read: GitHub workflows, Kubernetes CronJob / Argo CronWorkflow manifests,
CloudFormation / SAM / Serverless templates, Jenkinsfiles, crontabs, Watcher and
OpenSearch JSON, Nuxeo XML, files of one expression per line. A directory is walked
like ripgrep (.gitignore respected, hidden and binary files skipped).

Rules: see docs/validate.md; every parse error is an error too.

Exit status: 0 clean (warnings allowed unless --deny warnings), 1 findings that fail,
2 usage error or unreadable input.";

pub const CONVERT_EXAMPLES: &str = "\
Examples:
  curl -s localhost:9200/_watcher/watch/my_watch | cronkit convert
      the cron expression(s) Elasticsearch runs for a watch's schedule
  curl -s 'localhost:9200/_watcher/_query/watches?size=100' | cronkit convert
      one line per cron: the watch id, a tab, the expression
  echo '{\"weekly\":{\"on\":[\"tue\",\"fri\"],\"at\":\"17:00\"}}' | cronkit convert
      0 0 17 ? * TUE,FRI
  cronkit convert -e \"*/15 9-17 * * 1-5\" --to quartz
      0 */15 9-17 ? * MON-FRI
  cronkit convert -e \"0 12 1 * 1\" --to quartz
      0 0 12 1 * ?   and   0 0 12 ? * MON   (Vixie cron ORs the two day fields)
  cronkit convert -e \"0 15 10 ? * MON-FRI\" --to unix
      15 10 * * MON-FRI
  cronkit convert -e \"30 0 12 * * ?\" --to ocps
      30 0 12 * * *   (classic Unix cron has no seconds field)
  cronkit convert -e \"0 0 17 * * ?\" --to watcher
      {\"daily\":{\"at\":\"17:00\"}}
  cronkit convert watches.json --merge --format json
      the fewest expressions per schedule, as a JSON array

Exit status: 0 converted, 1 a schedule or expression could not be read or converted,
2 usage error or unreadable input (an I/O error, malformed JSON, nothing to convert).";

#[derive(Parser, Debug)]
#[command(
    name = "cronkit",
    version,
    about = "A cron toolkit: fire times, English descriptions, a CI lint and schedule conversion",
    long_about = "cronkit reads Quartz (Elasticsearch Watcher, Nuxeo) and Unix cron expressions (with the OCPS extensions), tells when they fire, says what they mean, lints them wherever they live and converts between dialects and Watcher/OpenSearch schedules.",
    after_help = "Examples:
  cronkit croneval \"0 0/1 * * * ?\" -c 20
  cronkit explain \"0 15 10 ? * MON-FRI\"
  cronkit validate -f /etc/crontab --input crontab
  cronkit convert -e \"*/15 9-17 * * 1-5\" --to quartz

Run `cronkit <command> --help` for each command's options and examples.
Exit status: 0 success, 1 a failing result (invalid expression, lint error), 2 usage error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print the next (or previous) fire times of cron expressions
    Croneval(CronevalArgs),
    /// Describe cron expressions in English
    Explain(ExplainArgs),
    /// Lint cron expressions in files, crontabs, Watcher/OpenSearch JSON and Nuxeo XML
    Validate(ValidateArgs),
    /// Convert Watcher/OpenSearch schedules to cron, and cron between dialects
    Convert(ConvertArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Write the man pages (cronkit.1, one per command, croneval.1, cronkit-syntax.5, cronkit-rules.7)
    Man(ManArgs),
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum CronevalFormat {
    /// Elasticsearch's croneval text
    #[default]
    Text,
    /// one RFC 3339 timestamp per line, with the --tz offset
    Iso,
    /// one JSON document (shape in the README)
    Json,
    /// a table: UTC, local time, weekday, gap, which expression
    Table,
    /// month grids like `cal`, fire days marked, counts per day
    Calendar,
    /// when all the expressions fire together: a weekday × hour grid and a
    /// minute-of-hour strip of fire counts over a week (or --from/--until), and the
    /// busiest minutes
    Heatmap,
    /// the heatmap's counts as one JSON document
    HeatmapJson,
}

#[derive(Args, Debug, Clone)]
#[command(after_help = CRONEVAL_EXAMPLES)]
pub struct CronevalArgs {
    /// Cron expression(s); several are merged into one timeline; `-` reads one per
    /// line from stdin; with --input, documents to read (`-` = stdin)
    #[arg(value_name = "EXPR", required_unless_present = "schedule")]
    pub exprs: Vec<String>,
    /// The arguments are documents of this kind (crontab, watcher, opensearch,
    /// nuxeo, a CI file...; auto: by name and content), read as validate reads them:
    /// every schedule joins the timeline with its source's profile, zone and DST
    /// behaviour
    #[arg(long, value_enum, value_name = "KIND")]
    pub input: Option<InputArg>,
    /// How many fire times to print [default: 10, or all up to --until]
    #[arg(short = 'c', long = "count", value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub count: Option<u64>,
    /// Start here instead of now ("now" in the output): `2026-11-21T08:30:00Z`
    /// (RFC 3339), `2026-11-21 08:30` or `2026-11-21` (wall clock in --tz), or `now`.
    /// An interval schedule (`@every 90m` under --dialect k8s, `rate(5 minutes)`
    /// under --dialect eventbridge) counts from here; the platform counts from when
    /// the schedule is created, so give that time to see its real times
    #[arg(long, value_name = "T")]
    pub from: Option<String>,
    /// Stop at this time, inclusive (same forms as --from); with --prev, the earliest
    /// time to go back to
    #[arg(long, value_name = "T")]
    pub until: Option<String>,
    /// Previous fire times, newest first, instead of the next ones
    #[arg(long)]
    pub prev: bool,
    /// Evaluate in this zone and show local times there: an IANA name
    /// (`Europe/Paris`), `UTC`, `local`, or an offset (`+05:30`) [default: UTC, with
    /// local times shown in the system zone, as Elasticsearch does]
    #[arg(long, value_name = "ZONE", allow_hyphen_values = true, value_parser = Completing(zone_names), hide_possible_values = true)]
    pub tz: Option<String>,
    /// What a time inside a daylight-saving gap or overlap does [default: the
    /// profile's own: shift for quartz, wall for k8s, gitlab and spring, ...]
    #[arg(long, value_enum)]
    pub dst: Option<DstArg>,
    /// Cron dialect
    #[arg(long, value_enum, default_value_t = DialectArg::AUTO)]
    pub dialect: DialectArg,
    /// Jenkins (`--dialect jenkins`): the job's full name (`folder/job`), which
    /// picks the values of `H` and the hashed nicknames as Jenkins does; an
    /// expression may hold several lines, a first line `TZ=Zone` and `#` comments
    #[arg(long, value_name = "KEY")]
    pub hash_key: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = CronevalFormat::Text)]
    pub format: CronevalFormat,
    /// Also show each expression field by field (and, for an invalid one, the
    /// diagnostic's code, dialect, field and byte span)
    #[arg(short = 'd', long)]
    pub detail: bool,
    /// When to use colour
    #[arg(long, value_enum, default_value_t = ColorArg::Auto, value_name = "WHEN")]
    pub color: ColorArg,
    /// Read the schedules of a document (Watcher or OpenSearch JSON, Nuxeo XML, a
    /// crontab...; - for stdin) instead of expressions; a schedule's timezone applies
    /// unless --tz is given, and a Watcher interval counts from --from
    #[arg(long, value_name = "FILE", conflicts_with_all = ["exprs", "input"])]
    pub schedule: Option<PathBuf>,
    /// Elasticsearch's `--silent`: print nothing on stdout; the exit status says
    /// whether the expression is valid and fires (errors still go to stderr)
    #[arg(short = 's', long, conflicts_with = "verbose")]
    pub silent: bool,
    /// Elasticsearch's `--verbose`: accepted; croneval prints nothing more with it
    /// (Elasticsearch neither): use --detail for each field's meaning
    #[arg(short = 'v', long)]
    pub verbose: bool,
    /// Elasticsearch's `-E key=value` setting: accepted and ignored with a note
    /// (croneval reads no Elasticsearch settings)
    #[arg(short = 'E', value_name = "KEY=VALUE", value_parser = parse_setting)]
    pub settings: Vec<String>,
    /// How the user called the command (`croneval` or `cronkit croneval`), for hints.
    #[arg(skip)]
    pub program: Option<&'static str>,
}

/// `-E key=value`: the form Elasticsearch's command-line tools require.
fn parse_setting(s: &str) -> Result<String, String> {
    match s.split_once('=') {
        Some((k, _)) if !k.is_empty() => Ok(s.to_string()),
        _ => Err(format!("setting [{s}] must be of the form key=value")),
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TextOrJson {
    #[default]
    Text,
    Json,
}

#[derive(Args, Debug, Clone)]
#[command(after_help = EXPLAIN_EXAMPLES)]
pub struct ExplainArgs {
    /// Cron expression(s); `-` reads one per line from stdin; with --input,
    /// documents to read (`-` = stdin)
    #[arg(value_name = "EXPR", required = true)]
    pub exprs: Vec<String>,
    /// The arguments are documents of this kind (crontab, watcher, opensearch,
    /// nuxeo, a CI file...; auto: by name and content), read as validate reads them:
    /// each schedule is described with its source's profile
    #[arg(long, value_enum, value_name = "KIND")]
    pub input: Option<InputArg>,
    /// Cron dialect
    #[arg(long, value_enum, default_value_t = DialectArg::AUTO)]
    pub dialect: DialectArg,
    /// Jenkins (`--dialect jenkins`): the job's full name (`folder/job`), which
    /// picks the values of `H` and the hashed nicknames as Jenkins does
    #[arg(long, value_name = "KEY")]
    pub hash_key: Option<String>,
    /// Use a 12-hour clock (10:15 AM) instead of the 24-hour default (10:15)
    #[arg(long = "12h")]
    pub twelve_hour: bool,
    /// Add a table of each field's text and meaning
    #[arg(long)]
    pub fields: bool,
    /// Also print the next N fire times
    #[arg(long, value_name = "N")]
    pub next: Option<u64>,
    /// Time zone for --next and --from [default: UTC]
    #[arg(long, value_name = "ZONE", value_parser = Completing(zone_names), hide_possible_values = true)]
    pub tz: Option<String>,
    /// DST policy for --next [default: the profile's own]
    #[arg(long, value_enum)]
    pub dst: Option<DstArg>,
    /// Start --next from this time; also "now" for saying a schedule's years are past [default: now]
    #[arg(long, value_name = "T")]
    pub from: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
    /// Colour
    #[arg(long, value_enum, default_value_t = ColorArg::Auto, value_name = "WHEN")]
    pub color: ColorArg,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum InputArg {
    /// decide by file extension and content
    #[default]
    Auto,
    /// one expression per line, `#` comments
    Lines,
    /// a crontab (user or /etc/cron.d style)
    Crontab,
    /// Elasticsearch Watcher JSON (watch, schedule, get/query responses, NDJSON)
    Watcher,
    /// OpenSearch job-scheduler JSON
    Opensearch,
    /// Nuxeo extension XML
    Nuxeo,
    /// YAML or JSON, the kind decided per document (workflow, manifest, template)
    Yaml,
    /// a GitHub Actions workflow
    Github,
    /// Kubernetes manifests (CronJob, Argo CronWorkflow)
    K8s,
    /// CloudFormation / SAM / Serverless templates (YAML or JSON)
    Cloudformation,
    /// a Jenkinsfile
    Jenkins,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ValidateFormat {
    /// compiler-style diagnostics and a summary
    #[default]
    Text,
    /// an array of findings
    Json,
    /// GitHub Actions workflow commands
    Github,
    /// SARIF 2.1.0, for GitHub code scanning
    Sarif,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DenyArg {
    /// treat warnings as errors
    Warnings,
}

#[derive(Args, Debug, Clone)]
#[command(after_help = VALIDATE_EXAMPLES)]
pub struct ValidateArgs {
    /// Files and directories to check (`-` = stdin) [default: the current directory]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// An expression to check (repeatable)
    #[arg(
        short = 'e',
        long = "expr",
        value_name = "EXPR",
        allow_hyphen_values = true
    )]
    pub exprs: Vec<String>,
    /// A file to check, as a positional PATH (kept for older scripts)
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Follow symbolic links while walking directories
    #[arg(short = 'L', long)]
    pub follow: bool,
    /// Also list the files a walk skipped, and why
    #[arg(short = 'v', long)]
    pub verbose: bool,
    /// What the files hold
    #[arg(long, value_enum, default_value_t = InputArg::Auto)]
    pub input: InputArg,
    /// Cron dialect of plain expressions
    #[arg(long, value_enum, default_value_t = DialectArg::AUTO)]
    pub dialect: DialectArg,
    /// Output format
    #[arg(long, value_enum, default_value_t = ValidateFormat::Text)]
    pub format: ValidateFormat,
    /// Fail on warnings too
    #[arg(long, value_enum)]
    pub deny: Option<DenyArg>,
    /// Do not report this rule (repeatable)
    #[arg(long, value_name = "RULE", value_parser = Completing(allowable_rules), hide_possible_values = true)]
    pub allow: Vec<String>,
    /// Check DST gaps and overlaps in this zone (dst-gap, dst-overlap)
    #[arg(long, value_name = "ZONE", value_parser = Completing(zone_names), hide_possible_values = true)]
    pub tz: Option<String>,
    /// DST policy named in dst-gap/dst-overlap messages [default: the profile's own]
    #[arg(long, value_enum)]
    pub dst: Option<DstArg>,
    /// Check as of this time instead of now (year-in-past, rarely-fires, the DST year):
    /// RFC 3339, a date, or a local date-time in --tz
    #[arg(long, value_name = "T")]
    pub now: Option<String>,
    /// herd rule: more than N schedules of the run (all files and expressions
    /// together) firing in the same minute of the week from --now is a herd
    #[arg(long, value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
    pub herd_threshold: u32,
    /// Colour
    #[arg(long, value_enum, default_value_t = ColorArg::Auto, value_name = "WHEN")]
    pub color: ColorArg,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ConvertFrom {
    /// JSON when the input starts with `{` or `[`, else cron expressions (dialect by field count)
    #[default]
    Auto,
    /// Elasticsearch Watcher JSON
    Watcher,
    /// OpenSearch job-scheduler JSON
    Opensearch,
    /// Quartz cron expressions
    Quartz,
    /// Unix cron expressions
    Unix,
    /// Kubernetes CronJob schedules (robfig/cron)
    K8s,
    /// GitHub Actions schedules
    Github,
    /// GitLab pipeline schedules (fugit)
    Gitlab,
    /// AWS EventBridge cron(...) expressions
    Eventbridge,
    /// Spring CronExpression (6 fields, day fields AND-ed)
    Spring,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConvertTo {
    /// Quartz / Elasticsearch cron (6 or 7 fields)
    Quartz,
    /// classic 5-field Unix cron (Vixie, ISC, cronie)
    Unix,
    /// Unix cron with the OCPS extensions (seconds, year, L, W, #, +)
    Ocps,
    /// Kubernetes CronJob spec.schedule (robfig/cron: 5 fields, SUN=0)
    K8s,
    /// GitHub Actions on.schedule cron (5 fields, SUN=0)
    Github,
    /// GitLab pipeline schedule (fugit: [sec] min hour dom month dow)
    Gitlab,
    /// AWS EventBridge cron(min hour dom month dow year) with `?`
    Eventbridge,
    /// Spring CronExpression (sec min hour dom month dow, both day fields AND-ed)
    Spring,
    /// the simplest Elasticsearch Watcher schedule JSON
    Watcher,
}

#[derive(Args, Debug, Clone)]
#[command(after_help = CONVERT_EXAMPLES)]
pub struct ConvertArgs {
    /// Watcher or OpenSearch JSON (a watch, a schedule, get/query responses, NDJSON), Nuxeo XML, a crontab, a CI file, or cron expressions one per line (none or - = stdin)
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// A cron expression to convert (repeatable; text starting with `{` is read as schedule JSON)
    #[arg(short = 'e', long = "expr", value_name = "EXPR")]
    pub exprs: Vec<String>,
    /// What the files are [default: JSON when they start with `{` or `[`, else by
    /// name and content: Nuxeo XML, a crontab, a CI file or one expression per line]
    #[arg(long, value_enum, value_name = "KIND")]
    pub input: Option<InputArg>,
    /// What the input is
    #[arg(long, value_enum, default_value_t = ConvertFrom::Auto)]
    pub from: ConvertFrom,
    /// What to produce [default: quartz for JSON and unix input, unix for quartz input]
    #[arg(long, value_enum)]
    pub to: Option<ConvertTo>,
    /// Produce the fewest expressions that fire identically (per schedule; all cron inputs together form one)
    #[arg(long)]
    pub merge: bool,
    /// Move a fixed time to one picked from KEY (a job or repository name), the same
    /// every time, for platforms without Jenkins' `H`: the result fires at another
    /// time, it is not equivalent (see docs/load.md)
    #[arg(long, value_name = "KEY", conflicts_with_all = ["to", "merge"])]
    pub spread: Option<String>,
    /// The time-of-day window --spread picks a time in [default: the job's own hour]
    #[arg(long, value_name = "HH:MM-HH:MM", requires = "spread")]
    pub spread_window: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShellArg {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

#[derive(Args, Debug, Clone)]
#[command(after_help = "Examples:
  cronkit completions bash > ~/.local/share/bash-completion/completions/cronkit
  cronkit completions bash --croneval > ~/.local/share/bash-completion/completions/croneval
  cronkit completions zsh > \"${fpath[1]}/_cronkit\"
  cronkit completions fish > ~/.config/fish/completions/cronkit.fish
  cronkit completions powershell >> $PROFILE
  cronkit completions elvish > ~/.config/elvish/lib/cronkit.elv")]
pub struct CompletionsArgs {
    /// The shell to complete in
    #[arg(value_enum)]
    pub shell: ShellArg,
    /// Generate for the `croneval` binary instead of `cronkit`
    #[arg(long)]
    pub croneval: bool,
}

#[derive(Args, Debug, Clone)]
#[command(after_help = "Examples:
  cronkit man --dir man
      cronkit.1, cronkit-croneval.1 ..., croneval.1, cronkit-syntax.5 and cronkit-rules.7
  cronkit man | man -l -
      read cronkit.1 now")]
pub struct ManArgs {
    /// Write every page (cronkit.1, one per subcommand, croneval.1, cronkit-syntax.5,
    /// cronkit-rules.7) into this directory (without it, print cronkit.1 to stdout)
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// The `croneval` binary: the croneval subcommand as a command of its own.
#[derive(Parser, Debug)]
#[command(
    name = "croneval",
    version,
    about = "Print the next fire times of cron expressions (a drop-in for Elasticsearch's croneval)",
    long_about = "Print the next fire times of cron expressions (a drop-in for Elasticsearch's croneval).\n\nThe croneval binary reads Quartz expressions by default, so \"Valid!\" means what it means in Elasticsearch: the expression is accepted by `PUT _watcher`. `cronkit croneval` guesses the dialect from the field count instead (--dialect auto)."
)]
pub struct CronevalCli {
    #[command(flatten)]
    pub args: CronevalArgs,
}

/// The `croneval` binary's command: [`CronevalCli`] with `--dialect quartz` as the
/// default, so that "Valid!" is Elasticsearch's verdict (`cronkit croneval` keeps
/// `auto`). Used for parsing, `--help`, the man page and the completions alike.
pub fn croneval_command() -> clap::Command {
    use clap::CommandFactory;
    CronevalCli::command().mut_arg("dialect", |a| a.default_value("quartz"))
}
