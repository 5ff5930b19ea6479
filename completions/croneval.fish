complete -c croneval -s c -l count -d 'How many fire times to print [default: 10, or all up to --until]' -r
complete -c croneval -l from -d 'Start here instead of now ("now" in the output): `2026-11-21T08:30:00Z` (RFC 3339), `2026-11-21 08:30` or `2026-11-21` (wall clock in --tz), or `now`' -r
complete -c croneval -l until -d 'Stop at this time, inclusive (same forms as --from); with --prev, the earliest time to go back to' -r
complete -c croneval -l tz -d 'Evaluate in this zone and show local times there: an IANA name (`Europe/Paris`), `UTC`, `local`, or an offset (`+05:30`) [default: UTC, with local times shown in the system zone, as Elasticsearch does]' -r
complete -c croneval -l dst -d 'What a time inside a daylight-saving gap or overlap does [default: the profile\'s own: shift for quartz, wall for k8s, gitlab and spring, ...]' -r -f -a "shift\t'a time in a gap fires shifted by the gap; an overlap fires at its first occurrence'
skip\t'a time in a gap does not fire; an overlap fires at its first occurrence'
quartz\t'Quartz 2.3.2: a gap does not fire; an overlap fires at its second occurrence'
wall\t'every instant whose wall clock matches (robfig/Kubernetes, fugit/GitLab, Spring): a gap does not fire, an overlap fires twice'
cron\t'Vixie cron/cronie: a fixed time in a gap fires when it ends, once in an overlap; a `*` minute or hour skips a gap, fires twice in an overlap'"
complete -c croneval -l hash-key -d 'Jenkins (`--dialect jenkins`): the job\'s full name (`folder/job`), which picks the values of `H` and the hashed nicknames as Jenkins does; an expression may hold several lines, a first line `TZ=Zone` and `#` comments' -r
complete -c croneval -l format -d 'Output format' -r -f -a "text\t'Elasticsearch\'s croneval text'
iso\t'one RFC 3339 timestamp per line, with the --tz offset'
json\t'one JSON document (shape in the README)'
table\t'a table: UTC, local time, weekday, gap, which expression'
calendar\t'month grids like `cal`, fire days marked, counts per day'
heatmap\t'when all the expressions fire together: a weekday × hour grid and a minute-of-hour strip of fire counts over a week (or --from/--until), and the busiest minutes'
heatmap-json\t'the heatmap\'s counts as one JSON document'"
complete -c croneval -l color -d 'When to use colour' -r -f -a "auto\t'only on a terminal; NO_COLOR turns it off, CLICOLOR_FORCE on'
always\t'always, even into a pipe'
never\t'never'"
complete -c croneval -l schedule -d 'Read Watcher or OpenSearch schedules (JSON file, or - for stdin) instead of expressions; a schedule\'s timezone applies unless --tz is given, and a Watcher interval counts from --from' -r -F
complete -c croneval -s E -d 'Elasticsearch\'s `-E key=value` setting: accepted and ignored with a note (croneval reads no Elasticsearch settings)' -r
complete -c croneval -l dialect -d 'Cron dialect' -r -f -a "auto\t'5 fields or a nickname → unix; 6 or 7 fields → quartz'
quartz\t'Quartz / Elasticsearch / Nuxeo: sec min hour dom month dow [year], SUN=1'
unix\t'Vixie cron + OCPS: [sec] min hour dom month dow [year], SUN=0 or 7'
k8s\t'Kubernetes CronJob (robfig/cron v3): min hour dom month dow, SUN=0 (0-6), @every'
github\t'GitHub Actions on.schedule: POSIX min hour dom month dow, SUN=0 (0-6), UTC'
gitlab\t'GitLab pipeline schedules (fugit): [sec] min hour dom month dow, SUN=0 or 7, L, #, %'
eventbridge\t'AWS EventBridge cron(min hour dom month dow year), SUN=1, one day field `?`; rate(...)'
spring\t'Spring 5.3+ CronExpression: sec min hour dom month dow, SUN=0 or 7, both day fields AND-ed'
jenkins\t'Jenkins triggers: min hour dom month dow (numbers), SUN=0 or 7, H hashed per job (--hash-key), both day fields AND-ed'"
complete -c croneval -l prev -d 'Previous fire times, newest first, instead of the next ones'
complete -c croneval -s d -l detail -d 'Also show each expression field by field (and, for an invalid one, the diagnostic\'s code, dialect, field and byte span)'
complete -c croneval -s s -l silent -d 'Elasticsearch\'s `--silent`: print nothing on stdout; the exit status says whether the expression is valid and fires (errors still go to stderr)'
complete -c croneval -s v -l verbose -d 'Elasticsearch\'s `--verbose`: accepted; croneval prints nothing more with it (Elasticsearch neither): use --detail for each field\'s meaning'
complete -c croneval -s h -l help -d 'Print help (see more with \'--help\')'
complete -c croneval -s V -l version -d 'Print version'
