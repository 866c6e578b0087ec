#!/usr/bin/env bash
# Checks what the .deb promises without installing it: the libpcap dependency for live capture,
# the desktop entry with its file types, the /usr/bin/braid link made by postinst, and the launcher.
#
#   installer/check-deb.sh [DEB]   default: the one under target/installer
set -euo pipefail

project="$(cd "$(dirname "$0")/.." && pwd)"
deb="${1:-$(ls "${BRAID_BUILD_DIR:-$project/target}"/installer/braid_*.deb)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

check() {
  local what="$1"; shift
  if "$@" >/dev/null 2>&1; then echo "ok   $what"; else echo "FAIL $what"; failures=$((failures + 1)); fi
}

dpkg-deb -e "$deb" "$work/control"
dpkg-deb -x "$deb" "$work/root"
desktop="$(ls "$work"/root/opt/braid/lib/*.desktop)"

check "depends on libpcap0.8" grep -Eq '^Depends:.*\blibpcap0\.8\b' "$work/control/control"
check "launcher /opt/braid/bin/Braid" test -x "$work/root/opt/braid/bin/Braid"
check "postinst links /usr/bin/braid" grep -q 'ln -sf /opt/braid/bin/Braid /usr/bin/braid' "$work/control/postinst"
check "prerm removes /usr/bin/braid" grep -q 'rm -f /usr/bin/braid' "$work/control/prerm"
check "desktop entry in Network" grep -q '^Categories=Network' "$desktop"
check "desktop entry passes the file" grep -q '^Exec=/opt/braid/bin/Braid %f' "$desktop"
for mime in application/vnd.tcpdump.pcap application/x-pcapng application/x-pcap-gzip; do
  check "file type $mime" grep -q "^MimeType=.*$mime" "$desktop"
done
for glob in '*.pcap' '*.pcapng' '*.pcap.gz'; do
  check "MIME glob $glob" grep -qF "pattern=\"$glob\"" "$work"/root/opt/braid/lib/*-MimeInfo.xml
done

if [ "$failures" -gt 0 ]; then
  echo "deb check: $failures failure(s) in $deb"
  exit 1
fi
echo "deb check: $deb ($(du -h "$deb" | cut -f1)) is complete"
