#!/bin/bash
# The single-seat rule's cost on the hold path (docs/BENCHMARKS.md, "Seat rules, third round"): one server with 64
# demo kiosks, then `bench holds` with theater 1's rule switched KIOSK / OFF between runs (after one unmeasured run).
# Usage: bench/run-seat-rule-cost.sh [port]   (build first: ./mvnw -q -B install -DskipTests)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${1:-21960}
J=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
PSQL=/usr/lib/postgresql/15/bin/psql
DATA=$(mktemp -d /tmp/marquee-rule-cost.XXXXXX)
"$J" -jar "$ROOT/sync-server/target/marquee-sync-server.jar" --demo-data --demo-kiosks 64 --data-dir "$DATA" \
    --port "$PORT" > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do grep -q demo_ready "$DATA/server.log" && break; sleep 1; done
JDBC=$(grep -o 'jdbcUrl=[^ ]*' "$DATA/server.log" | head -1 | cut -d= -f2-)
DB_PORT=$(echo "$JDBC" | grep -o 'localhost:[0-9]*' | cut -d: -f2)
for step in warm KIOSK OFF KIOSK OFF KIOSK OFF; do
    rule=$step; [[ $step == warm ]] && rule=KIOSK
    PGPASSWORD=postgres "$PSQL" -q -h localhost -p "$DB_PORT" -U postgres \
        -c "update theaters set single_seat_rule = '$rule'"
    echo "== $step $(uptime)"
    "$J" -jar "$ROOT/bench/target/marquee-bench.jar" holds --server "http://localhost:$PORT" --jdbc "$JDBC" \
        --clients 64 --seats 20 --seconds 10 --warmup 3 --rounds 1 2>&1 | grep MEDIAN
done
