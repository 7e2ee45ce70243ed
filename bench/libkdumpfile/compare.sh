#!/bin/sh
# Side by side with libkdumpfile on the corpus x86-64 dumps, as recorded in docs/performance.md.
#   bench/libkdumpfile/compare.sh VMSCOPE [OUTDIR]
# VMSCOPE: the vmscope command line, normally the app-image's app/target/vmscope/bin/vmscope-cli (which
# starts from its ahead-of-time cache).
# Needs hyperfine, python3, build.sh run first, and the restored corpus ELF (any corpus test restores it
# into target/corpus-cache).
set -e
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
V="$1"
OUT="${2:-/tmp/vmscope-bench}"
CORPUS="${VMSCOPE_CORPUS:-$ROOT/../shared/corpus}/x86_64-6.1-qemu-live"
K="$HERE/target/kdxlat"
ELF="$ROOT/target/corpus-cache/x86_64-6.1-qemu-live/vmcore-qemu.elf"
KDUMP="$CORPUS/dumps/vmcore-qemu.kdump-zlib"
mkdir -p "$OUT"
[ -f "$OUT/a1m.txt" ] || python3 "$HERE/genaddrs.py" "$CORPUS/addrs.tsv" 1000000 > "$OUT/a1m.txt"
[ -f "$OUT/a10m.txt" ] || python3 "$HERE/genaddrs.py" "$CORPUS/addrs.tsv" 10000000 > "$OUT/a10m.txt"
# Same answers first: both tools print one "VA PA" (or "VA -") line per address.
for D in "$KDUMP" "$ELF"; do
  "$V" vtop "$D" --from "$OUT/a1m.txt" --brief > "$OUT/vmscope.out" 2>/dev/null || [ $? -eq 1 ]
  "$K" vtop "$D" "$OUT/a1m.txt" > "$OUT/kdxlat.out" || [ $? -eq 1 ]
  cmp "$OUT/vmscope.out" "$OUT/kdxlat.out" || { echo "compare.sh: the two tools disagree on $D" >&2; exit 1; }
done
uptime
for D in "$KDUMP" "$ELF"; do
  for N in a1m a10m; do
    hyperfine -N -i -w 1 -r 3 --output=null --export-json "$OUT/vtop-$(basename "$D")-$N.json" \
      "$V vtop $D --from $OUT/$N.txt --brief" "$K vtop $D $OUT/$N.txt"
  done
done
# full read: every page of the kdump-zlib, vmscope writing it as a raw image into /dev/null (streamed,
# front to back), the harness reading its RAM ranges (vmscope map: 0x0-0xc000000, 0xfffc0000-0x100000000)
hyperfine -N -w 1 -r 5 --output=null --export-json "$OUT/read.json" \
  "$V convert $KDUMP --to raw /dev/null" "$K read $KDUMP 0:c000000 fffc0000:100000000"
uptime
