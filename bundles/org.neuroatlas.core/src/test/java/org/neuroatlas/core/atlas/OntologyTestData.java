package org.neuroatlas.core.atlas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.neuroatlas.core.SharedData;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeBlocks;
import org.neuroatlas.core.volume.Volumes;

/** Shared fixtures of the ontology tests: the real annotation volume's labels, and small hand-made trees. */
final class OntologyTestData {

    private static Map<Integer, Long> annotation100;

    private OntologyTestData() {
    }

    /** Voxels per non-zero label of Allen's annotation_100.nrrd, read plane by plane. */
    static synchronized Map<Integer, Long> annotation100VoxelCounts() {
        if (annotation100 == null) {
            Map<Integer, Long> counts = new TreeMap<>();
            try (Volume<?> v = Volumes.open(SharedData.atlas("annotation_100.nrrd"), ReadOptions.defaults())) {
                if (v.pixelType() != PixelType.UINT32) {
                    throw new AssertionError("annotation_100 should be UINT32, is " + v.pixelType());
                }
                for (long z = 0; z < v.sizeZ(); z++) {
                    for (int label : (int[]) VolumeBlocks.readPlane(v, z)) {
                        if (label != 0) {
                            counts.merge(label, 1L, Long::sum);
                        }
                    }
                }
            }
            annotation100 = Collections.unmodifiableMap(counts);
        }
        return annotation100;
    }

    static Set<Integer> annotation100Labels() {
        return annotation100VoxelCounts().keySet();
    }

    static Structure s(int id, String acronym, int parentId) {
        return new Structure(id, acronym, "Structure " + acronym, parentId, Ontology.UNKNOWN_DEPTH, List.of(), "AABBCC");
    }

    /**
     * <pre>
     * 1 root
     * ├── 10 A
     * │   ├── 11 A1
     * │   └── 12 A2
     * │       └── 121 A2x
     * └── 20 B
     *     └── 21 B1
     * </pre>
     * listed in depth-first order.
     */
    static List<Structure> smallTree() {
        List<Structure> list = new ArrayList<>();
        list.add(s(1, "root", Structure.NO_PARENT));
        list.add(s(10, "A", 1));
        list.add(s(11, "A1", 10));
        list.add(s(12, "A2", 10));
        list.add(s(121, "A2x", 12));
        list.add(s(20, "B", 1));
        list.add(s(21, "B1", 20));
        return list;
    }
}
