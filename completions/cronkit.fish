# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_cronkit_global_optspecs
    string join \n h/help V/version
end

function __fish_cronkit_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_cronkit_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_cronkit_using_subcommand
    set -l cmd (__fish_cronkit_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c cronkit -n "__fish_cronkit_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cronkit -n "__fish_cronkit_needs_command" -s V -l version -d 'Print version'
complete -c cronkit -n "__fish_cronkit_needs_command" -f -a "croneval" -d 'Print the next (or previous) fire times of cron expressions'
complete -c cronkit -n "__fish_cronkit_needs_command" -f -a "explain" -d 'Describe cron expressions in English'
complete -c cronkit -n "__fish_cronkit_needs_command" -f -a "validate" -d 'Lint cron expressions in files, crontabs, Watcher/OpenSearch JSON and Nuxeo XML'
complete -c cronkit -n "__fish_cronkit_needs_command" -f -a "convert" -d 'Convert Watcher/OpenSearch schedules to cron, and cron between dialects'
complete -c cronkit -n "__fish_cronkit_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c cronkit -n "__fish_cronkit_needs_command" -f -a "man" -d 'Write the man pages (cronkit.1, one per command, croneval.1, cronkit-syntax.5, cronkit-rules.7)'
complete -c cronkit -n "__fish_cronkit_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cronkit -n "__fish_cronkit_using_subcommand croneval" -s c -l count -d 'How many fire times to print [default: 10, or all up to --until]' -r
complete -c cronkit -n "__fish_cronkit_using_subcommand croneval" -l from -d 'Start here instead of now ("now" in the output): `2026-11-21T08:30:00Z` (RFC 3339), `2026-11-21 08:30` or `2026-11-21` (wall clock in --tz), or `now`' -r
complete -c cronkit -n "__fish_cronkit_using_subcommand croneval" -l until -d 'Stop at this time, inclusive (same forms as --from); with --prev, the earliest time to go back to' -r
complete -c cronkit -n "__fish_cronkit_using_subcommand croneval" -l tz -d 'Evaluate in this zone and show local times there: an IANA name (`Europe/Paris`), `UTC`, `local`, or an offset (`+05:30`) [default: UTC, with local times shown in the system zone, as Elasticsearch does]' -r
complete -c cronkit -n "__fish_cronkit_using_subcommand croneval" -l dst -d 'What a time inside a daylight-saving gap or overlap does [default: the profile\'s own: shift for quartz, wall for k8s, gitlab and spring, ...]' -r -f -a "shift\t'a time in a gap fires shifted by the gap; an overlap fires at its first occurrence'
skip\t'a time in a gap does not fire; an overlap fires at its first occurrence'
quartz\t'Quartz 2.3.2: a gap does not fire; an overlap fires at its second occurrence'
wall\t'every instant whose wall clock matches (robfig/Kubernetes, fugit/GitLab, Spring): a gap does not fire, an overlap fires twice'
cron\t'Vixie cron/cronie: a fixed time in a gap fires when it ends, once in an overlap; a `*` minute or hour skips a gap, fires twice in an overlap'"
complete -c cronkit -n "__fish_cronkit_using_subcommand croneval" -l dialect -d 'Cron dialect' -r -f -a "auto\t'5 fields or a nickname → unix; 6 or 7 fields → quartz'
quartz\t'Quartz / Elasticsearch / Nuxeo: sec min hour dom month dow [year], SUN=1'
unix\t'Vixie cron + OCPS: [sec] min hour dom month dow [year], SUN=0 or 7'
k8s\t'Kubernetes CronJob (robfig/cron v3): min hour dom month dow, SUN=0 (0-6)'
github\t'GitHub Actions on.schedule: POSIX min hour dom month dow, SUN=0 (0-6), UTC'
gitlab\t'GitLab pipeline schedules (fugit): [sec] min hour dom month dow, SUN=0 or 7, L, #, %'
eventbridge\t'AWS EventBridge cron(min hour dom month dow year), SUN=1, one day field `?`; rate(...)'
spring\t'Spring 5.3+ CronExpression: sec min hour dom month dow, SUN=0 or 7, both day fields AND-ed'
jenkins\t'Jenkins triggers: min hour dom month dow (numbers), SUN=0 or 7, H hashed per job (--hash-key), both day fields AND-ed'"
complete -c cronkit -n "__fish_cronkit_using_subcommand croneval" -l hash-key -d 'Jenkins (`--dialect jenkins`): the job\'s full name (`folder/job`), which picks the values of `H` and the hashed nicknames as Jenkins does; an expression may hold several lines, a first line `TZ=Zone` and `#` comments' -r
complete -c cronkit -n "__fish_cronkit_using_subcommand croneval" -l format -d 'Output format' -r -f -a "text\t'Elasticsearch\'s croneval text'
iso\t'one RFC 3339 timestamp per line, with the --tz offset'
json\t'one JSON document (shape in the README)'
table\t'a table: UTC, local time, weekday, gap, which expression'
calendar\t'month grids like `cal`, fire days marked, counts per day'
heatmap\t'when all the expressions fire together: a weekday × hour grid and a minute-of-hour strip of fire counts over a week (or --from/--until), and the busiest minutes'
heatmap-json\t'the heatmap\'s counts as one JSON document'"
complete -c cronkit -n "__fish_cronkit_using_subcommand croneval" -l color -d 'When to use colour' -r -f -a "auto\t'only on a terminal; NO_COLOR turns it off, CLICOLOR_FORCE on'
always\t'always, even into a pipe'
never\t'never'"
complete -c cronkit -n "__fish_cronkit_using_subcommand croneval" -l schedule -d 'Read Watcher or OpenSearch schedules (JSON file, or - for stdin) instead of expressions; a schedule\'s timezone applies unless --tz is given, and a Watcher interval counts from --from' -r -F
complete -c cronkit -n "__fish_cronkit_using_subcommand croneval" -s E -d 'Elasticsearch\'s `-E key=value` setting: accepted and ignored with a note (croneval reads no Elasticsearch settings)' -r
complete -c cronkit -n "__fish_cronkit_using_subcommand croneval" -l prev -d 'Previous fire times, newest first, instead of the next ones'
complete -c cronkit -n "__fish_cronkit_using_subcommand croneval" -s d -l detail -d 'Also show each expression field by field (and, for an invalid one, the diagnostic\'s code, dialect, field and byte span)'
complete -c cronkit -n "__fish_cronkit_using_subcommand croneval" -s s -l silent -d 'Elasticsearch\'s `--silent`: print nothing on stdout; the exit status says whether the expression is valid and fires (errors still go to stderr)'
complete -c cronkit -n "__fish_cronkit_using_subcommand croneval" -s v -l verbose -d 'Elasticsearch\'s `--verbose`: accepted; croneval prints nothing more with it (Elasticsearch neither): use --detail for each field\'s meaning'
complete -c cronkit -n "__fish_cronkit_using_subcommand croneval" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cronkit -n "__fish_cronkit_using_subcommand explain" -l dialect -d 'Cron dialect' -r -f -a "auto\t'5 fields or a nickname → unix; 6 or 7 fields → quartz'
quartz\t'Quartz / Elasticsearch / Nuxeo: sec min hour dom month dow [year], SUN=1'
unix\t'Vixie cron + OCPS: [sec] min hour dom month dow [year], SUN=0 or 7'
k8s\t'Kubernetes CronJob (robfig/cron v3): min hour dom month dow, SUN=0 (0-6)'
github\t'GitHub Actions on.schedule: POSIX min hour dom month dow, SUN=0 (0-6), UTC'
gitlab\t'GitLab pipeline schedules (fugit): [sec] min hour dom month dow, SUN=0 or 7, L, #, %'
eventbridge\t'AWS EventBridge cron(min hour dom month dow year), SUN=1, one day field `?`; rate(...)'
spring\t'Spring 5.3+ CronExpression: sec min hour dom month dow, SUN=0 or 7, both day fields AND-ed'
jenkins\t'Jenkins triggers: min hour dom month dow (numbers), SUN=0 or 7, H hashed per job (--hash-key), both day fields AND-ed'"
complete -c cronkit -n "__fish_cronkit_using_subcommand explain" -l hash-key -d 'Jenkins (`--dialect jenkins`): the job\'s full name (`folder/job`), which picks the values of `H` and the hashed nicknames as Jenkins does' -r
complete -c cronkit -n "__fish_cronkit_using_subcommand explain" -l next -d 'Also print the next N fire times' -r
complete -c cronkit -n "__fish_cronkit_using_subcommand explain" -l tz -d 'Time zone for --next [default: UTC]' -r
complete -c cronkit -n "__fish_cronkit_using_subcommand explain" -l dst -d 'DST policy for --next [default: the profile\'s own]' -r -f -a "shift\t'a time in a gap fires shifted by the gap; an overlap fires at its first occurrence'
skip\t'a time in a gap does not fire; an overlap fires at its first occurrence'
quartz\t'Quartz 2.3.2: a gap does not fire; an overlap fires at its second occurrence'
wall\t'every instant whose wall clock matches (robfig/Kubernetes, fugit/GitLab, Spring): a gap does not fire, an overlap fires twice'
cron\t'Vixie cron/cronie: a fixed time in a gap fires when it ends, once in an overlap; a `*` minute or hour skips a gap, fires twice in an overlap'"
complete -c cronkit -n "__fish_cronkit_using_subcommand explain" -l from -d 'Start --next from this time' -r
complete -c cronkit -n "__fish_cronkit_using_subcommand explain" -l format -d 'Output format' -r -f -a "text\t''
json\t''"
complete -c cronkit -n "__fish_cronkit_using_subcommand explain" -l color -d 'Colour' -r -f -a "auto\t'only on a terminal; NO_COLOR turns it off, CLICOLOR_FORCE on'
always\t'always, even into a pipe'
never\t'never'"
complete -c cronkit -n "__fish_cronkit_using_subcommand explain" -l 12h -d 'Use a 12-hour clock (10:15 AM) instead of the 24-hour default (10:15)'
complete -c cronkit -n "__fish_cronkit_using_subcommand explain" -l fields -d 'Add a table of each field\'s text and meaning'
complete -c cronkit -n "__fish_cronkit_using_subcommand explain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cronkit -n "__fish_cronkit_using_subcommand validate" -s e -l expr -d 'An expression to check (repeatable)' -r
complete -c cronkit -n "__fish_cronkit_using_subcommand validate" -s f -l file -d 'A file to check, as a positional PATH (kept for older scripts)' -r -F
complete -c cronkit -n "__fish_cronkit_using_subcommand validate" -l input -d 'What the files hold' -r -f -a "auto\t'decide by file extension and content'
lines\t'one expression per line, `#` comments'
crontab\t'a crontab (user or /etc/cron.d style)'
watcher\t'Elasticsearch Watcher JSON (watch, schedule, get/query responses, NDJSON)'
opensearch\t'OpenSearch job-scheduler JSON'
nuxeo\t'Nuxeo extension XML'
yaml\t'YAML or JSON, the kind decided per document (workflow, manifest, template)'
github\t'a GitHub Actions workflow'
k8s\t'Kubernetes manifests (CronJob, Argo CronWorkflow)'
cloudformation\t'CloudFormation / SAM / Serverless templates (YAML or JSON)'
jenkins\t'a Jenkinsfile'"
complete -c cronkit -n "__fish_cronkit_using_subcommand validate" -l dialect -d 'Cron dialect of plain expressions' -r -f -a "auto\t'5 fields or a nickname → unix; 6 or 7 fields → quartz'
quartz\t'Quartz / Elasticsearch / Nuxeo: sec min hour dom month dow [year], SUN=1'
unix\t'Vixie cron + OCPS: [sec] min hour dom month dow [year], SUN=0 or 7'
k8s\t'Kubernetes CronJob (robfig/cron v3): min hour dom month dow, SUN=0 (0-6)'
github\t'GitHub Actions on.schedule: POSIX min hour dom month dow, SUN=0 (0-6), UTC'
gitlab\t'GitLab pipeline schedules (fugit): [sec] min hour dom month dow, SUN=0 or 7, L, #, %'
eventbridge\t'AWS EventBridge cron(min hour dom month dow year), SUN=1, one day field `?`; rate(...)'
spring\t'Spring 5.3+ CronExpression: sec min hour dom month dow, SUN=0 or 7, both day fields AND-ed'
jenkins\t'Jenkins triggers: min hour dom month dow (numbers), SUN=0 or 7, H hashed per job (--hash-key), both day fields AND-ed'"
complete -c cronkit -n "__fish_cronkit_using_subcommand validate" -l format -d 'Output format' -r -f -a "text\t'compiler-style diagnostics and a summary'
json\t'an array of findings'
github\t'GitHub Actions workflow commands'
sarif\t'SARIF 2.1.0, for GitHub code scanning'"
complete -c cronkit -n "__fish_cronkit_using_subcommand validate" -l deny -d 'Fail on warnings too' -r -f -a "warnings\t'treat warnings as errors'"
complete -c cronkit -n "__fish_cronkit_using_subcommand validate" -l allow -d 'Do not report this rule (repeatable)' -r
complete -c cronkit -n "__fish_cronkit_using_subcommand validate" -l tz -d 'Check DST gaps and overlaps in this zone (dst-gap, dst-overlap)' -r
complete -c cronkit -n "__fish_cronkit_using_subcommand validate" -l dst -d 'DST policy named in dst-gap/dst-overlap messages [default: the profile\'s own]' -r -f -a "shift\t'a time in a gap fires shifted by the gap; an overlap fires at its first occurrence'
skip\t'a time in a gap does not fire; an overlap fires at its first occurrence'
quartz\t'Quartz 2.3.2: a gap does not fire; an overlap fires at its second occurrence'
wall\t'every instant whose wall clock matches (robfig/Kubernetes, fugit/GitLab, Spring): a gap does not fire, an overlap fires twice'
cron\t'Vixie cron/cronie: a fixed time in a gap fires when it ends, once in an overlap; a `*` minute or hour skips a gap, fires twice in an overlap'"
complete -c cronkit -n "__fish_cronkit_using_subcommand validate" -l now -d 'Check as of this time instead of now (year-in-past, rarely-fires, the DST year): RFC 3339, a date, or a local date-time in --tz' -r
complete -c cronkit -n "__fish_cronkit_using_subcommand validate" -l color -d 'Colour' -r -f -a "auto\t'only on a terminal; NO_COLOR turns it off, CLICOLOR_FORCE on'
always\t'always, even into a pipe'
never\t'never'"
complete -c cronkit -n "__fish_cronkit_using_subcommand validate" -s L -l follow -d 'Follow symbolic links while walking directories'
complete -c cronkit -n "__fish_cronkit_using_subcommand validate" -s v -l verbose -d 'Also list the files a walk skipped, and why'
complete -c cronkit -n "__fish_cronkit_using_subcommand validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cronkit -n "__fish_cronkit_using_subcommand convert" -s e -l expr -d 'A cron expression to convert (repeatable; text starting with `{` is read as schedule JSON)' -r
complete -c cronkit -n "__fish_cronkit_using_subcommand convert" -l from -d 'What the input is' -r -f -a "auto\t'JSON when the input starts with `{` or `[`, else cron expressions (dialect by field count)'
watcher\t'Elasticsearch Watcher JSON'
opensearch\t'OpenSearch job-scheduler JSON'
quartz\t'Quartz cron expressions'
unix\t'Unix cron expressions'
k8s\t'Kubernetes CronJob schedules (robfig/cron)'
github\t'GitHub Actions schedules'
gitlab\t'GitLab pipeline schedules (fugit)'
eventbridge\t'AWS EventBridge cron(...) expressions'
spring\t'Spring CronExpression (6 fields, day fields AND-ed)'"
complete -c cronkit -n "__fish_cronkit_using_subcommand convert" -l to -d 'What to produce [default: quartz for JSON and unix input, unix for quartz input]' -r -f -a "quartz\t'Quartz / Elasticsearch cron (6 or 7 fields)'
unix\t'classic 5-field Unix cron (Vixie, ISC, cronie)'
ocps\t'Unix cron with the OCPS extensions (seconds, year, L, W, #, +)'
watcher\t'the simplest Elasticsearch Watcher schedule JSON'"
complete -c cronkit -n "__fish_cronkit_using_subcommand convert" -l spread -d 'Move a fixed time to one picked from KEY (a job or repository name), the same every time, for platforms without Jenkins\' `H`: the result fires at another time, it is not equivalent (see docs/load.md)' -r
complete -c cronkit -n "__fish_cronkit_using_subcommand convert" -l spread-window -d 'The time-of-day window --spread picks a time in [default: the job\'s own hour]' -r
complete -c cronkit -n "__fish_cronkit_using_subcommand convert" -l format -d 'Output format' -r -f -a "text\t''
json\t''"
complete -c cronkit -n "__fish_cronkit_using_subcommand convert" -l merge -d 'Produce the fewest expressions that fire identically (per schedule; all cron inputs together form one)'
complete -c cronkit -n "__fish_cronkit_using_subcommand convert" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cronkit -n "__fish_cronkit_using_subcommand completions" -l croneval -d 'Generate for the `croneval` binary instead of `cronkit`'
complete -c cronkit -n "__fish_cronkit_using_subcommand completions" -s h -l help -d 'Print help'
complete -c cronkit -n "__fish_cronkit_using_subcommand man" -l dir -d 'Write every page (cronkit.1, one per subcommand, croneval.1, cronkit-syntax.5, cronkit-rules.7) into this directory (without it, print cronkit.1 to stdout)' -r -F
complete -c cronkit -n "__fish_cronkit_using_subcommand man" -s h -l help -d 'Print help'
complete -c cronkit -n "__fish_cronkit_using_subcommand help; and not __fish_seen_subcommand_from croneval explain validate convert completions man help" -f -a "croneval" -d 'Print the next (or previous) fire times of cron expressions'
complete -c cronkit -n "__fish_cronkit_using_subcommand help; and not __fish_seen_subcommand_from croneval explain validate convert completions man help" -f -a "explain" -d 'Describe cron expressions in English'
complete -c cronkit -n "__fish_cronkit_using_subcommand help; and not __fish_seen_subcommand_from croneval explain validate convert completions man help" -f -a "validate" -d 'Lint cron expressions in files, crontabs, Watcher/OpenSearch JSON and Nuxeo XML'
complete -c cronkit -n "__fish_cronkit_using_subcommand help; and not __fish_seen_subcommand_from croneval explain validate convert completions man help" -f -a "convert" -d 'Convert Watcher/OpenSearch schedules to cron, and cron between dialects'
complete -c cronkit -n "__fish_cronkit_using_subcommand help; and not __fish_seen_subcommand_from croneval explain validate convert completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c cronkit -n "__fish_cronkit_using_subcommand help; and not __fish_seen_subcommand_from croneval explain validate convert completions man help" -f -a "man" -d 'Write the man pages (cronkit.1, one per command, croneval.1, cronkit-syntax.5, cronkit-rules.7)'
complete -c cronkit -n "__fish_cronkit_using_subcommand help; and not __fish_seen_subcommand_from croneval explain validate convert completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
