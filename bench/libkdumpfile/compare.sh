#!/bin/sh
# Side by side with libkdumpfile on the corpus x86-64 dumps, as recorded in docs/performance.md.
#   bench/libkdumpfile/compare.sh VMSCOPE [OUTDIR]
# VMSCOPE: the vmscope command line (app/target/vmscope/bin/vmscope, or a java -cp wrapper).
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
uptime
for D in "$KDUMP" "$ELF"; do
  for N in a1m a10m; do
    hyperfine -N -i -w 1 -r 3 --output=null --export-json "$OUT/vtop-$(basename "$D")-$N.json" \
      "$V vtop $D --from $OUT/$N.txt --brief" "$K vtop $D $OUT/$N.txt"
  done
done
# full read of the kdump-zlib's RAM ranges (vmscope map: 0x0-0xc000000, 0xfffc0000-0x100000000);
# rd --raw reads at most 64 MiB per call, so four processes (convert is not on this branch yet)
cat > "$OUT/rd-ram.sh" <<EOS
#!/bin/sh
for a in 0x0 0x4000000 0x8000000; do $V rd "$KDUMP" \$a --physical --raw --length 0x4000000 || exit 1; done
$V rd "$KDUMP" 0xfffc0000 --physical --raw --length 0x40000
EOS
chmod +x "$OUT/rd-ram.sh"
hyperfine -N -w 1 -r 3 --output=null --export-json "$OUT/read.json" "$OUT/rd-ram.sh" "$K read $KDUMP 0:c000000 fffc0000:100000000"
uptime
