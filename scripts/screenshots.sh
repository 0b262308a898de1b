#!/usr/bin/env bash
# Pictures of what a build made, for the README and for review: page 1 of each language's PDF, and
# each language's HTML brief on a phone (375 px) and a desktop (1280 px), plus the phone in dark mode.
#
# Usage: scripts/screenshots.sh [output-dir] [screens-dir]
#   output-dir   a build's output (default ./output), e.g. after `java -jar target/newsbrief.jar build`
#   screens-dir  where the PNGs go (default docs/screens):
#                <lang>-pdf-page1.png, <lang>-html-375.png, <lang>-html-1280.png, <lang>-html-375-dark.png
# STORY=<id> picks the story (default: the embedded one if the output has it, else the first).
# Needs pdftoppm (poppler-utils) and Debian's chromium. Writes nothing else; the browser profile is temporary.
set -euo pipefail
output="${1:-output}"
screens="${2:-docs/screens}"
[ -d "$output" ] || { echo "no output directory '$output'; build first: java -jar target/newsbrief.jar build --output $output" >&2; exit 2; }
chromium_bin="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
[ -n "$chromium_bin" ] || { echo "chromium is not installed (apt-get install chromium)" >&2; exit 2; }
command -v pdftoppm >/dev/null || { echo "pdftoppm is not installed (apt-get install poppler-utils)" >&2; exit 2; }

story="${STORY:-}"
if [ -z "$story" ]; then
  if compgen -G "$output/*/armenia-azerbaijan-peace-2025.html" >/dev/null; then
    story=armenia-azerbaijan-peace-2025
  else
    first="$(find "$output" -mindepth 2 -maxdepth 2 -name '*.html' -not -path '*/pack/*' | sort | head -n 1)"
    [ -n "$first" ] || { echo "no HTML brief under $output/<lang>/" >&2; exit 2; }
    story="$(basename "$first" .html)"
  fi
fi

mkdir -p "$screens"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

# One screenshot of a page at a viewport width; the height shows the masthead, headline and key facts.
shoot() { # file width height png [extra chromium flags...]
  local file="$1" width="$2" height="$3" png="$4"; shift 4
  "$chromium_bin" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --force-device-scale-factor=1 --user-data-dir="$profile" --virtual-time-budget=5000 \
    --window-size="$width,$height" --screenshot="$png" "$@" "file://$(realpath "$file")" >/dev/null 2>&1
  [ -s "$png" ] || { echo "chromium made no screenshot of $file" >&2; exit 1; }
}

count=0
for dir in "$output"/*/; do
  lang="$(basename "$dir")"
  [ "$lang" = pack ] && continue
  pdf="$dir$story.pdf"
  html="$dir$story.html"
  if [ -f "$pdf" ]; then
    pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$pdf" "$screens/$lang-pdf-page1"
    echo "wrote $screens/$lang-pdf-page1.png"; count=$((count + 1))
  fi
  if [ -f "$html" ]; then
    shoot "$html" 375 1400 "$screens/$lang-html-375.png"
    shoot "$html" 1280 1000 "$screens/$lang-html-1280.png"
    # preferredColorScheme=0 is dark: the page's prefers-color-scheme: dark rules apply.
    shoot "$html" 375 1400 "$screens/$lang-html-375-dark.png" --blink-settings=preferredColorScheme=0
    echo "wrote $screens/$lang-html-375.png, $lang-html-1280.png, $lang-html-375-dark.png"; count=$((count + 3))
  fi
done
[ "$count" -gt 0 ] || { echo "no brief named $story under $output/<lang>/" >&2; exit 2; }
