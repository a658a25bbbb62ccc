# Sourced by the runbook wrapper scripts: finds the buywhere jar and runs it.
# BUYWHERE_JAR overrides; otherwise the repository's target/buywhere.jar or the image's /app/buywhere.jar.
buywhere() {
  local here jar
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  for jar in "${BUYWHERE_JAR:-}" "$here/../target/buywhere.jar" /app/buywhere.jar; do
    if [ -n "$jar" ] && [ -f "$jar" ]; then
      exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
    fi
  done
  echo "buywhere.jar not found: build it with ./mvnw -q -DskipTests package or set BUYWHERE_JAR" >&2
  exit 2
}
