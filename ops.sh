#!/usr/bin/env bash
# The operator's command line: dead letters (list, show, replay with an audit log) and sagas (show, list,
# retry, compensate). Builds ops-cli first when its jar is missing. All arguments go to the CLI; try --help.
#
#   ./ops.sh dlt list
#   ./ops.sh dlt replay --topic order.requests-dlt --dry-run
#   ./ops.sh saga list --stuck
#   ./ops.sh audit --since 24h
#
# Settings: --bootstrap-servers / ORDERSAGA_BOOTSTRAP_SERVERS (localhost:9092),
# --orchestrator-url / ORDERSAGA_ORCHESTRATOR_URL (http://localhost:8084), --operator / ORDERSAGA_OPERATOR;
# audit also reads the three databases (--orders-db ... / ORDERSAGA_*_DB_URL) and the payment provider's reporting
# API (--provider-url / ORDERSAGA_PROVIDER_URL, http://localhost:8090).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="$ROOT/ops-cli/target/ops-cli-exec.jar"

if [[ -n "${JAVA_HOME:-}" ]]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA="$(command -v java || true)"
fi
if [[ -z "$JAVA" || ! -x "$JAVA" ]]; then
  echo "ops.sh: no Java found; install a JDK 17 or newer, or set JAVA_HOME" >&2
  exit 1
fi

if [[ ! -f "$JAR" ]]; then
  echo "Building ops-cli (the first build downloads Maven and the dependencies)..." >&2
  # Build output goes to stderr: stdout is the command's, e.g. --json for a pipe.
  (cd "$ROOT" && ./mvnw -B -q -pl ops-cli -am package -DskipTests) >&2
fi

# A short-lived tool: C1 alone starts fastest, and the serial collector suits its small heap.
exec "$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$JAR" "$@"
