# Shared by ./markwatch and scripts/test: finds a JDK >= 21 (JAVA_HOME first, then /usr/lib/jvm).
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

require_jdk() {
  if ! JAVA_HOME=$(find_jdk); then
    echo "markwatch needs a JDK 21 or newer; none found in JAVA_HOME or /usr/lib/jvm." >&2
    echo "Install one (for example Temurin 21+ or 'apt-get install -y openjdk-21-jdk' where available) and retry." >&2
    exit 1
  fi
  export JAVA_HOME
  maven_opts
}

# Maven itself runs on the chosen JDK; JDK 24+ warns about Maven's own use of sun.misc.Unsafe.
maven_opts() {
  if [ "$(java_major "$JAVA_HOME")" -ge 24 ]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
}
