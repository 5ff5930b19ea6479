#!/bin/sh
# Rewrite the generated files: the rule list docs/rules.md (from the lint rule
# table) and the profile table in docs/syntax.md (from the profile table), then the shell completions (completions/) and man pages (man/) from the
# clap definitions in src/cli/args.rs and the pages in src/cli/manual.rs (which
# include docs/syntax.md, docs/dst.md and docs/rules.md). Run it after changing an
# option, a help text, a rule or those pages; `cargo test --test generated` fails
# until the committed files match.
#
#   scripts/regenerate.sh            (builds the debug binary first)
#   CRONKIT=/path/to/cronkit scripts/regenerate.sh
set -eu
cd "$(dirname "$0")/.."
# docs/rules.md and the profile table of docs/syntax.md first: the man pages include them
CRONKIT_BLESS=1 cargo test --quiet --test generated docs_ >/dev/null
if [ -z "${CRONKIT:-}" ]; then
    cargo build --quiet --bin cronkit
    CRONKIT="${CARGO_TARGET_DIR:-target}/debug/cronkit"
fi
mkdir -p completions man
for pair in bash:cronkit.bash zsh:_cronkit fish:cronkit.fish powershell:_cronkit.ps1 elvish:cronkit.elv; do
    shell=${pair%%:*}
    file=${pair#*:}
    "$CRONKIT" completions "$shell" > "completions/$file"
    # the same names with croneval in place of cronkit
    "$CRONKIT" completions "$shell" --croneval > "completions/$(echo "$file" | sed 's/cronkit/croneval/')"
done
# Pages of subcommands that no longer exist must not linger.
rm -f man/*.1 man/*.5 man/*.7
"$CRONKIT" man --dir man
echo "regenerated: $(ls completions | wc -l) completion scripts, $(ls man | wc -l) man pages"
