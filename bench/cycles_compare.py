# bench/cycles_compare.py: the table of bench/cycles. Reads the frames both
# renderers wrote at each sample count, measures each against its own
# 1024-sample reference and prints how long each took to reach each error.
#
# usage: blender -b --factory-startup --python bench/cycles_compare.py -- \
#            OUTDIR TIMES.txt
# TIMES.txt has lines "RENDERER SPP SECONDS"; frames are
# OUTDIR/RENDERER-SPP.png. Relative MSE is the mean over pixels and
# channels of (x - r)^2 / (r^2 + 0.01) on display values in [0, 1], the
# same definition as bench/bench_quality.c.
import sys

import bpy
import numpy

LEVELS = [0.1, 0.03, 0.01, 0.003, 0.001, 0.0003, 0.0001]
REF_SPP = 1024


def load(path):
    img = bpy.data.images.load(path)
    px = numpy.empty(img.size[0] * img.size[1] * 4, dtype=numpy.float32)
    img.pixels.foreach_get(px)
    bpy.data.images.remove(img)
    return px.reshape(-1, 4)[:, :3].astype(numpy.float64)


def rel_mse(x, r):
    return float(numpy.mean((x - r) ** 2 / (r * r + 0.01)))


def main():
    argv = sys.argv[sys.argv.index("--") + 1:]
    outdir, times_path = argv[0], argv[1]
    runs = {}
    with open(times_path) as f:
        for line in f:
            name, spp, sec = line.split()
            runs.setdefault(name, []).append((int(spp), float(sec)))
    results = {}
    for name, rows in runs.items():
        ref = load(f"{outdir}/{name}-{REF_SPP}.png")
        results[name] = []
        for spp, sec in sorted(rows):
            if spp == REF_SPP:
                continue
            err = rel_mse(load(f"{outdir}/{name}-{spp}.png"), ref)
            results[name].append((spp, sec, err))
    names = sorted(results)
    print()
    print("| renderer | samples | seconds | relative MSE vs own 1024 spp |")
    print("|---|---:|---:|---:|")
    for name in names:
        for spp, sec, err in results[name]:
            print(f"| {name} | {spp} | {sec:.2f} | {err:.5f} |")
    ref_row = " | ".join(
        f"{dict((s, t) for s, t in runs[n])[REF_SPP]:.1f} s" for n in names)
    print()
    print("| relative MSE at most | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for level in LEVELS:
        cells = []
        for name in names:
            hit = [(sec, spp) for spp, sec, err in results[name] if err <= level]
            cells.append(f"{min(hit)[0]:.2f} s ({min(hit)[1]} spp)" if hit
                         else "not reached")
        print(f"| {level:g} | " + " | ".join(cells) + " |")
    print(f"| (1024 spp reference) | {ref_row} |")


main()
