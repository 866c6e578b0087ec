#!/bin/sh
# Makes the installed Braid's application class-data-sharing archive, braid.jsa beside this script:
# the classes a command-line analysis loads, which the launcher maps at start-up instead of
# loading them from the jars (-XX:SharedArchiveFile=$APPDIR/braid.jsa in its configuration). The
# JVM only uses an archive made for the paths it runs from, so this runs where the app lies: at
# build time for the app image, from the .deb's postinst where it is installed. Without the
# archive (or with one that does not fit) the launcher starts as usual, only slower.
set -e
app="$(cd "$(dirname "$0")" && pwd)"
java="$app/../runtime/bin/java"
cfg="$(ls "$app"/*.cfg | head -n 1)"
classpath="$(sed -n "s|^app.classpath=\\\$APPDIR|$app|p" "$cfg" | paste -sd: -)"
rm -f "$app/braid.jsa"
# Exit code 1 only means the sample has warnings; the archive is written at exit either way.
"$java" -XX:ArchiveClassesAtExit="$app/braid.jsa" '-Xlog:cds*=off' -cp "$classpath" org.braid.Main \
  analyze --json "$app/cds-sample.pcap" >/dev/null || [ $? -eq 1 ]
[ -s "$app/braid.jsa" ]
