#!/usr/bin/env bash
# Regenerates the man pages in docs/man/ from the CLI itself: AsciiDoc (newsbrief.adoc,
# newsbrief-build.adoc, …) through the hidden `newsbrief gen-manpage`, then troff
# (newsbrief.1, newsbrief-build.1, …) when asciidoctor is installed (Debian: apt-get install asciidoctor).
# ManPageTest fails while the committed AsciiDoc differs from what the CLI generates: run this after changing an option.
#   scripts/manpages.sh            builds target/newsbrief.jar first (tests skipped)
#   NEWSBRIEF_JAR=path scripts/manpages.sh   uses that jar
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${NEWSBRIEF_JAR:-}"
if [[ -z "$jar" ]]; then
    mvn -B -q package -DskipTests
    jar=target/newsbrief.jar
fi
out=docs/man
rm -f "$out"/*.adoc "$out"/*.1
mkdir -p "$out"
java -jar "$jar" gen-manpage --outdir "$out"
if command -v asciidoctor >/dev/null; then
    # A fixed date, so the pages' bytes depend only on the CLI (reproducible).
    for page in "$out"/*.adoc; do
        asciidoctor --backend manpage --attribute reproducible --attribute docdate=2025-08-08 \
            --attribute revdate=2025-08-08 --destination-dir "$out" "$page"
    done
    echo "wrote $(ls "$out"/*.adoc | wc -l) AsciiDoc and $(ls "$out"/*.1 | wc -l) troff pages into $out (man -l $out/newsbrief.1)"
else
    echo "wrote $(ls "$out"/*.adoc | wc -l) AsciiDoc pages into $out; install asciidoctor for the troff pages" >&2
fi
