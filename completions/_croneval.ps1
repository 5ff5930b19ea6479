
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'croneval' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'croneval'
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
        'croneval' {
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'The arguments are documents of this kind (crontab, watcher, opensearch, nuxeo, a CI file...; auto: by name and content), read as validate reads them: every schedule joins the timeline with its source''s profile, zone and DST behaviour')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'How many fire times to print [default: 10, or all up to --until]')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'How many fire times to print [default: 10, or all up to --until]')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Start here instead of now ("now" in the output): `2026-11-21T08:30:00Z` (RFC 3339), `2026-11-21 08:30` or `2026-11-21` (wall clock in --tz), or `now`. An interval schedule (`@every 90m` under --dialect k8s, `rate(5 minutes)` under --dialect eventbridge) counts from here; the platform counts from when the schedule is created, so give that time to see its real times')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Stop at this time, inclusive (same forms as --from); with --prev, the earliest time to go back to')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Evaluate in this zone and show local times there: an IANA name (`Europe/Paris`), `UTC`, `local`, or an offset (`+05:30`) [default: UTC, with local times shown in the system zone, as Elasticsearch does]')
            [CompletionResult]::new('--dst', '--dst', [CompletionResultType]::ParameterName, 'What a time inside a daylight-saving gap or overlap does [default: the profile''s own: shift for quartz, wall for k8s, gitlab and spring, ...]')
            [CompletionResult]::new('--hash-key', '--hash-key', [CompletionResultType]::ParameterName, 'Jenkins (`--dialect jenkins`): the job''s full name (`folder/job`), which picks the values of `H` and the hashed nicknames as Jenkins does; an expression may hold several lines, a first line `TZ=Zone` and `#` comments')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--schedule', '--schedule', [CompletionResultType]::ParameterName, 'Read the schedules of a document (Watcher or OpenSearch JSON, Nuxeo XML, a crontab...; - for stdin) instead of expressions; a schedule''s timezone applies unless --tz is given, and a Watcher interval counts from --from')
            [CompletionResult]::new('-E', '-E ', [CompletionResultType]::ParameterName, 'Elasticsearch''s `-E key=value` setting: accepted and ignored with a note (croneval reads no Elasticsearch settings)')
            [CompletionResult]::new('--dialect', '--dialect', [CompletionResultType]::ParameterName, 'Cron dialect')
            [CompletionResult]::new('--prev', '--prev', [CompletionResultType]::ParameterName, 'Previous fire times, newest first, instead of the next ones')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Also show each expression field by field (and, for an invalid one, the diagnostic''s code, dialect, field and byte span)')
            [CompletionResult]::new('--detail', '--detail', [CompletionResultType]::ParameterName, 'Also show each expression field by field (and, for an invalid one, the diagnostic''s code, dialect, field and byte span)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Elasticsearch''s `--silent`: print nothing on stdout; the exit status says whether the expression is valid and fires (errors still go to stderr)')
            [CompletionResult]::new('--silent', '--silent', [CompletionResultType]::ParameterName, 'Elasticsearch''s `--silent`: print nothing on stdout; the exit status says whether the expression is valid and fires (errors still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Elasticsearch''s `--verbose`: accepted; croneval prints nothing more with it (Elasticsearch neither): use --detail for each field''s meaning')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Elasticsearch''s `--verbose`: accepted; croneval prints nothing more with it (Elasticsearch neither): use --detail for each field''s meaning')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
