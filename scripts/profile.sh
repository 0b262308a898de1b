#!/usr/bin/env bash
# Profiles one cold build under JDK Flight Recorder and draws its flame graph.
#
#   mvn -B -q package -DskipTests && scripts/profile.sh [build args…]      e.g. scripts/profile.sh -f pdf
#
# Runs `newsbrief build -q -o <temp> [build args…]` once, in a fresh JVM, sampling Java stacks
# every PERIOD (jdk.ExecutionSample), then converts the recording with async-profiler's jfrconv
# (tools.profiler:jfr-converter from Maven Central, fetched into ~/.m2 on first use) into
# docs/profile/<name>.html (an interactive flame graph: click to zoom, Ctrl+F to search), and
# prints the top 20 frames by self and by total samples. The recording stays in target/profile/.
# JFR starts before main and costs some start-up itself: read the graph for shares, not seconds.
#
# Settings (environment variables):
#   NAME=…          file name of the graph (default: "cold-build" plus the build args, e.g. cold-build-f-pdf)
#   PERIOD=1ms      sampling period
#   NEWSBRIEF=…     the command (word-split) to profile; default as in scripts/bench.sh: java with
#                   -XX:SharedArchiveFile=target/newsbrief.aot -XX:TieredStopAtLevel=1 -XX:+UseSerialGC when the archive exists, -jar target/newsbrief.jar
#   JFRCONV=…       a jfr-converter jar to use instead of fetching one
#   JFRCONV_VERSION=4.1
set -euo pipefail
cd "$(dirname "$0")/.."

PERIOD="${PERIOD:-1ms}"
JFRCONV_VERSION="${JFRCONV_VERSION:-4.1}"
JAR=target/newsbrief.jar
die() { echo "profile.sh: $*" >&2; exit 1; }
[ -f "$JAR" ] || die "no $JAR; build it first: mvn -B -q package -DskipTests"

name="${NAME:-cold-build$(printf -- '-%s' "$@" | tr -c 'A-Za-z0-9\n' '-' | tr -s '-')}"
name="${name%-}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
java_major=$("$java_bin" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')

# The converter: a jar from Maven Central, resolved once into the local repository.
conv="${JFRCONV:-$HOME/.m2/repository/tools/profiler/jfr-converter/$JFRCONV_VERSION/jfr-converter-$JFRCONV_VERSION.jar}"
if [ ! -f "$conv" ]; then
  mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.11.0:get \
      -Dartifact="tools.profiler:jfr-converter:$JFRCONV_VERSION" -Dtransitive=false >&2 \
    || die "cannot fetch tools.profiler:jfr-converter:$JFRCONV_VERSION from Maven Central; set JFRCONV to a jfr-converter jar"
fi

mkdir -p target/profile docs/profile
recording="target/profile/$name.jfr"
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
rm -f "$recording"
jfr_opt="-XX:StartFlightRecording=filename=$recording,settings=profile,jdk.ExecutionSample#period=$PERIOD"
if [ -n "${NEWSBRIEF:-}" ]; then
  read -r -a nb <<< "$NEWSBRIEF"
  cmd=("${nb[0]}" "$jfr_opt" "${nb[@]:1}")
elif [ -f target/newsbrief.aot ]; then
  cmd=("$java_bin" "$jfr_opt" -XX:SharedArchiveFile=target/newsbrief.aot -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$JAR")
else
  cmd=("$java_bin" "$jfr_opt" -jar "$JAR")
fi
cmd+=(build -q -o "$out/output" "$@")
echo "profiling: ${cmd[*]}" >&2
# JFR logs its start on stdout; keep it out of the report.
"${cmd[@]}" > "$out/run.log" 2>&1 || { cat "$out/run.log" >&2; die "the build failed"; }

graph="docs/profile/$name.html"
"$java_bin" -jar "$conv" -o html --dot --norm --title "newsbrief build $* — cold, JFR every $PERIOD" "$recording" "$graph" > /dev/null
"$java_bin" -jar "$conv" -o collapsed --dot --norm "$recording" "$out/stacks.txt" > /dev/null

# Collapsed stacks are "root;…;leaf count": self time is the leaf's, total counts a frame once per stack.
samples=$(awk '{n += $NF} END {print n + 0}' "$out/stacks.txt")
top() {
  awk -v mode="$1" -v total="$samples" '{
      count = $NF; stack = $0; sub(/ [0-9]+$/, "", stack); n = split(stack, f, ";")
      for (i = 1; i <= n; i++) sub(/_\[[^]]*\]$/, "", f[i])   # "_[j]" (JIT), "_[i]" (inlined), "_[0]" (interpreted): one frame
      if (mode == "self") { s[f[n]] += count }
      else { delete seen; for (i = 1; i <= n; i++) if (!(f[i] in seen)) { seen[f[i]] = 1; s[f[i]] += count } }
    } END { for (k in s) printf "%7d %5.1f%%  %s\n", s[k], 100 * s[k] / total, k }' "$out/stacks.txt" | sort -k1,1nr | awk 'NR <= 20'   # awk reads to the end: no SIGPIPE under pipefail
}
echo "$samples samples (every $PERIOD); flame graph: $graph; recording: $recording"
echo
echo "Top 20 frames by self samples:"
top self
echo
echo "Top 20 frames by total samples (the frame or anything it called):"
top total
