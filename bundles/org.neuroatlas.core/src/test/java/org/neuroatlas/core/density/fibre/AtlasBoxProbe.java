package org.neuroatlas.core.density.fibre;

import java.util.HashSet;
import java.util.Set;

import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.Structure;

import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;

/** Harness (not a test): atlas voxels (µm, axis order of the annotation) deep inside a region, for crop boxes. */
public final class AtlasBoxProbe {
    public static void main(String[] args) {
        try (Atlas atlas = Atlas.demo(100, Progress.NONE)) {
            long[] d = atlas.dimensions();
            System.out.println("dims " + d[0] + " " + d[1] + " " + d[2] + " voxel " + atlas.voxelSizeUm());
            @SuppressWarnings("unchecked")
            RandomAccess<? extends RealType<?>> ra = (RandomAccess<? extends RealType<?>>) atlas.annotation().voxels().randomAccess();
            for (String acr : args) {
                Structure s = atlas.ontology().byAcronym(acr).orElseThrow();
                Set<Integer> ids = new HashSet<>();
                ids.add(s.id());
                for (Structure c : atlas.ontology().descendants(s)) {
                    ids.add(c.id());
                }
                int found = 0;
                for (long z = 1; z < d[2] - 1 && found < 4; z++) {
                    for (long y = 1; y < d[1] - 1 && found < 4; y++) {
                        for (long x = 1; x < d[0] - 1 && found < 4; x++) {
                            boolean all = true;
                            for (int dz = -1; dz <= 1 && all; dz++) {
                                for (int dy = -1; dy <= 1 && all; dy++) {
                                    for (int dx = -1; dx <= 1 && all; dx++) {
                                        ra.setPosition(new long[] {x + dx, y + dy, z + dz});
                                        all = ids.contains((int) ra.get().getRealDouble());
                                    }
                                }
                            }
                            if (all && (x + y + z) % 3 == 0) {
                                found++;
                                System.out.println(acr + " " + x * 100 + "," + y * 100 + "," + z * 100);
                            }
                        }
                    }
                }
            }
        }
    }
}
