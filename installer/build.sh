#!/usr/bin/env bash
# Builds a self-contained Braid: a trimmed Java runtime (jlink, JavaFX included) and a Linux
# app image plus a .deb (jpackage). Needs JDK 17+ with jmods, Maven, and for the .deb
# dpkg-deb (part of dpkg) and fakeroot.
#
#   installer/build.sh                 build the app with Maven, then the app image and the .deb
#   installer/build.sh --type app-image   only the app image
#   installer/build.sh --type msi      on Windows (Git Bash, WiX 3 on the PATH): the .msi
#   installer/build.sh --type dmg      on macOS: the .dmg
#   installer/build.sh --no-maven      reuse target/braid.jar and target/lib (after mvn package/verify)
#
# Output: target/installer/image/Braid (app image) and target/installer/braid_<version>-1_<arch>.deb
# (Braid-<version>.msi or .dmg on those systems).
set -euo pipefail

types=(app-image deb)
run_maven=true
while [ $# -gt 0 ]; do
  case "$1" in
    --type) types=("${2:?--type needs app-image, deb, msi or dmg}"); shift 2 ;;
    --no-maven) run_maven=false; shift ;;
    *) echo "usage: $0 [--type app-image|deb|msi|dmg] [--no-maven]" >&2; exit 2 ;;
  esac
done

here="$(cd "$(dirname "$0")" && pwd)"
project="$(dirname "$here")"
build="${BRAID_BUILD_DIR:-$project/target}"
out="$build/installer"
cd "$project"

# Module paths are lists separated like the platform's class path.
sep=':'
case "$(uname -s)" in MINGW*|MSYS*|CYGWIN*) sep=';' ;; esac
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")}"
jdk_bin="$java_home/bin"

if $run_maven; then
  mvn -B -ntp -q -DskipTests -Dbraid.buildDir="$build" package
fi
[ -f "$build/braid.jar" ] || { echo "no $build/braid.jar: run mvn package first" >&2; exit 1; }
version="$(sed -n 's/^version=//p' "$build/classes/org/braid/version.properties")"

rm -rf "$out"
mkdir -p "$out/input/lib"

# JavaFX goes into the runtime as modules (below), so the app's class path keeps every other jar.
# Maven picks the platform's JavaFX jars (classifier linux, win or mac, maybe with -aarch64); the
# placeholder javafx-*-<version>.jar files without a classifier are empty.
fx_jars=()
for jar in "$build"/lib/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-linux*.jar|javafx-*-win*.jar|javafx-*-mac*.jar) fx_jars+=("$jar") ;;
    javafx-*) ;;
    *) cp "$jar" "$out/input/lib/" ;;
  esac
