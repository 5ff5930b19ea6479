
use builtin;
use str;

set edit:completion:arg-completer[cronkit] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'cronkit'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'cronkit'= {
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand croneval 'Print the next (or previous) fire times of cron expressions'
            cand explain 'Describe cron expressions in English'
            cand validate 'Lint cron expressions in files, crontabs, Watcher/OpenSearch JSON and Nuxeo XML'
            cand convert 'Convert Watcher/OpenSearch schedules to cron, and cron between dialects'
            cand completions 'Print a shell completion script'
            cand man 'Write the man pages (cronkit.1, one per command, croneval.1, cronkit-syntax.5, cronkit-rules.7)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cronkit;croneval'= {
            cand --input 'The arguments are documents of this kind (crontab, watcher, opensearch, nuxeo, a CI file...; auto: by name and content), read as validate reads them: every schedule joins the timeline with its source''s profile, zone and DST behaviour'
            cand -c 'How many fire times to print [default: 10, or all up to --until]'
            cand --count 'How many fire times to print [default: 10, or all up to --until]'
            cand --from 'Start here instead of now ("now" in the output): `2026-11-21T08:30:00Z` (RFC 3339), `2026-11-21 08:30` or `2026-11-21` (wall clock in --tz), or `now`. An interval schedule (`@every 90m` under --dialect k8s, `rate(5 minutes)` under --dialect eventbridge) counts from here; the platform counts from when the schedule is created, so give that time to see its real times'
            cand --until 'Stop at this time, inclusive (same forms as --from); with --prev, the earliest time to go back to'
            cand --tz 'Evaluate in this zone and show local times there: an IANA name (`Europe/Paris`), `UTC`, `local`, or an offset (`+05:30`) [default: UTC, with local times shown in the system zone, as Elasticsearch does]'
            cand --dst 'What a time inside a daylight-saving gap or overlap does [default: the profile''s own: shift for quartz, wall for k8s, gitlab and spring, ...]'
            cand --dialect 'Cron dialect'
            cand --hash-key 'Jenkins (`--dialect jenkins`): the job''s full name (`folder/job`), which picks the values of `H` and the hashed nicknames as Jenkins does; an expression may hold several lines, a first line `TZ=Zone` and `#` comments'
            cand --format 'Output format'
            cand --color 'When to use colour'
            cand --schedule 'Read the schedules of a document (Watcher or OpenSearch JSON, Nuxeo XML, a crontab...; - for stdin) instead of expressions; a schedule''s timezone applies unless --tz is given, and a Watcher interval counts from --from'
            cand -E 'Elasticsearch''s `-E key=value` setting: accepted and ignored with a note (croneval reads no Elasticsearch settings)'
            cand --prev 'Previous fire times, newest first, instead of the next ones'
            cand -d 'Also show each expression field by field (and, for an invalid one, the diagnostic''s code, dialect, field and byte span)'
            cand --detail 'Also show each expression field by field (and, for an invalid one, the diagnostic''s code, dialect, field and byte span)'
            cand -s 'Elasticsearch''s `--silent`: print nothing on stdout; the exit status says whether the expression is valid and fires (errors still go to stderr)'
            cand --silent 'Elasticsearch''s `--silent`: print nothing on stdout; the exit status says whether the expression is valid and fires (errors still go to stderr)'
            cand -v 'Elasticsearch''s `--verbose`: accepted; croneval prints nothing more with it (Elasticsearch neither): use --detail for each field''s meaning'
            cand --verbose 'Elasticsearch''s `--verbose`: accepted; croneval prints nothing more with it (Elasticsearch neither): use --detail for each field''s meaning'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cronkit;explain'= {
            cand --input 'The arguments are documents of this kind (crontab, watcher, opensearch, nuxeo, a CI file...; auto: by name and content), read as validate reads them: each schedule is described with its source''s profile'
            cand --dialect 'Cron dialect'
            cand --hash-key 'Jenkins (`--dialect jenkins`): the job''s full name (`folder/job`), which picks the values of `H` and the hashed nicknames as Jenkins does'
            cand --next 'Also print the next N fire times'
            cand --tz 'Time zone for --next and --from [default: UTC]'
            cand --dst 'DST policy for --next [default: the profile''s own]'
            cand --from 'Start --next from this time; also "now" for saying a schedule''s years are past [default: now]'
            cand --format 'Output format'
            cand --color 'Colour'
            cand --12h 'Use a 12-hour clock (10:15 AM) instead of the 24-hour default (10:15)'
            cand --fields 'Add a table of each field''s text and meaning'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cronkit;validate'= {
            cand -e 'An expression to check (repeatable)'
            cand --expr 'An expression to check (repeatable)'
            cand -f 'A file to check, as a positional PATH (kept for older scripts)'
            cand --file 'A file to check, as a positional PATH (kept for older scripts)'
            cand --input 'What the files hold'
            cand --dialect 'Cron dialect of plain expressions'
            cand --format 'Output format'
            cand --deny 'Fail on warnings too'
            cand --allow 'Do not report this rule (repeatable)'
            cand --tz 'Check DST gaps and overlaps in this zone (dst-gap, dst-overlap)'
            cand --dst 'DST policy named in dst-gap/dst-overlap messages [default: the profile''s own]'
            cand --now 'Check as of this time instead of now (year-in-past, rarely-fires, the DST year): RFC 3339, a date, or a local date-time in --tz'
            cand --herd-threshold 'herd rule: more than N schedules of the run (all files and expressions together) firing in the same minute of the week from --now is a herd'
            cand --color 'Colour'
            cand -L 'Follow symbolic links while walking directories'
            cand --follow 'Follow symbolic links while walking directories'
            cand -v 'Also list the files a walk skipped, and why'
            cand --verbose 'Also list the files a walk skipped, and why'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cronkit;convert'= {
            cand -e 'A cron expression to convert (repeatable; text starting with `{` is read as schedule JSON)'
            cand --expr 'A cron expression to convert (repeatable; text starting with `{` is read as schedule JSON)'
            cand --input 'What the files are [default: JSON when they start with `{` or `[`, else by name and content: Nuxeo XML, a crontab, a CI file or one expression per line]'
            cand --from 'What the input is'
            cand --to 'What to produce [default: quartz for JSON and unix input, unix for quartz input]'
            cand --spread 'Move a fixed time to one picked from KEY (a job or repository name), the same every time, for platforms without Jenkins'' `H`: the result fires at another time, it is not equivalent (see docs/load.md)'
            cand --spread-window 'The time-of-day window --spread picks a time in [default: the job''s own hour]'
            cand --format 'Output format'
            cand --merge 'Produce the fewest expressions that fire identically (per schedule; all cron inputs together form one)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cronkit;completions'= {
            cand --croneval 'Generate for the `croneval` binary instead of `cronkit`'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cronkit;man'= {
            cand --dir 'Write every page (cronkit.1, one per subcommand, croneval.1, cronkit-syntax.5, cronkit-rules.7) into this directory (without it, print cronkit.1 to stdout)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cronkit;help'= {
            cand croneval 'Print the next (or previous) fire times of cron expressions'
            cand explain 'Describe cron expressions in English'
            cand validate 'Lint cron expressions in files, crontabs, Watcher/OpenSearch JSON and Nuxeo XML'
            cand convert 'Convert Watcher/OpenSearch schedules to cron, and cron between dialects'
            cand completions 'Print a shell completion script'
            cand man 'Write the man pages (cronkit.1, one per command, croneval.1, cronkit-syntax.5, cronkit-rules.7)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cronkit;help;croneval'= {
        }
        &'cronkit;help;explain'= {
        }
        &'cronkit;help;validate'= {
        }
        &'cronkit;help;convert'= {
        }
        &'cronkit;help;completions'= {
        }
        &'cronkit;help;man'= {
        }
        &'cronkit;help;help'= {
        }
    ]
    $completions[$command]
}
