#!/usr/bin/env bash
# Runs the server figures of docs/BENCHMARKS.md against a server already started with
#   ./marquee server --demo-data --demo-kiosks 256 --data-dir /tmp/bench --port 8080 > /tmp/bench/server.log 2>&1 &
# and prints, per run, the machine's load and the CPU seconds the server JVM and PostgreSQL used (the rest of the
# machine's busy time is the load generator and whatever else runs). Usage: bench/run-server-benchmarks.sh [server.log]
set -euo pipefail
cd "$(dirname "$0")/.."
LOG=${1:-/tmp/bench/server.log}
JDBC=$(grep -o "jdbcUrl=[^ ]*" "$LOG" | tail -1 | cut -d= -f2-)
SERVER=$(pgrep -f "marquee-sync-server.jar" | head -1)
HZ=$(getconf CLK_TCK)

cpu() { # server JVM ticks, postgres ticks, machine busy ticks (all cores)
    local s p=0 line
    s=$(awk '{print $14+$15}' "/proc/$SERVER/stat")
    for f in /proc/[0-9]*/stat; do
        read -r line < "$f" 2>/dev/null || continue
        [[ $line == *"(postgres)"* ]] && p=$((p + $(awk '{print $14+$15}' <<<"$line")))
    done
    echo "$s $p $(awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat)"
}

run() {
    echo "=== $* ==="
    uptime
    local s0 p0 t0 s1 p1 t1 w0 w1
    read -r s0 p0 t0 < <(cpu)
    w0=$(date +%s)
    java -jar bench/target/marquee-bench.jar "$@" --server http://localhost:8080 --jdbc "$JDBC" \
        --seconds 15 --warmup 3 --rounds 3
    w1=$(date +%s)
    read -r s1 p1 t1 < <(cpu)
    echo "wall $((w1 - w0)) s; CPU seconds: server JVM $(((s1 - s0) / HZ)), PostgreSQL $(((p1 - p0) / HZ)),"\
         "whole machine busy $(((t1 - t0) / HZ)) of $(( $(nproc) * (w1 - w0) )) possible"
    uptime
}

run holds --clients 64 --seats 20
run holds --clients 256 --seats 20
run reads --clients 64
