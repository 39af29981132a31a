#!/usr/bin/env bash
# Checks the two .deb packages that ./mvnw -Pinstallers -DskipTests package made (CI runs it after the tests):
#   1. unpacks both into a throwaway root (dpkg -x) and runs each launcher's --version and --help;
#   2. systemd-analyze verify on the server's unit, where systemd-analyze is available;
#   3. starts the packaged server (its own runtime, embedded PostgreSQL, demo data) and asks /api/v1/health;
#   4. starts the packaged kiosk headless (Monocle) against it, in kiosk mode with an empty catalog cache, until the
#      showtimes screen shows a showtime, with -XX:AOTMode=on so that it fails if the AOT cache cannot be used.
# Usage: installers/test-packages.sh [DIR_WITH_DEBS]   (default installers/target). The server listens on a free
# port, or on MARQUEE_TEST_PORT when set.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DIR=${1:-$HERE/target}
shopt -s nullglob
kiosk_debs=("$DIR"/marquee-kiosk_*_amd64.deb)
server_debs=("$DIR"/marquee-server_*_amd64.deb "$DIR"/marquee-server_*_all.deb)
shopt -u nullglob
KIOSK_DEB=${kiosk_debs[0]:-}
SERVER_DEB=${server_debs[0]:-}
[[ -f $KIOSK_DEB && -f $SERVER_DEB ]] || {
    echo "test-packages.sh: no packages in $DIR (build them: ./mvnw -Pinstallers -DskipTests package)" >&2
    exit 1
}

ROOT=$(mktemp -d /tmp/marquee-packages.XXXXXX)
SERVER_PID=""
cleanup() {
    if [[ -n $SERVER_PID ]]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$ROOT"
}
trap cleanup EXIT

failures=0
pass() { printf 'ok    %s\n' "$*"; }
fail() {
    printf 'FAIL  %s\n' "$*"
    failures=$((failures + 1))
}

dpkg -x "$SERVER_DEB" "$ROOT"
dpkg -x "$KIOSK_DEB" "$ROOT"
echo "Unpacked $(basename "$SERVER_DEB") and $(basename "$KIOSK_DEB") into $ROOT"
SERVER=$ROOT/usr/lib/marquee-server/bin/marquee-server
KIOSK=$ROOT/opt/marquee-kiosk/bin/marquee-kiosk

# --- launchers answer --version and --help without starting anything -------------------------------------------
check_cli() {
    local name=$1 launcher=$2 version_re=$3 out
    if out=$(timeout 60 "$launcher" --version 2>&1) && [[ $out =~ $version_re ]]; then
        pass "$name --version: $out"
    else
        fail "$name --version answered: $out"
    fi
    if out=$(timeout 60 "$launcher" --help 2>&1) && [[ $out == *Usage:* && $out == *--version* ]]; then
        pass "$name --help shows the usage"
    else
        fail "$name --help answered: $out"
    fi
}
check_cli marquee-server "$SERVER" '^Marquee sync server [0-9]'
check_cli marquee-kiosk "$KIOSK" '^Marquee kiosk [0-9]'
# the links on PATH point where the files are installed
[[ $(readlink "$ROOT/usr/bin/marquee-kiosk") == /opt/marquee-kiosk/bin/marquee-kiosk ]] \
    && pass "/usr/bin/marquee-kiosk links to the launcher" || fail "/usr/bin/marquee-kiosk: $(readlink "$ROOT/usr/bin/marquee-kiosk")"
[[ -e $ROOT/usr/bin/marquee-server ]] && pass "/usr/bin/marquee-server links to the launcher" \
    || fail "/usr/bin/marquee-server is missing or dangling"
[[ -f $ROOT/usr/share/applications/marquee-kiosk.desktop && -f $ROOT/usr/share/icons/hicolor/256x256/apps/marquee-kiosk.png ]] \
    && pass "menu entry and icon" || fail "menu entry or icon missing"
[[ $(dpkg-deb -f "$SERVER_DEB" Package) == marquee-server ]] && dpkg-deb --ctrl-tarfile "$SERVER_DEB" | tar -xO ./conffiles \
    | grep -qx /etc/marquee/server.env && pass "/etc/marquee/server.env is a conffile" || fail "server.env is not a conffile"

# --- the unit ----------------------------------------------------------------------------------------------------
UNIT=$ROOT/lib/systemd/system/marquee-sync-server.service
if command -v systemd-analyze >/dev/null; then
    # verify checks that ExecStart's program exists: a copy of the unit whose paths point into the throwaway root
    mkdir -p "$ROOT/verify"
    sed "s|/usr/lib/marquee-server/|$ROOT/usr/lib/marquee-server/|g" "$UNIT" >"$ROOT/verify/marquee-sync-server.service"
    if out=$(systemd-analyze verify "$ROOT/verify/marquee-sync-server.service" 2>&1) && [[ -z $out ]]; then
        pass "systemd-analyze verify marquee-sync-server.service"
    else
        fail "systemd-analyze verify: $out"
    fi
else
    echo "skip  systemd-analyze is not installed"
fi
for setting in ProtectSystem=strict NoNewPrivileges=true Restart=on-failure User=marquee \
    EnvironmentFile=/etc/marquee/server.env ReadWritePaths=/var/lib/marquee; do
    grep -qx "$setting" "$UNIT" || fail "the unit lacks $setting"
done

# --- the packaged server starts ----------------------------------------------------------------------------------
SERVER_LOG=$ROOT/server.log
"$SERVER" --port "${MARQUEE_TEST_PORT:-0}" --host 127.0.0.1 --demo-data --data-dir "$ROOT/server-data" >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
url=""
for ((i = 0; i < 240; i++)); do
    url=$(grep -o 'listening on http://[^ ]*/api/v1' "$SERVER_LOG" | head -1 | sed 's/^listening on //; s,/api/v1$,,') || true
    [[ -n $url ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.5
done
if [[ -n $url ]] && health=$(curl -fsS "$url/api/v1/health") && [[ $health == *'"status":"UP"'* ]]; then
    pass "packaged server on its embedded PostgreSQL: $health"
else
    fail "packaged server did not come up; its log:"
    tail -30 "$SERVER_LOG"
fi

# --- the packaged kiosk starts headless to the showtimes screen, with its AOT cache ------------------------------
if [[ -n $url ]]; then
    if out=$(HOME=$ROOT/home JAVA_TOOL_OPTIONS="-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true -Dmarquee.kiosk.training=showtimes -XX:AOTMode=on" \
        timeout 300 "$KIOSK" --server "$url" --mode kiosk --terminal-token demo-kiosk-1 --data-dir "$ROOT/kiosk-data" 2>&1) \
        && [[ $out == *showtimes_shown_ms=* ]]; then
        pass "packaged kiosk, headless, AOT cache in use: showtimes screen after $(grep -o 'showtimes_shown_ms=[0-9]*' <<<"$out" | cut -d= -f2) ms"
    else
        fail "packaged kiosk did not reach the showtimes screen:"
        tail -30 <<<"$out"
    fi
fi

if ((failures)); then
    echo "test-packages.sh: $failures check(s) failed"
    exit 1
fi
echo "test-packages.sh: all checks passed"
