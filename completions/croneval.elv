
use builtin;
use str;

set edit:completion:arg-completer[croneval] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'croneval'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'croneval'= {
            cand --input 'The arguments are documents of this kind (crontab, watcher, opensearch, nuxeo, a CI file...; auto: by name and content), read as validate reads them: every schedule joins the timeline with its source''s profile, zone and DST behaviour'
            cand -c 'How many fire times to print [default: 10, or all up to --until]'
            cand --count 'How many fire times to print [default: 10, or all up to --until]'
            cand --from 'Start here instead of now ("now" in the output): `2026-11-21T08:30:00Z` (RFC 3339), `2026-11-21 08:30` or `2026-11-21` (wall clock in --tz), or `now`. An interval schedule (`@every 90m` under --dialect k8s, `rate(5 minutes)` under --dialect eventbridge) counts from here; the platform counts from when the schedule is created, so give that time to see its real times'
            cand --until 'Stop at this time, inclusive (same forms as --from); with --prev, the earliest time to go back to'
            cand --tz 'Evaluate in this zone and show local times there: an IANA name (`Europe/Paris`), `UTC`, `local`, or an offset (`+05:30`) [default: UTC, with local times shown in the system zone, as Elasticsearch does]'
            cand --dst 'What a time inside a daylight-saving gap or overlap does [default: the profile''s own: shift for quartz, wall for k8s, gitlab and spring, ...]'
            cand --hash-key 'Jenkins (`--dialect jenkins`): the job''s full name (`folder/job`), which picks the values of `H` and the hashed nicknames as Jenkins does; an expression may hold several lines, a first line `TZ=Zone` and `#` comments'
            cand --format 'Output format'
            cand --color 'When to use colour'
            cand --schedule 'Read the schedules of a document (Watcher or OpenSearch JSON, Nuxeo XML, a crontab...; - for stdin) instead of expressions; a schedule''s timezone applies unless --tz is given, and a Watcher interval counts from --from'
            cand -E 'Elasticsearch''s `-E key=value` setting: accepted and ignored with a note (croneval reads no Elasticsearch settings)'
            cand --dialect 'Cron dialect'
            cand --prev 'Previous fire times, newest first, instead of the next ones'
            cand -d 'Also show each expression field by field (and, for an invalid one, the diagnostic''s code, dialect, field and byte span)'
            cand --detail 'Also show each expression field by field (and, for an invalid one, the diagnostic''s code, dialect, field and byte span)'
            cand -s 'Elasticsearch''s `--silent`: print nothing on stdout; the exit status says whether the expression is valid and fires (errors still go to stderr)'
            cand --silent 'Elasticsearch''s `--silent`: print nothing on stdout; the exit status says whether the expression is valid and fires (errors still go to stderr)'
            cand -v 'Elasticsearch''s `--verbose`: accepted; croneval prints nothing more with it (Elasticsearch neither): use --detail for each field''s meaning'
            cand --verbose 'Elasticsearch''s `--verbose`: accepted; croneval prints nothing more with it (Elasticsearch neither): use --detail for each field''s meaning'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
    ]
    $completions[$command]
}
