# Sourced by .ci/run and the scripts that run Maven or Java: newsbrief needs a JDK 21 or newer,
# and the machine's default java may be older. use_jdk NAME exports JAVA_HOME and PATH for the
# first JDK 21+ of: $JAVA_HOME, Temurin 25, anything under /usr/lib/jvm.

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}

pick_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

# use_jdk NAME: select the JDK or exit with NAME in the message; says which on stderr.
use_jdk() {
  JAVA_HOME="$(pick_jdk)" || { echo "$1: no JDK 21+ found under /usr/lib/jvm" >&2; exit 1; }
  export JAVA_HOME
  export PATH="$JAVA_HOME/bin:$PATH"
  echo "Using JDK at $JAVA_HOME ($(java_major "$JAVA_HOME"))" >&2
}
