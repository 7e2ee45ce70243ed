#!/usr/bin/env bash
# Renders vmscope.svg into the icon files each platform's packaging needs.
# Needs librsvg2-bin (rsvg-convert), imagemagick (convert) and icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" vmscope.svg -o "png/vmscope-${size}.png"
done
cp png/vmscope-256.png ../linux/vmscope.png
convert png/vmscope-16.png png/vmscope-24.png png/vmscope-32.png png/vmscope-48.png \
        png/vmscope-64.png png/vmscope-128.png png/vmscope-256.png ../win/vmscope.ico
png2icns ../mac/vmscope.icns png/vmscope-16.png png/vmscope-32.png png/vmscope-48.png \
        png/vmscope-128.png png/vmscope-256.png png/vmscope-512.png >/dev/null
