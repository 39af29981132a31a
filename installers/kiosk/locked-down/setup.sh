#!/usr/bin/env bash
# Makes this Debian machine a locked-down Marquee kiosk (installers/kiosk/README.md): installs cage and Xwayland with
# apt, creates the user marquee-kiosk, saves the terminal's server and token for it, and installs and enables the
# systemd service marquee-kiosk-cage, which runs the kiosk full screen on tty1 and starts it again when it exits.
# Needs the marquee-kiosk package installed. Run as root; --dry-run shows the steps.
#
#   sudo MARQUEE_TERMINAL_TOKEN=<token> installers/kiosk/locked-down/setup.sh --server http://box-office:8080
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
USER_NAME=marquee-kiosk
SERVICE=marquee-kiosk-cage

dry_run=0
server=""
while (($#)); do
    case $1 in
        --dry-run) dry_run=1 ;;
        --server)
            [[ $# -ge 2 ]] || { echo "setup.sh: --server needs a URL" >&2; exit 2; }
            server=$2
            shift
            ;;
        -h | --help)
            sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "setup.sh: unknown option '$1' (try --help)" >&2
            exit 2
            ;;
    esac
    shift
done

run() {
    if ((dry_run)); then
        printf '[dry-run]'
        printf ' %q' "$@"
        printf '\n'
    else
        "$@"
    fi
}

if ((!dry_run)) && ((EUID != 0)); then
    echo "setup.sh: run it as root (sudo), or with --dry-run" >&2
    exit 1
fi
if ((!dry_run)) && [[ ! -x /usr/bin/marquee-kiosk ]]; then
    echo "setup.sh: install the kiosk package first: sudo apt install ./marquee-kiosk_<version>_amd64.deb" >&2
    exit 1
fi

echo "==> cage and Xwayland (apt)"
if ! command -v cage >/dev/null || ! command -v Xwayland >/dev/null; then
    run apt-get update -qq
    run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends cage xwayland
fi

echo "==> user $USER_NAME"
if id -u "$USER_NAME" >/dev/null 2>&1; then
    echo "    exists already"
else
    # no password: nobody logs in as it; the service starts its session
    run useradd --create-home --shell /usr/sbin/nologin --comment "Marquee kiosk" "$USER_NAME"
fi

if [[ -n $server ]]; then
    echo "==> the terminal's settings (~$USER_NAME/.marquee/kiosk)"
    [[ -n ${MARQUEE_TERMINAL_TOKEN:-} ]] || echo "    no MARQUEE_TERMINAL_TOKEN given: the kiosk's first start asks for it"
    # without a display the kiosk saves its flags and exits (status 1): that is all that is wanted here
    run runuser -u "$USER_NAME" -- env -u DISPLAY -u WAYLAND_DISPLAY \
        MARQUEE_TERMINAL_TOKEN="${MARQUEE_TERMINAL_TOKEN:-}" \
        /usr/bin/marquee-kiosk --server "$server" --mode kiosk >/dev/null 2>&1 || true
fi

echo "==> service $SERVICE"
run install -m 0644 "$HERE/marquee-kiosk-cage.pam" /etc/pam.d/marquee-kiosk-cage
run install -m 0644 "$HERE/$SERVICE.service" "/etc/systemd/system/$SERVICE.service"
run systemctl daemon-reload
run systemctl disable getty@tty1.service
run systemctl set-default graphical.target
run systemctl enable "$SERVICE.service"

echo
echo "Done. Reboot (or: systemctl start $SERVICE) and the kiosk fills tty1's screen. A technician leaves it with"
echo "Ctrl+Shift+Q (it comes back after 2 s); to stop it: systemctl stop $SERVICE; to undo: systemctl disable"
echo "$SERVICE && systemctl enable getty@tty1."
