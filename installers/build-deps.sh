#!/usr/bin/env bash
# Installs with apt the Debian packages that building and checking the .deb packages needs and a fresh Debian may
# lack: fakeroot and dpkg-dev (dpkg-deb builds the packages as root-owned files), binutils (jlink's objcopy), and
# systemd (systemd-analyze verify in installers/test-packages.sh). Run as root or with sudo; quick when all are there.
set -euo pipefail

needed=()
command -v fakeroot >/dev/null || needed+=(fakeroot)
command -v dpkg-deb >/dev/null || needed+=(dpkg-dev)
command -v objcopy >/dev/null || needed+=(binutils)
command -v systemd-analyze >/dev/null || needed+=(systemd)
if ((${#needed[@]} == 0)); then
    exit 0
fi
SUDO=""
[[ $(id -u) -eq 0 ]] || SUDO="sudo"
echo "Installing ${needed[*]} (for the .deb packages)"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
