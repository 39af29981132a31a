#!/usr/bin/env bash
# Installs with apt the Debian packages that building and checking the .deb packages needs and a fresh Debian may
# lack: fakeroot and dpkg-dev (dpkg-deb builds the packages as root-owned files), and for installers/test-packages.sh
# systemd (systemd-analyze verify) and curl (the packaged server's health). Run as root or with sudo; quick when all are there.
set -euo pipefail

needed=()
command -v fakeroot >/dev/null || needed+=(fakeroot)
command -v dpkg-deb >/dev/null || needed+=(dpkg-dev)
command -v systemd-analyze >/dev/null || needed+=(systemd)
command -v curl >/dev/null || needed+=(curl)
if ((${#needed[@]} == 0)); then
    exit 0
fi
SUDO=""
[[ $(id -u) -eq 0 ]] || SUDO="sudo"
echo "Installing ${needed[*]} (for the .deb packages)"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
