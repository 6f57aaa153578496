package org.neuroatlas.core.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.RegionVolumes;
import org.neuroatlas.core.density.CellMapper;
import org.neuroatlas.core.density.MappedCell;
import org.neuroatlas.core.density.MappedCellTable;
import org.neuroatlas.core.density.RegionCounts;
import org.neuroatlas.core.detect.DetectionSettings;
import org.neuroatlas.core.detect.run.DetectionRun;
import org.neuroatlas.core.detect.score.CellPositions;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.io.CsvTableWriter;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.register.LinearRegistration;

/**
 * The pipeline's steps for one brain, each reading the previous step's files and writing its own: detect the
 * cells of the signal volume, register the autofluorescence volume, map the cells and count them per region.
 * A step whose output exists is skipped, which is how a re-run resumes.
 */
final class SampleSteps {

    /** Registers one brain's autofluorescence volume and writes the registration folder, quality figures last. */
    @FunctionalInterface
    interface Registrar {
        void register(Atlas atlas, SampleInput input, Path registrationDir, Progress progress) throws IOException;
    }

    private final Atlas atlas;
    private final RegionVolumes volumes;
    private final Collection<Integer> listedRegions;
    private final DetectionSettings detection;
    private final Registrar registrar;

    /**
     * @param listedRegions structures counted in every sample even with no cells, so that a zero is a zero and not a
     *                      missing value in the statistics
     */
    SampleSteps(Atlas atlas, RegionVolumes volumes, Collection<Integer> listedRegions, DetectionSettings detection, Registrar registrar) {
        this.atlas = atlas;
        this.volumes = volumes;
        this.listedRegions = listedRegions;
        this.detection = detection;
        this.registrar = registrar;
    }

    /** Runs the steps not yet done; returns the number of mapped cells. */
    long run(SampleInput input, SampleFolder folder, Progress progress) throws IOException {
        if (!folder.detected()) {
            DetectionRun.Result r = DetectionRun.run(input.sampleId(), input.signal(), input.signalRead(), detection, progress.slice(0, 0.5));
            CsvTableWriter.write(folder.cells(), DetectionRun.CELLS, r.cellRows());
        }
        progress.checkCanceled();
        if (!folder.registered()) {
            registrar.register(atlas, input, folder.registration(), progress.slice(0.5, 0.9));
        }
        progress.checkCanceled();
        return map(input, folder, progress.slice(0.9, 1));
    }

    private long map(SampleInput input, SampleFolder folder, Progress progress) throws IOException {
        CsvTable cells = CsvTable.read(folder.cells());
        CellPositions positions = CellPositions.from(cells).shifted(input.signalOffsetUm());
        Path transformDir = folder.registration().resolve(LinearRegistration.TRANSFORM_FOLDER);
        AtlasTransform transform = AtlasTransform.load(transformDir);
        List<MappedCell> mapped = CellMapper.of(atlas, transform, transformDir).map(positions, progress);
        String key = atlas.identity().key();
        MappedCellTable.write(folder.mapped(), cells, mapped, atlas.ontology(), key);
        List<Object[]> counts = RegionCounts.rows(input.sampleId(), key, mapped, atlas.ontology(), volumes, listedRegions);
        CsvTableWriter.write(folder.counts(), RegionCounts.SCHEMA, counts);
        return mapped.size();
    }

    static InputException unwritable(Path file, IOException e) {
        return InputException.file(file, "could not be written (" + e + ")", "Check the free space and that the folder is writable", e);
    }
}
