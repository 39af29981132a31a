#!/usr/bin/env bash
# Cold start of the kiosk to an interactive showtimes screen, headless (Monocle), in kiosk mode against a running
# sync server with demo data: the plain jar (as `./marquee kiosk` starts it: java -jar with the JDK) beside the
# packaged launcher with its AOT cache; each with an empty catalog cache (a new data folder every run) and a warm one
# (a folder a first, uncounted run filled). The figure is the kiosk's own `showtimes_shown_ms`: from the process's
# start to the first frame that shows a showtime button (TrainingRun, -Dmarquee.kiosk.training=showtimes).
#
#   installers/measure-kiosk-start.sh SERVER_URL [RUNS] [KIOSK_HOME]
#     SERVER_URL  e.g. http://localhost:8080 (a server started with --demo-data; token demo-kiosk-1)
#     RUNS        starts per variant (default 10)
#     KIOSK_HOME  the installed package (default /opt/marquee-kiosk; a `dpkg -x` root's opt/marquee-kiosk works too)
# Needs a JDK 25 in JAVA_HOME, kiosk-app/target built, and installers/target/deps (the installers build) for Monocle.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
SERVER=${1:?usage: $0 SERVER_URL [RUNS] [KIOSK_HOME]}
RUNS=${2:-10}
KIOSK_HOME=${3:-/opt/marquee-kiosk}
JAVA=${JAVA_HOME:?set JAVA_HOME to a JDK 25}/bin/java
MONOCLE_JAR=$(ls "$HERE"/target/deps/openjfx-monocle-*.jar | head -1)
HEADLESS="-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true"
ARGS=(--server "$SERVER" --mode kiosk --terminal-token demo-kiosk-1)
TMP=$(mktemp -d /tmp/marquee-start.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

jar_start() { # DATA_DIR
    # JavaFX from the jar's lib/ on the class path, Monocle added: what `./marquee kiosk` runs, made headless
    "$JAVA" $HEADLESS -Dmarquee.kiosk.training=showtimes \
        -cp "$ROOT/kiosk-app/target/marquee-kiosk-app.jar:$MONOCLE_JAR" org.marquee.kiosk.KioskMain \
        "${ARGS[@]}" --data-dir "$1" 2>/dev/null
}
package_start() { # DATA_DIR
    JAVA_TOOL_OPTIONS="$HEADLESS -Dmarquee.kiosk.training=showtimes" "$KIOSK_HOME/bin/marquee-kiosk" \
        "${ARGS[@]}" --data-dir "$1" 2>/dev/null
}

median() {
    sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'
}

one() { # START_FUNCTION DATA_DIR: the start's milliseconds, or "failed"
    local ms
    ms=$($1 "$2" | grep -o 'showtimes_shown_ms=[0-9]*' | cut -d= -f2) || true
    echo "${ms:-failed}"
}

report() { # NAME VALUES...
    local name=$1
    shift
    printf '%-22s median %5s ms   runs: %s\n' "$name" "$(printf '%s\n' "$@" | grep -v failed | median)" "$*"
}

# jar and package alternate, so that a change in the machine's load falls on both alike
echo "load: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $RUNS runs each"
jar_empty=() package_empty=() jar_warm=() package_warm=()
jar_start "$TMP/jar-warm" >/dev/null
package_start "$TMP/package-warm" >/dev/null
for ((i = 1; i <= RUNS; i++)); do
    jar_empty+=("$(one jar_start "$TMP/jar-empty-$i")")
    package_empty+=("$(one package_start "$TMP/package-empty-$i")")
    jar_warm+=("$(one jar_start "$TMP/jar-warm")")
    package_warm+=("$(one package_start "$TMP/package-warm")")
done
report jar-empty-cache "${jar_empty[@]}"
report package-empty-cache "${package_empty[@]}"
report jar-warm-cache "${jar_warm[@]}"
report package-warm-cache "${package_warm[@]}"
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
