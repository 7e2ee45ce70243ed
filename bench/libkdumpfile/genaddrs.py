#!/usr/bin/env python3
"""Reproducible address lists for the side-by-side runs: N lines, a mix of the corpus truth addresses
(addrs.tsv) and random direct-map addresses (page_offset_base 0xffff8c9b00000000 + RAM 0..0xbfdd000,
per the corpus README), from a fixed seed. Usage: genaddrs.py ADDRS_TSV N [SEED] > FILE"""
import random
import sys

truth = [l.split("\t")[2].strip() for l in open(sys.argv[1]) if not l.startswith("#") and l.count("\t") >= 2]
n = int(sys.argv[2])
rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
out = sys.stdout
for i in range(n):
    if rnd.random() < 0.25:
        out.write(rnd.choice(truth) + "\n")
    else:
        out.write("0x%x\n" % (0xffff8c9b00000000 + (rnd.randrange(0xbfdd000) & ~7)))
