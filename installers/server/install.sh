#!/usr/bin/env bash
# Installs (or upgrades) the Marquee sync server as a systemd service on this Linux host. Run as root.
# `install.sh --dry-run` prints every step without doing anything (and does not need root).
set -euo pipefail

SERVICE=marquee-sync-server
SERVICE_USER=marquee
PREFIX=/opt/marquee
CONF_DIR=/etc/marquee
STATE_DIR=/var/lib/marquee
UNIT_DIR=/etc/systemd/system

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

usage() {
    cat <<USAGE
Usage: installers/server/install.sh [--dry-run] [--jar FILE]

Installs the Marquee sync server as the systemd service $SERVICE:
  - builds sync-server/target/marquee-sync-server.jar if it is missing (or installs --jar FILE),
  - creates the system user $SERVICE_USER (home $STATE_DIR),
  - copies the jar to $PREFIX/ and links $PREFIX/jdk to the JDK 25 found here,
  - installs $UNIT_DIR/$SERVICE.service,
  - installs $CONF_DIR/server.env from server.env.example unless it exists (it is never overwritten),
  - runs systemctl daemon-reload and prints the next steps.
Run it again to upgrade: it replaces the jar and the unit, and keeps $CONF_DIR/server.env.

  --dry-run   print what would be done, change nothing
  --jar FILE  install this server jar instead of building one
USAGE
}

dry_run=0
jar=""
while (($#)); do
    case $1 in
        --dry-run) dry_run=1 ;;
        --jar)
            [[ $# -ge 2 ]] || { echo "install.sh: --jar needs a file" >&2; exit 2; }
            jar=$2
            shift
            ;;
        --jar=*) jar=${1#*=} ;;
        -h | --help)
            usage
            exit 0
            ;;
        *)
            echo "install.sh: unknown option '$1'" >&2
            usage >&2
            exit 2
            ;;
    esac
    shift
done

# Runs a command, or with --dry-run only shows it.
run() {
    if ((dry_run)); then
        printf '[dry-run]'
        printf ' %q' "$@"
        printf '\n'
    else
        "$@"
    fi
}

say() {
    printf '==> %s\n' "$*"
}

if [[ $(uname -s) != Linux ]]; then
    echo "install.sh: installs a systemd service, so it runs on Linux only." >&2
    exit 1
fi
if ((!dry_run)) && ((EUID != 0)); then
    echo "install.sh: run it as root (sudo $0), or with --dry-run to see what it would do." >&2
    exit 1
fi
((dry_run)) && say "Dry run: nothing is changed."

# A JDK 25 to build with and, through the $PREFIX/jdk link, to run the service with.
# shellcheck source=.ci/find-jdk.sh
source "$ROOT/.ci/find-jdk.sh"
marquee_find_jdk || exit 1
case $JAVA_HOME in
    /root/* | /home/*)
        echo "install.sh: the JDK found, $JAVA_HOME, is in a home directory, which the service cannot read" \
            "(it runs as $SERVICE_USER with ProtectHome=true). Install a JDK 25 system-wide (e.g. under" \
            "/usr/lib/jvm or /opt) and run install.sh with JAVA_HOME set to it." >&2
        exit 1
        ;;
esac
say "Java: $JAVA_HOME"

# The jar: given, or built here (as the user who called sudo, so the work tree does not end up owned by root).
if [[ -z $jar ]]; then
    jar=$ROOT/sync-server/target/marquee-sync-server.jar
    if [[ ! -f $jar ]]; then
        say "Building the server jar (takes a few minutes the first time)"
        # shellcheck disable=SC2016  # $1 is expanded by the inner bash
        build=(env "JAVA_HOME=$JAVA_HOME" bash -c 'cd "$1" && ./mvnw -B -q -DskipTests package' build "$ROOT")
        if [[ -n ${SUDO_USER:-} && $SUDO_USER != root ]] && command -v runuser >/dev/null; then
            build=(runuser -u "$SUDO_USER" -- "${build[@]}")
        fi
        run "${build[@]}"
    fi
fi
if [[ -f $jar && $jar == "$ROOT/sync-server/target/"* ]] &&
    [[ -n $(find "$ROOT/pom.xml" "$ROOT/shared-model/pom.xml" "$ROOT/shared-model/src/main" "$ROOT/sync-server/pom.xml" \
        "$ROOT/sync-server/src/main" -type f -newer "$jar" -print -quit 2>/dev/null) ]]; then
    echo "    Note: the jar is older than some sources; to install what is checked out, first run" \
        "./mvnw -B -DskipTests package (or ./mvnw -B verify) in $ROOT." >&2
fi
if [[ ! -f $jar ]] && { ((!dry_run)) || [[ $jar != "$ROOT/sync-server/target/"* ]]; }; then
    echo "install.sh: no server jar at $jar" >&2
    exit 1
fi
say "Jar: $jar"

say "User $SERVICE_USER"
if id -u "$SERVICE_USER" >/dev/null 2>&1; then
    echo "    exists already"
else
    nologin=$(command -v nologin || echo /usr/sbin/nologin)
    run useradd --system --user-group --home-dir "$STATE_DIR" --no-create-home --shell "$nologin" \
        --comment "Marquee sync server" "$SERVICE_USER"
fi
run install -d -o "$SERVICE_USER" -g "$SERVICE_USER" -m 0750 "$STATE_DIR"

say "Program files in $PREFIX"
run install -d -m 0755 "$PREFIX"
run install -m 0644 "$jar" "$PREFIX/marquee-sync-server.jar"
run ln -sfn "$JAVA_HOME" "$PREFIX/jdk"

say "Settings in $CONF_DIR"
run install -d -o root -g "$SERVICE_USER" -m 0750 "$CONF_DIR"
run install -o root -g "$SERVICE_USER" -m 0640 "$HERE/server.env.example" "$CONF_DIR/server.env.example"
new_env=0
if [[ -e $CONF_DIR/server.env ]]; then
    echo "    keeping the existing $CONF_DIR/server.env"
else
    new_env=1
    run install -o root -g "$SERVICE_USER" -m 0640 "$HERE/server.env.example" "$CONF_DIR/server.env"
fi

say "systemd unit $UNIT_DIR/$SERVICE.service"
run install -m 0644 "$HERE/$SERVICE.service" "$UNIT_DIR/$SERVICE.service"
if ((dry_run)) || [[ -d /run/systemd/system ]]; then
    run systemctl daemon-reload
else
    echo "    systemd is not running on this host; run 'systemctl daemon-reload' where it is."
fi

echo
if ((dry_run)); then
    echo "Dry run done. After a real install, the next steps would be:"
else
    echo "Installed. Next steps:"
fi
step=1
if ((new_env)); then
    echo "  $step. Edit $CONF_DIR/server.env: MARQUEE_DB_URL, MARQUEE_DB_USER, MARQUEE_DB_PASSWORD of your PostgreSQL,"
    echo "     and MARQUEE_SERVER_ARGS (port, hold times)."
    step=$((step + 1))
fi
if [[ -d /run/systemd/system ]] && systemctl is-active --quiet "$SERVICE" 2>/dev/null; then
    echo "  $step. Restart it to run the new version: systemctl restart $SERVICE"
else
    echo "  $step. Start it, and at every boot: systemctl enable --now $SERVICE"
fi
step=$((step + 1))
echo "  $step. Check it: systemctl status $SERVICE; journalctl -u $SERVICE -f;"
echo "     curl http://localhost:8080/api/v1/health (or the port you chose)"
