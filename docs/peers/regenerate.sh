#!/bin/bash
# Regenerates every figure of docs/design-comparison.md.
# Run from the repository root after `mvn -B -q package -DskipTests`:
#     bash docs/peers/regenerate.sh [WORKDIR]        (default WORKDIR: /tmp/newsbrief-peers)
# Needs: node/npm (Typst 0.10 from the npm registry), weasyprint, chromium, wkhtmltopdf,
# fonts-noto-core, poppler-utils, python3, JDK 21+ with the project's test dependencies in ~/.m2 (PDFBox).
# Writes: docs/peers/<tool>-<lang>-page1.png, nb-pack-page1.png, peers-html-hy-375-dark.png, docs/screens/* (scripts/screenshots.sh), all at -r 60,
# and under WORKDIR: facts.txt (pages, fill, head/foot, bookmarks, punctuation fonts, ru line ends),
# fontchars.txt, check.txt (fonts, text extraction), times.txt (median of 3 alternating runs).
set -euo pipefail
REPO=$(pwd)
WORK=${1:-/tmp/newsbrief-peers}
HERE="$REPO/docs/peers"
[ -f "$REPO/target/newsbrief.jar" ] || { echo "build the jar first: mvn -B -q package -DskipTests" >&2; exit 1; }
rm -rf "$WORK"; mkdir -p "$WORK"
cp -r "$HERE/kit/." "$WORK/"
cd "$WORK"
npm ci --silent
python3 gen.py >/dev/null
TOOLS="typst weasyprint chromium wkhtmltopdf"
for t in $TOOLS; do bash "run-$t.sh" >/dev/null 2>&1; done

# newsbrief: the four language PDFs, the pack, the HTML, and Letter for the page count
java -jar "$REPO/target/newsbrief.jar" build -q --force -o "$WORK/nb"
java -jar "$REPO/target/newsbrief.jar" build -q --force -f pdf --paper letter -o "$WORK/nb-letter"
STORY=armenia-azerbaijan-peace-2025
LANGS="en hy az ru"

# page-1 PNGs, 60 dpi like the peers
for t in $TOOLS; do for l in $LANGS; do
  pdftoppm -png -r 60 -f 1 -l 1 -singlefile "out/$t/brief.$l.pdf" "$HERE/$t-$l-page1"
done; done
# newsbrief's page 1 and HTML screens (375/1280 px, dark) come from the project's own script
bash "$REPO/scripts/screenshots.sh" "$WORK/nb" "$REPO/docs/screens" >/dev/null
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "nb/pack/$STORY.pdf" "$HERE/nb-pack-page1"
# the peers' HTML (the input of WeasyPrint, Chromium and wkhtmltopdf) on a phone, dark scheme requested
prof=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --force-device-scale-factor=1 \
  --user-data-dir="$prof" --window-size=375,1400 --blink-settings=preferredColorScheme=0 \
  --screenshot="$HERE/peers-html-hy-375-dark.png" "file://$WORK/input/brief.hy.html" >/dev/null 2>&1
rm -rf "$prof"

# PDFBox facts: pick the newest local PDFBox 3 jars the test suite resolved
M2=${M2_REPO:-$HOME/.m2/repository}
newest() { ls -d "$M2/$1"/*/ | sort -V | tail -1; }
CP=$(ls "$(newest org/apache/pdfbox/pdfbox)"pdfbox-*.jar "$(newest org/apache/pdfbox/fontbox)"fontbox-*.jar \
        "$(newest org/apache/pdfbox/pdfbox-io)"pdfbox-io-*.jar "$(newest commons-logging/commons-logging)"commons-logging-*.jar \
     | grep -v -e sources -e javadoc | tr '\n' :)
java -cp "$CP" "$HERE/PdfFacts.java" out/*/brief.*.pdf nb/*/$STORY.pdf nb-letter/*/$STORY.pdf > facts.txt
java -cp "$CP" "$HERE/FontChars.java" out/chromium/brief.hy.pdf nb/hy/$STORY.pdf > fontchars.txt  # which characters each font sets
python3 check.py $TOOLS > check.txt
python3 "$HERE/nbcheck.py" nb >> check.txt
for l in $LANGS; do
  pdftotext -enc UTF-8 "nb/$l/$STORY.pdf" "nb-$l.txt"
  pdffonts "nb/$l/$STORY.pdf" > "nb-$l.fonts"
done

# time to make four PDFs: 3 rounds, tools alternating, median per tool
: > times.raw
for round in 1 2 3; do
  for t in $TOOLS newsbrief; do
    s=$(date +%s%N)
    if [ "$t" = newsbrief ]; then
      java -jar "$REPO/target/newsbrief.jar" build -q --force -f pdf -o "$WORK/nb-time"
    else
      bash "run-$t.sh" >/dev/null 2>&1
    fi
    echo "$t $(( ($(date +%s%N) - s) / 1000000 ))" >> times.raw
  done
done
for t in $TOOLS newsbrief; do
  echo "$t median_ms=$(awk -v t=$t '$1==t {print $2}' times.raw | sort -n | sed -n 2p) runs_ms=$(awk -v t=$t '$1==t {printf "%s ", $2}' times.raw)"
done | tee times.txt
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" >> times.txt
echo "figures in $WORK and $HERE"