done
cp "$build/braid.jar" "$out/input/"
# What the application class-data-sharing archive is made with, where the app lies (make-cds-archive.sh).
cp "$here/make-cds-archive.sh" "$out/input/"
cp "$project/sample-traces/two-subflows.pcap" "$out/input/cds-sample.pcap"
[ ${#fx_jars[@]} -gt 0 ] || { echo "no platform javafx-*.jar in $build/lib" >&2; exit 1; }
fx_path="$(IFS="$sep"; echo "${fx_jars[*]}")"

# The platform modules that the app and its libraries use. jdeps summarises every jar at once: the
# libraries go on the module path (automatic modules where they are not modular) so that the
# modular ones find what they require, and braid.jar is read as the class path.
lib_path="$(ls "$out/input/lib"/*.jar | paste -sd"$sep")"
modules="$("$jdk_bin/jdeps" --multi-release 17 --ignore-missing-deps -summary \
            --module-path "$lib_path$sep$fx_path" --add-modules ALL-MODULE-PATH "$out/input/braid.jar" \
          | awk '$2 == "->" {print $3}' | grep -E '^(java|jdk|javafx)\.' | sort -u | paste -sd,)"
echo "runtime modules: $modules"

# No --compress: the packages compress the runtime better themselves (xz makes 20 MB of the plain
# runtime, 35 MB of a --compress=2 one), and a plain runtime starts faster. No --strip-native-commands:
# --generate-cds-archive runs the image's bin/java to archive the runtime's own classes, and the
# application's archive below is made with it too.
"$jdk_bin/jlink" \
  --module-path "$java_home/jmods$sep$fx_path" \
  --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive \
  --output "$out/runtime"

common=(
  --name Braid
  --vendor "Braid project"
  --description "Multipath TCP (MPTCP) packet trace analyzer"
  --input "$out/input"
  --main-jar braid.jar
  --main-class org.braid.Main
  --runtime-image "$out/runtime"
  # The archive of the classes an analysis loads (made by make-cds-archive.sh); -Xlog:cds*=off keeps
  # the JVM quiet where it is missing or does not fit (an app image moved elsewhere).
  --java-options '-XX:SharedArchiveFile=$APPDIR/braid.jsa'
  --java-options '-Xlog:cds*=off'
  # Quick start: the client compiler only. Long work (the window, big traces) starts again in a
  # child JVM with both compilers (org.braid.cli.QuickStart).
  --java-options '-XX:TieredStopAtLevel=1'
  # The runtime holds JavaFX as modules, and ControlsFX's filter-bar completion reaches into one.
  --java-options '--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED'
)
associations=(
  --file-associations "$here/pcap.properties"
  --file-associations "$here/pcapng.properties"
  --file-associations "$here/pcap-gz.properties"
)

for type in "${types[@]}"; do
  case "$type" in
    app-image)
      "$jdk_bin/jpackage" --type app-image "${common[@]}" --app-version "$version" --icon "$here/braid.png" --dest "$out/image"
      "$out/image/Braid/lib/app/make-cds-archive.sh"
      echo "app image: $out/image/Braid ($(du -sh "$out/image/Braid" | cut -f1))"
      ;;
    deb)
      # The postinst and prerm in resources/ add and remove /usr/bin/braid; jpackage fills in
      # its own desktop and MIME commands where they name them.
      "$jdk_bin/jpackage" --type deb "${common[@]}" --app-version "$version" "${associations[@]}" --dest "$out" \
        --icon "$here/braid.png" \
        --resource-dir "$here/resources" \
        --linux-package-name braid \
        --linux-app-category Network \
        --linux-menu-group "Network" \
        --linux-shortcut \
        --linux-package-deps libpcap0.8
      deb="$(ls "$out"/braid_*.deb)"
      echo "package: $deb ($(du -h "$deb" | cut -f1))"
      ;;
    msi)
      # Windows launchers are GUI programs without a console, so a second launcher, braid-cli,
      # runs the command line with one (Windows names ignore case: it cannot be called braid).
      "$jdk_bin/jpackage" --type msi "${common[@]}" --app-version "$version" "${associations[@]}" --dest "$out" \
        --icon "$here/braid.ico" \
        --add-launcher braid-cli="$here/windows-console.properties" \
        --win-menu --win-menu-group Braid --win-shortcut --win-dir-chooser
      ;;
    dmg)
      # jpackage on macOS refuses a version whose first number is 0 (CFBundleVersion): before
      # Braid 1.0 the .dmg needs BRAID_MAC_VERSION, e.g. 1.0.0, and says so.
      mac_version="${BRAID_MAC_VERSION:-$version}"
      case "$mac_version" in
        0*) echo "jpackage on macOS needs a version from 1 up: set BRAID_MAC_VERSION" >&2; exit 1 ;;
      esac
      "$jdk_bin/jpackage" --type dmg "${common[@]}" --app-version "$mac_version" "${associations[@]}" --dest "$out" \
        --icon "$here/braid.icns" \
        --mac-package-identifier org.braid
      ;;
    *) echo "unknown type $type" >&2; exit 2 ;;
  esac
done
