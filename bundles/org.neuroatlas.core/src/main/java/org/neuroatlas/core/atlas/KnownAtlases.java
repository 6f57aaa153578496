package org.neuroatlas.core.atlas;

import java.util.Map;
import java.util.Optional;

/**
 * Label checksums ({@link LabelChecksum}) of official atlas annotations, so that an Allen-layout folder without an
 * {@code atlas.json} is still recognised by its content. Computed from Allen's own files (100 and 50 µm are
 * byte-identical to Allen's downloads; the 25 µm annotation was checked voxel for voxel against the 50 µm one).
 */
final class KnownAtlases {

    private static final Map<String, String> VERSIONS = Map.of(
            "678d97331dea7785", "CCFv3-2017", // annotation_100.nrrd
            "93497365940c642e", "CCFv3-2017", // annotation_50.nrrd
            "315b8ecb1ce000df", "CCFv3-2017"); // annotation_25.nrrd

    private KnownAtlases() {
    }

    /** The version of a known annotation with this label checksum. */
    static Optional<String> versionOf(String labelChecksum) {
        return Optional.ofNullable(VERSIONS.get(labelChecksum));
    }
}
