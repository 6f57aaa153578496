#!/usr/bin/env python3
"""Reference detector for NeuroAtlas's detection benchmark: scikit-image's blob_dog run block by block, as the
motivating ketamine study did (blocks of 1000 x 1000 x 250 voxels, each processed independently).

Usage: blob_dog_reference.py PLANE_FOLDER VOXEL_X,VOXEL_Y,VOXEL_Z CELL_DIAMETER_UM THRESHOLD OUT_CSV [BLOCK_X,BLOCK_Y,BLOCK_Z]

Sigmas follow from the cell diameter: a blob of radius r has its DoG peak at sigma = r / sqrt(3) per axis (in voxels,
so anisotropic voxels give anisotropic sigmas); the search spans 0.6x to 1.6x of that. THRESHOLD is blob_dog's
absolute threshold on the image scaled to [0, 1] by its maximum. Writes x_um,y_um,z_um (voxel centres at integer
indices) and prints one line: voxels, seconds, Mvoxel/s. Needs python3-skimage and python3-tifffile (Debian:
apt-get install python3-skimage). Not part of the product: a yardstick.
"""
import csv
import math
import os
import sys
import time

import numpy as np
import tifffile
from skimage.feature import blob_dog


def main(argv):
    if len(argv) < 6:
        print(__doc__, file=sys.stderr)
        return 2
    folder, voxel, diameter, threshold, out = argv[1], [float(v) for v in argv[2].split(",")], float(argv[3]), float(argv[4]), argv[5]
    block = [int(v) for v in argv[6].split(",")] if len(argv) > 6 else [1000, 1000, 250]
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.lower().endswith((".tif", ".tiff")))
    volume = np.stack([tifffile.imread(f) for f in files])  # z, y, x
    scale = float(volume.max()) or 1.0
    sigma = [diameter / 2 / math.sqrt(3) / v for v in (voxel[2], voxel[1], voxel[0])]  # z, y, x
    start = time.perf_counter()
    cells = []
    nz, ny, nx = volume.shape
    for z0 in range(0, nz, block[2]):
        for y0 in range(0, ny, block[1]):
            for x0 in range(0, nx, block[0]):
                sub = volume[z0:z0 + block[2], y0:y0 + block[1], x0:x0 + block[0]].astype(np.float32) / scale
                blobs = blob_dog(sub, min_sigma=[0.6 * s for s in sigma], max_sigma=[1.6 * s for s in sigma], threshold=threshold)
                for b in blobs:
                    cells.append(((b[2] + x0) * voxel[0], (b[1] + y0) * voxel[1], (b[0] + z0) * voxel[2]))
    seconds = time.perf_counter() - start
    with open(out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["x_um", "y_um", "z_um"])
        w.writerows(cells)
    n = volume.size
    print(f"blob_dog: {len(cells)} cells, {n} voxels, {seconds:.2f} s, {n / 1e6 / seconds:.3f} Mvoxel/s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
