# Shared by the runbook wrappers: runs the buywhere jar ($BUYWHERE_JAR, default target/buywhere.jar
# next to this directory) with $JAVA_OPTS. Sourced, not executed.
BUYWHERE_JAR="${BUYWHERE_JAR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/target/buywhere.jar}"
buywhere() {
  if [ ! -f "$BUYWHERE_JAR" ]; then
    echo "buywhere jar not found at $BUYWHERE_JAR (build with ./mvnw package or set BUYWHERE_JAR)" >&2
    exit 2
  fi
  # shellcheck disable=SC2086
  exec java ${JAVA_OPTS:-} -jar "$BUYWHERE_JAR" "$@"
}
