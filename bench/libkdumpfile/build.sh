#!/bin/sh
# Builds the libkdumpfile benchmark harness (needs Debian's libkdumpfile-dev: apt-get install -y libkdumpfile-dev).
set -e
cd "$(dirname "$0")"
mkdir -p target
cc -O2 -Wall -Wextra -o target/kdxlat kdxlat.c -lkdumpfile -laddrxlat
echo "built $(pwd)/target/kdxlat"
