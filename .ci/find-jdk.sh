# shellcheck shell=bash
# Finds a JDK 25 or newer. Sourced (not run) by ./marquee, .ci/run and installers/server/install.sh.
#
# marquee_find_jdk: looks at $JAVA_HOME, then `java` on PATH, then /usr/lib/jvm/temurin-25-jdk-amd64 and
# /usr/lib/jvm/*25* (and, on macOS, /usr/libexec/java_home). The first one that is Java 25 or newer wins:
# it exports JAVA_HOME (the Maven wrapper uses it), sets MARQUEE_JAVA to its java binary and returns 0.
# If there is none, it says so on stderr and returns 1.

MARQUEE_MIN_JAVA=25

# Prints the feature version (17, 25, …) of the Java installed in directory $1; fails if there is none.
marquee_java_major() {
    local home=$1 text="" version
    [[ -x $home/bin/java ]] || return 1
    if [[ -r $home/release ]]; then
        text=$(<"$home/release")
    fi
    if [[ $text =~ JAVA_VERSION=\"([^\"]+)\" ]]; then
        version=${BASH_REMATCH[1]}
    else
        text=$("$home/bin/java" -version 2>&1) || return 1
        [[ $text =~ version\ \"([^\"]+)\" ]] || return 1
        version=${BASH_REMATCH[1]}
    fi
    version=${version#1.}         # 1.8.0_402 -> 8.0_402
    version=${version%%[!0-9]*}   # 25.0.1 -> 25, 25-ea -> 25
    [[ -n $version ]] || return 1
    printf '%s\n' "$version"
}

marquee_find_jdk() {
    local candidate major java_on_path seen="" checked=$'\n'
    local -a candidates=()
    if [[ -n ${JAVA_HOME:-} ]]; then
        candidates+=("$JAVA_HOME")
    fi
    if java_on_path=$(command -v java 2>/dev/null); then
        java_on_path=$(readlink -f "$java_on_path" 2>/dev/null || printf '%s' "$java_on_path")
        candidates+=("${java_on_path%/bin/java}")
    fi
    candidates+=(/usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25*)
    if [[ -x /usr/libexec/java_home ]] && candidate=$(/usr/libexec/java_home -v "$MARQUEE_MIN_JAVA+" 2>/dev/null); then
        candidates+=("$candidate")
    fi
    for candidate in "${candidates[@]}"; do
        candidate=${candidate%/}
        if [[ $checked == *$'\n'"$candidate"$'\n'* ]]; then
            continue
        fi
        checked+="$candidate"$'\n'
        major=$(marquee_java_major "$candidate") || continue
        if ((major >= MARQUEE_MIN_JAVA)); then
            export JAVA_HOME=$candidate
            # shellcheck disable=SC2034  # used by the scripts that source this file
            MARQUEE_JAVA=$candidate/bin/java
            return 0
        fi
        seen+="${seen:+, }$candidate (Java $major)"
    done
    {
        echo "Marquee needs a JDK $MARQUEE_MIN_JAVA (or newer) and found none."
        if [[ -n $seen ]]; then
            echo "Found only: $seen."
        fi
        echo "Install one (for example Eclipse Temurin $MARQUEE_MIN_JAVA from https://adoptium.net) and set JAVA_HOME to it."
    } >&2
    return 1
}
