#!/usr/bin/env bash
# JMH benchmarks of newsbrief's stages (sources in src/jmh/java/dev/newsbrief/bench), warm, on one thread:
# loading a story and the translations, a catalog, one HTML brief, one PDF brief, the pack, a whole build.
#
# Usage: scripts/jmh.sh [JMH options...]       every argument goes to JMH (scripts/jmh.sh -h lists them)
#   scripts/jmh.sh                             the whole suite, about 5 minutes
#   scripts/jmh.sh Html -p language=ru         benchmarks whose name matches a regex, one parameter value
#   scripts/jmh.sh Pdf -prof gc                with allocation per operation (gc.alloc.rate.norm)
#   scripts/jmh.sh -wi 1 -i 2 -r 1s            a shorter run: 1 warm-up and 2 measured iterations of 1 s
#   scripts/jmh.sh -l                          list the benchmarks
# Compiles with Maven offline (test-compile), then runs JMH on the test class path.
# Like .ci/run, picks a JDK 21 or newer: JAVA_HOME if it is one, else one under /usr/lib/jvm.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/jdk.sh

use_jdk "jmh"

classpath_file=target/jmh-classpath.txt
mvn -B -q -o -Dstyle.color=never test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
# JMH forks a JVM per benchmark with the same java and class path.
exec java -cp "target/test-classes:target/classes:$(cat "$classpath_file")" org.openjdk.jmh.Main "$@"
