
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'cronkit' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'cronkit'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'cronkit' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('croneval', 'croneval', [CompletionResultType]::ParameterValue, 'Print the next (or previous) fire times of cron expressions')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Describe cron expressions in English')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Lint cron expressions in files, crontabs, Watcher/OpenSearch JSON and Nuxeo XML')
            [CompletionResult]::new('convert', 'convert', [CompletionResultType]::ParameterValue, 'Convert Watcher/OpenSearch schedules to cron, and cron between dialects')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write the man pages (cronkit.1, one per command, croneval.1, cronkit-syntax.5, cronkit-rules.7)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cronkit;croneval' {
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'The arguments are documents of this kind (crontab, watcher, opensearch, nuxeo, a CI file...; auto: by name and content), read as validate reads them: every schedule joins the timeline with its source''s profile, zone and DST behaviour')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'How many fire times to print [default: 10, or all up to --until]')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'How many fire times to print [default: 10, or all up to --until]')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Start here instead of now ("now" in the output): `2026-11-21T08:30:00Z` (RFC 3339), `2026-11-21 08:30` or `2026-11-21` (wall clock in --tz), or `now`. An interval schedule (`@every 90m` under --dialect k8s, `rate(5 minutes)` under --dialect eventbridge) counts from here; the platform counts from when the schedule is created, so give that time to see its real times')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Stop at this time, inclusive (same forms as --from); with --prev, the earliest time to go back to')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Evaluate in this zone and show local times there: an IANA name (`Europe/Paris`), `UTC`, `local`, or an offset (`+05:30`) [default: UTC, with local times shown in the system zone, as Elasticsearch does]')
            [CompletionResult]::new('--dst', '--dst', [CompletionResultType]::ParameterName, 'What a time inside a daylight-saving gap or overlap does [default: the profile''s own: shift for quartz, wall for k8s, gitlab and spring, ...]')
            [CompletionResult]::new('--dialect', '--dialect', [CompletionResultType]::ParameterName, 'Cron dialect')
            [CompletionResult]::new('--hash-key', '--hash-key', [CompletionResultType]::ParameterName, 'Jenkins (`--dialect jenkins`): the job''s full name (`folder/job`), which picks the values of `H` and the hashed nicknames as Jenkins does; an expression may hold several lines, a first line `TZ=Zone` and `#` comments')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--schedule', '--schedule', [CompletionResultType]::ParameterName, 'Read the schedules of a document (Watcher or OpenSearch JSON, Nuxeo XML, a crontab...; - for stdin) instead of expressions; a schedule''s timezone applies unless --tz is given, and a Watcher interval counts from --from')
            [CompletionResult]::new('-E', '-E ', [CompletionResultType]::ParameterName, 'Elasticsearch''s `-E key=value` setting: accepted and ignored with a note (croneval reads no Elasticsearch settings)')
            [CompletionResult]::new('--prev', '--prev', [CompletionResultType]::ParameterName, 'Previous fire times, newest first, instead of the next ones')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Also show each expression field by field (and, for an invalid one, the diagnostic''s code, dialect, field and byte span)')
            [CompletionResult]::new('--detail', '--detail', [CompletionResultType]::ParameterName, 'Also show each expression field by field (and, for an invalid one, the diagnostic''s code, dialect, field and byte span)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Elasticsearch''s `--silent`: print nothing on stdout; the exit status says whether the expression is valid and fires (errors still go to stderr)')
            [CompletionResult]::new('--silent', '--silent', [CompletionResultType]::ParameterName, 'Elasticsearch''s `--silent`: print nothing on stdout; the exit status says whether the expression is valid and fires (errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Elasticsearch''s `--verbose`: accepted; croneval prints nothing more with it (Elasticsearch neither): use --detail for each field''s meaning')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Elasticsearch''s `--verbose`: accepted; croneval prints nothing more with it (Elasticsearch neither): use --detail for each field''s meaning')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cronkit;explain' {
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'The arguments are documents of this kind (crontab, watcher, opensearch, nuxeo, a CI file...; auto: by name and content), read as validate reads them: each schedule is described with its source''s profile')
            [CompletionResult]::new('--dialect', '--dialect', [CompletionResultType]::ParameterName, 'Cron dialect')
            [CompletionResult]::new('--hash-key', '--hash-key', [CompletionResultType]::ParameterName, 'Jenkins (`--dialect jenkins`): the job''s full name (`folder/job`), which picks the values of `H` and the hashed nicknames as Jenkins does')
            [CompletionResult]::new('--next', '--next', [CompletionResultType]::ParameterName, 'Also print the next N fire times')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Time zone for --next and --from [default: UTC]')
            [CompletionResult]::new('--dst', '--dst', [CompletionResultType]::ParameterName, 'DST policy for --next [default: the profile''s own]')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Start --next from this time; also "now" for saying a schedule''s years are past [default: now]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour')
            [CompletionResult]::new('--12h', '--12h', [CompletionResultType]::ParameterName, 'Use a 12-hour clock (10:15 AM) instead of the 24-hour default (10:15)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Add a table of each field''s text and meaning')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cronkit;validate' {
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'An expression to check (repeatable)')
            [CompletionResult]::new('--expr', '--expr', [CompletionResultType]::ParameterName, 'An expression to check (repeatable)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'A file to check, as a positional PATH (kept for older scripts)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'A file to check, as a positional PATH (kept for older scripts)')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'What the files hold')
            [CompletionResult]::new('--dialect', '--dialect', [CompletionResultType]::ParameterName, 'Cron dialect of plain expressions')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--deny', '--deny', [CompletionResultType]::ParameterName, 'Fail on warnings too')
            [CompletionResult]::new('--allow', '--allow', [CompletionResultType]::ParameterName, 'Do not report this rule (repeatable)')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Check DST gaps and overlaps in this zone (dst-gap, dst-overlap)')
            [CompletionResult]::new('--dst', '--dst', [CompletionResultType]::ParameterName, 'DST policy named in dst-gap/dst-overlap messages [default: the profile''s own]')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'Check as of this time instead of now (year-in-past, rarely-fires, the DST year): RFC 3339, a date, or a local date-time in --tz')
            [CompletionResult]::new('--herd-threshold', '--herd-threshold', [CompletionResultType]::ParameterName, 'herd rule: more than N schedules of the run (all files and expressions together) firing in the same minute of the week from --now is a herd')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Follow symbolic links while walking directories')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Follow symbolic links while walking directories')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also list the files a walk skipped, and why')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also list the files a walk skipped, and why')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cronkit;convert' {
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'A cron expression to convert (repeatable; text starting with `{` is read as schedule JSON)')
            [CompletionResult]::new('--expr', '--expr', [CompletionResultType]::ParameterName, 'A cron expression to convert (repeatable; text starting with `{` is read as schedule JSON)')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'What the files are [default: JSON when they start with `{` or `[`, else by name and content: Nuxeo XML, a crontab, a CI file or one expression per line]')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'What the input is')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'What to produce [default: quartz for JSON and unix input, unix for quartz input]')
            [CompletionResult]::new('--spread', '--spread', [CompletionResultType]::ParameterName, 'Move a fixed time to one picked from KEY (a job or repository name), the same every time, for platforms without Jenkins'' `H`: the result fires at another time, it is not equivalent (see docs/load.md)')
            [CompletionResult]::new('--spread-window', '--spread-window', [CompletionResultType]::ParameterName, 'The time-of-day window --spread picks a time in [default: the job''s own hour]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--merge', '--merge', [CompletionResultType]::ParameterName, 'Produce the fewest expressions that fire identically (per schedule; all cron inputs together form one)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cronkit;completions' {
            [CompletionResult]::new('--croneval', '--croneval', [CompletionResultType]::ParameterName, 'Generate for the `croneval` binary instead of `cronkit`')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cronkit;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write every page (cronkit.1, one per subcommand, croneval.1, cronkit-syntax.5, cronkit-rules.7) into this directory (without it, print cronkit.1 to stdout)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cronkit;help' {
            [CompletionResult]::new('croneval', 'croneval', [CompletionResultType]::ParameterValue, 'Print the next (or previous) fire times of cron expressions')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Describe cron expressions in English')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Lint cron expressions in files, crontabs, Watcher/OpenSearch JSON and Nuxeo XML')
            [CompletionResult]::new('convert', 'convert', [CompletionResultType]::ParameterValue, 'Convert Watcher/OpenSearch schedules to cron, and cron between dialects')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write the man pages (cronkit.1, one per command, croneval.1, cronkit-syntax.5, cronkit-rules.7)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cronkit;help;croneval' {
            break
        }
        'cronkit;help;explain' {
            break
        }
        'cronkit;help;validate' {
            break
        }
        'cronkit;help;convert' {
            break
        }
        'cronkit;help;completions' {
            break
        }
        'cronkit;help;man' {
            break
        }
        'cronkit;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
