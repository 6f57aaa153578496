package org.neuroatlas.core.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.RegionVolumes;
import org.neuroatlas.core.density.MappingRun;
import org.neuroatlas.core.density.RegionCounts;
import org.neuroatlas.core.detect.DetectionSettings;
import org.neuroatlas.core.detect.run.DetectionRun;
import org.neuroatlas.core.detect.score.CellPositions;
import org.neuroatlas.core.io.AtomicFile;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.io.CsvTableWriter;
import org.neuroatlas.core.register.RegistrationRun;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.Volumes;

/**
 * The pipeline's steps for one brain, each reading the previous step's files and writing its own: detect the
 * cells of the signal volume, register the autofluorescence volume, map the cells and count them per region.
 * A step whose output exists is skipped, which is how a re-run resumes.
 */
final class SampleSteps {

    private final Atlas atlas;
    private final RegionVolumes volumes;
    private final List<Integer> listedRegions;
    private final DetectionSettings detection;
    private final RegistrationRun.Settings registration;

    /**
     * @param listedRegions structures counted in every sample even with no cells, so that a zero is a zero and not a
     *                      missing value in the statistics
     */
    SampleSteps(Atlas atlas, RegionVolumes volumes, List<Integer> listedRegions, DetectionSettings detection, RegistrationRun.Settings registration) {
        this.atlas = atlas;
        this.volumes = volumes;
        this.listedRegions = listedRegions;
        this.detection = detection;
        this.registration = registration;
    }

    /** Runs the steps not yet done; returns the number of mapped cells. */
    long run(SampleInput input, SampleFolder folder, Progress progress) throws IOException {
        if (!folder.detected()) {
            DetectionRun.Result r = DetectionRun.run(input.sampleId(), input.signal(), input.signalRead(), detection, progress.slice(0, 0.5));
            CsvTableWriter.write(folder.cells(), DetectionRun.CELLS, r.cellRows());
        }
        progress.checkCanceled();
        if (!folder.registered()) {
            // The folder appears whole or not at all, so an interrupted registration is redone on the next run.
            Progress p = progress.slice(0.5, 0.9);
            AtomicFile.writeDirectory(folder.registration(), tmp -> {
                try (Volume<?> v = Volumes.open(input.autofluorescence(), input.autofluorescenceRead())) {
                    RegistrationRun.run(atlas, v, registration, tmp, p);
                }
            });
        }
        progress.checkCanceled();
        return map(input, folder, progress.slice(0.9, 1));
    }

    private long map(SampleInput input, SampleFolder folder, Progress progress) throws IOException {
        CsvTable cells = CsvTable.read(folder.cells());
        CellPositions positions = CellPositions.from(cells).shifted(input.signalOffsetUm());
        Path transformDir = MappingRun.transformFolder(folder.registration(), "registration of " + input.sampleId());
        MappingRun.Sample mapped = MappingRun.map(atlas, input.sampleId(), positions, MappingRun.loadTransform(transformDir), transformDir, progress);
        mapped.writeMapped(folder.mapped(), cells, atlas);
        CsvTableWriter.write(folder.counts(), RegionCounts.SCHEMA, mapped.countRows(atlas, volumes, listedRegions));
        return mapped.cells().size();
    }
}
