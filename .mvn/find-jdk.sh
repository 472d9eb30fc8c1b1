# Sourced by mvnw, bin/seqmind and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
# Order: $JAVA_HOME if it is new enough, else the newest JDK under /usr/lib/jvm, else `java` on the PATH.
seqmind_java_major() { # prints the feature version of the java binary given, or 0
  # The JDK's release file answers without starting a JVM (start-up is most of a small command's time).
  local rel v
  rel="$(dirname "$(dirname "$1")")/release"
  if [ -f "$rel" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel" | head -1)
    if [ -n "$v" ]; then echo "$v"; return; fi
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -1 | grep . || echo 0
}
seqmind_find_jdk() {
  local best="" best_v=0 cand v
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(seqmind_java_major "$JAVA_HOME/bin/java")
    if [ "$v" -ge 21 ]; then return 0; fi
  fi
  for cand in /usr/lib/jvm/*/ "${HOME:-/root}"/.sdkman/candidates/java/*/; do
    [ -x "${cand}bin/javac" ] || continue
    v=$(seqmind_java_major "${cand}bin/java")
    if [ "$v" -gt "$best_v" ]; then best="${cand%/}"; best_v=$v; fi
  done
  if [ "$best_v" -lt 21 ] && command -v javac >/dev/null 2>&1; then
    cand=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(seqmind_java_major "$cand/bin/java")
    if [ "$v" -gt "$best_v" ]; then best="$cand"; best_v=$v; fi
  fi
  if [ "$best_v" -lt 21 ]; then
    echo "seqmind needs a JDK 21 or newer and found none (JAVA_HOME, /usr/lib/jvm, PATH)." >&2
    echo "Install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 25, or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
seqmind_find_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
