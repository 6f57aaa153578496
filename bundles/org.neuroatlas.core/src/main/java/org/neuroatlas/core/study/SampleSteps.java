package org.neuroatlas.core.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.RegionVolumes;
import org.neuroatlas.core.density.MappingRun;
import org.neuroatlas.core.density.RegionCounts;
import org.neuroatlas.core.density.fibre.AxonDensityRun;
import org.neuroatlas.core.density.fibre.AxonDensityTable;
import org.neuroatlas.core.detect.DetectionSettings;
import org.neuroatlas.core.detect.run.DetectionRun;
import org.neuroatlas.core.detect.score.CellPositions;
import org.neuroatlas.core.io.AtomicFile;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.io.CsvTableWriter;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.register.RegistrationRun;
import org.neuroatlas.core.register.SampleGeometry;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.Volumes;

/**
 * The pipeline's steps for one brain, each reading the previous step's files and writing its own: detect the
 * cells of the signal volume, register the autofluorescence volume, map the cells and count them per region, and
 * optionally measure the signal volume's fibre density per region through the same registration, somata excluded by
 * the fibre filter's blob rule and, if {@link FibreStep#detectedCellsAsSomata}, the detected cells too (as
 * {@code ./neuroatlas axons --cells} does). A step whose output exists is skipped, which is how a re-run resumes.
 */
final class SampleSteps {

    private final Atlas atlas;
    private final RegionVolumes volumes;
    private final List<Integer> listedRegions;
    private final DetectionSettings detection;
    private final RegistrationRun.Settings registration;
    private final FibreStep axons;

    /**
     * @param listedRegions structures counted in every sample even with no cells, so that a zero is a zero and not a
     *                      missing value in the statistics
     * @param axons         how fibres are measured, or null to measure none
     */
    SampleSteps(Atlas atlas, RegionVolumes volumes, List<Integer> listedRegions, DetectionSettings detection, RegistrationRun.Settings registration,
            FibreStep axons) {
        this.atlas = atlas;
        this.volumes = volumes;
        this.listedRegions = listedRegions;
        this.detection = detection;
        this.registration = registration;
        this.axons = axons;
    }

    /** Runs the steps not yet done; returns the number of mapped cells. */
    long run(SampleInput input, SampleFolder folder, Progress progress) throws IOException {
        // Fibres take most of a brain's time when measured: they get the second half of its progress.
        Progress cellSteps = axons == null ? progress : progress.slice(0, 0.5);
        long cells = cells(input, folder, cellSteps);
        progress.checkCanceled();
        if (axons != null && !folder.axonsMeasured()) {
            measureAxons(input, folder, progress.slice(0.5, 1));
        }
        return cells;
    }

    /** Detection, registration, mapping and counting: the steps not yet done. */
    private long cells(SampleInput input, SampleFolder folder, Progress progress) throws IOException {
        if (folder.finished()) {
            // An earlier run without fibres counted this brain: only the fibres are new.
            return CsvTable.read(folder.mapped()).size();
        }
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

    private void measureAxons(SampleInput input, SampleFolder folder, Progress progress) throws IOException {
        progress.report(0, "Measuring fibre density");
        Path transformDir = MappingRun.transformFolder(folder.registration(), "registration of " + input.sampleId());
        AtlasTransform registered = MappingRun.loadTransform(transformDir);
        AxonDensityRun.Cells somata = axons.detectedCellsAsSomata() ? AxonDensityRun.cells(CsvTable.read(folder.cells())) : null;
        try (Volume<?> v = Volumes.open(input.signal(), input.signalRead())) {
            // The registration is of the autofluorescence volume; the signal volume may be a part of it (see SampleInput).
            AtlasTransform transform = registered.forSubVolume(input.signalOffsetUm(), SampleGeometry.of(v));
            AxonDensityRun.Result r = AxonDensityRun.run(input.sampleId(), v, input.signal(), atlas, volumes, transform, transformDir, somata, axons.settings(),
                    progress);
            CsvTableWriter.write(folder.axons(), AxonDensityTable.SCHEMA, r.rows());
        }
    }
}
