package org.neuroatlas.core.atlas;

import java.util.Locale;

/**
 * Brain hemisphere, in BrainGlobe's convention, used everywhere in NeuroAtlas: in the Allen CCF arrays (and so in
 * NeuroAtlas's atlas space, x = AP, y = DV, z = LR) the side with the <em>higher</em> LR index (z ≥ size/2) is
 * <b>left</b>, z index 0 is on the <b>right</b>. This is what BrainGlobe's {@code asr} orientation and its
 * hemisphere volumes (1 = left, 2 = right) say, and what brainreg's outputs use. Allen's own documentation names the
 * same array PIR, i.e. calls z index 0 left; since the CCF is nearly symmetric this only changes naming, and NeuroAtlas
 * follows BrainGlobe so that its results line up with brainreg/cellfinder's.
 */
public enum Hemisphere {
    LEFT(1), RIGHT(2);

    private final int brainGlobeValue;

    Hemisphere(int brainGlobeValue) {
        this.brainGlobeValue = brainGlobeValue;
    }

    /** The value BrainGlobe hemisphere volumes use for this side (1 = left, 2 = right). */
    public int brainGlobeValue() {
        return brainGlobeValue;
    }

    /** The side a BrainGlobe hemisphere value stands for, or null for 0 (outside) and anything else. */
    public static Hemisphere ofBrainGlobeValue(int v) {
        return v == 1 ? LEFT : v == 2 ? RIGHT : null;
    }

    /**
     * The side of LR index {@code z} in an atlas {@code sizeZ} voxels wide when no hemisphere volume exists: the
     * midline split, z &lt; sizeZ/2 right, the rest left (for an odd width the middle plane counts as left).
     */
    public static Hemisphere ofMidline(long z, long sizeZ) {
        return z < sizeZ / 2 ? RIGHT : LEFT;
    }

    /** "left" or "right", as written in tables. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
