#!/usr/bin/env bash
# Times cold builds of the embedded story: a fresh JVM each run, as cron or CI would start it.
# Usage: scripts/bench-cold.sh [runs] [build options...]    (needs target/newsbrief.jar: mvn package)
# Prints each run's wall time and the median. Example: scripts/bench-cold.sh 5 -f html
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"; shift || true
jar=target/newsbrief.jar
[ -f "$jar" ] || { echo "build the jar first: mvn -B -q package -DskipTests" >&2; exit 1; }
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
times=()
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  "$java_bin" -jar "$jar" build --quiet --output "$out/run$i" "$@"
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median of $runs cold builds ($*): ${median} ms"
