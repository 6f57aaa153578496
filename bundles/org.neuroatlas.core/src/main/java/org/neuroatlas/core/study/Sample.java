package org.neuroatlas.core.study;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * One brain of a study, as listed in a sample sheet.
 *
 * @param sampleId    unique id, e.g. {@code M07}
 * @param group       experimental group, e.g. {@code saline}, {@code ketamine-30}
 * @param doseMgKg    dose in mg/kg ({@code 0} for vehicle; {@code NaN} if not given)
 * @param channels    channel name → volume path (absolute), in sheet order, e.g. signal, autofluorescence
 * @param voxelSizeUm voxel size overriding the files' metadata, if given
 * @param orientation orientation code of the volumes, if given
 */
public record Sample(String sampleId, String group, double doseMgKg, Map<String, Path> channels, Optional<VoxelSize> voxelSizeUm,
        Optional<Orientation> orientation) {

    public Sample {
        channels = Collections.unmodifiableMap(new LinkedHashMap<>(channels));
    }
}
