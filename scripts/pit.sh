#!/usr/bin/env bash
# Mutation testing with PIT over the packages the brief's correctness rests on: model, i18n,
# render, build, limit, newsletter and check. Each package is mutated against its own tests (tests mirror src/main), so a
# mutant counts as killed only when the tests written for that code notice it; the slow
# whole-output tests (PDF, vnu, child JVMs) are left out, which keeps a run to minutes.
#
# Usage: scripts/pit.sh [PACKAGE...]          default: model i18n render build limit newsletter check
#        PIT_THRESHOLD=80 scripts/pit.sh      fail (exit 1) when the total score is below it
#        scripts/pit.sh --summary             only summarise the last reports
# Reports: target/pit-reports/<package>/index.html (browse) and mutations.xml.
# Like .ci/run, picks a JDK 21 or newer: JAVA_HOME if it is one, else one under /usr/lib/jvm.
set -euo pipefail
cd "$(dirname "$0")/.."

reports=target/pit-reports

source scripts/jdk.sh

# Killed (killed, timed out, memory or run error) out of all mutations, per package and in
# total; "strength" leaves out the mutations no test covers. One <mutation> per line in PIT's XML.
summarize() {
  local files=("$reports"/*/mutations.xml)
  [ -f "${files[0]}" ] || { echo "pit: no reports under $reports" >&2; return 1; }
  awk -v threshold="${PIT_THRESHOLD:-0}" '
    /<mutation / {
      detected = ($0 ~ /detected=.true./)
      nocov = ($0 ~ /status=.NO_COVERAGE./)
      if (!match($0, /<mutatedClass>[^<]*<\/mutatedClass>/)) next
      class = substr($0, RSTART + 14, RLENGTH - 29)
      pkg = class; sub(/\.[^.]*$/, "", pkg)
      total[pkg]++; killed[pkg] += detected; uncovered[pkg] += nocov
      T++; K += detected; U += nocov
    }
    function pct(a, b) { return b ? sprintf("%5.1f%%", 100 * a / b) : "    -" }
    END {
      if (!T) { print "pit: no mutations in the reports"; exit 1 }
      printf "%-24s %7s %7s %8s %7s %9s\n", "package", "killed", "total", "score", "no cov", "strength"
      n = 0; for (p in total) names[++n] = p
      for (i = 2; i <= n; i++) { v = names[i]; for (j = i - 1; j >= 1 && names[j] > v; j--) names[j + 1] = names[j]; names[j + 1] = v }
      for (i = 1; i <= n; i++) {
        p = names[i]
        printf "%-24s %7d %7d %8s %7d %9s\n", p, killed[p], total[p], pct(killed[p], total[p]), uncovered[p], pct(killed[p], total[p] - uncovered[p])
      }
      printf "%-24s %7d %7d %8s %7d %9s\n", "TOTAL", K, T, pct(K, T), U, pct(K, T - U)
      if (100 * K < threshold * T) { printf "pit: score %.1f%% is below the threshold of %d%%\n", 100 * K / T, threshold; exit 1 }
    }' "${files[@]}"
}

if [ "${1:-}" = "--summary" ]; then
  summarize
  exit
fi

use_jdk "pit"

packages=("$@")
[ ${#packages[@]} -gt 0 ] || packages=(model i18n render build limit newsletter check)
start=$(date +%s)
mvn -B -ntp -q test-compile
for package in "${packages[@]}"; do
  rm -rf "$reports/$package"
  echo "pit: dev.newsbrief.$package"
  mvn -B -ntp -q org.pitest:pitest-maven:mutationCoverage \
      -DtargetClasses="dev.newsbrief.$package.*" -DtargetTests="dev.newsbrief.$package.*" \
      -DreportsDirectory="$reports/$package"
done
seconds=$(( $(date +%s) - start ))

echo
status=0
summarize || status=$?
printf 'PIT wall time: %dm%02ds (reports: %s/<package>/index.html)\n' $((seconds / 60)) $((seconds % 60)) "$reports"
exit "$status"
