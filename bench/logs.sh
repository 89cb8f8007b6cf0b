#!/usr/bin/env bash
# Log store figures: one app filled with 1,000,000 lines through the local log store directly,
# then "the last 100 lines" timed (p50/p99 of 200 runs) warm and after a reopen, with heap and RSS.
# LINES=… changes the count; HEAP=… the JVM's -Xmx (default 256m, a server-like budget).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bin/lib/java.sh"
(cd "$root" && mvn -B -q -o -pl providers/local test-compile) >&2
cp="$root/providers/local/target/classes:$root/providers/local/target/test-classes"
cp="$cp:$(ls "$HOME"/.m2/repository/io/paasruntime/runtime-spi/0.1.0-SNAPSHOT/runtime-spi-0.1.0-SNAPSHOT.jar)"
data=$(mktemp -d /tmp/paas-logs-bench.XXXX)
trap 'rm -rf "$data"' EXIT
echo "lines: ${LINES:-1000000}, heap limit: ${HEAP:-256m}, $(nproc) cores, $(uname -r)"
"$JAVA_HOME/bin/java" -Xmx"${HEAP:-256m}" -Dlines="${LINES:-1000000}" -cp "$cp" \
  io.paasruntime.local.telemetry.bench.LogStoreBench "$data"
