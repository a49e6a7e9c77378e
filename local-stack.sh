#!/usr/bin/env bash
# Runs the whole order-saga system on this machine, no Docker needed: PostgreSQL, Kafka and the
# four services as separate processes. Builds the project first when a jar is missing or a
# source file changed since the last build. All arguments go to the launcher; try --help.
#
#   ./local-stack.sh                  # run until Ctrl-C
#   ./local-stack.sh --orders 1000    # demo: publish 1000 orders, report, exit
#   ./local-stack.sh --bench          # benchmark: idle CPU, ceiling probes, warm-up, a measured window (local-stack/README.md)
#   ./local-stack.sh --idle           # the idle stack's CPU by process, then exit
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULES=(order-service inventory-service payment-service saga-orchestrator local-stack)

if [[ -n "${JAVA_HOME:-}" ]]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA="$(command -v java || true)"
fi
if [[ -z "$JAVA" || ! -x "$JAVA" ]]; then
  echo "local-stack.sh: no Java found; install a JDK 17 or newer, or set JAVA_HOME" >&2
  exit 1
fi

jar_of() {
  echo "$ROOT/$1/target/$1-exec.jar"
}

# Maven leaves a jar untouched when its module did not change, so jar dates cannot tell whether a
# build is current; the time of this script's last successful build can.
STAMP="$ROOT/local-stack/target/.local-stack-build-stamp"

# True when a jar is missing, or a pom or a file under any src/ changed since the last build.
needs_build() {
  local module
  for module in "${MODULES[@]}"; do
    [[ -f "$(jar_of "$module")" ]] || return 0
  done
  [[ -f "$STAMP" ]] || return 0
  [[ -n "$(find "$ROOT" \( -name target -o -name .git -o -name node_modules \) -prune -o \
    -type f \( -path '*/src/*' -o -name pom.xml \) -newer "$STAMP" -print -quit)" ]]
}

if needs_build; then
  echo "Building order-saga (the first build downloads Maven and the dependencies)..." >&2
  # The stamp's time is taken before the build, so an edit made during the build triggers the next one.
  mkdir -p "$(dirname "$STAMP")"
  touch "$STAMP.new"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
  mv "$STAMP.new" "$STAMP"
fi

# The launcher hosts the Kafka broker, so it follows the services' JVM profile (docs/adr/0015-runtime-tuning.md):
# c1 unless --jvm names one (C2's compile burst outweighs its faster code within a benchmark's minutes, see
# docs/performance.md). LocalStackCommand decides the same for the services.
jvm_profile=c1
previous=""
for arg in "$@"; do
  case "$arg" in
    --jvm=*) explicit_profile="${arg#--jvm=}"; jvm_profile="$explicit_profile" ;;
  esac
  if [[ "$previous" == "--jvm" ]]; then
    explicit_profile="$arg"
    jvm_profile="$arg"
  fi
  previous="$arg"
done
case "${jvm_profile,,}" in
  # Tiered up to C2 with one C1 and one C2 compiler thread: the broker's hot paths get C2 code once warm.
  c2) LAUNCHER_JVM=(-XX:CICompilerCount=2) ;;
  # C1 only: on a small machine the launcher competes with four service JVMs for the cores at start-up.
  *) LAUNCHER_JVM=(-XX:TieredStopAtLevel=1) ;;
esac

exec "$JAVA" "${LAUNCHER_JVM[@]}" -Dordersaga.root="$ROOT" -jar "$(jar_of local-stack)" "$@"
