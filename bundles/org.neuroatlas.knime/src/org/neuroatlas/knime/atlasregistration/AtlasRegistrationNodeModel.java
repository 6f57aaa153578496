package org.neuroatlas.knime.atlasregistration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.image.png.PNGImageCellFactory;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.detect.run.VolumeRow;
import org.neuroatlas.core.register.RegistrationImages;
import org.neuroatlas.core.register.RegistrationRun;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.Volumes;
import org.neuroatlas.knime.common.KnimeProgress;
import org.neuroatlas.knime.common.KnimeTables;
import org.neuroatlas.knime.common.SettingsNodeModel;

/**
 * Registers the chosen channel's volume of every sample of the volume table to the atlas template, one sample
 * after the other (each registration uses all its threads), writing one registration folder per sample
 * ({@code <output folder>/<sample_id>/}, as {@code neuroatlas register} writes it); outputs one row per sample with
 * the folder, the quality figures and the coronal QC picture.
 */
final class AtlasRegistrationNodeModel extends SettingsNodeModel<AtlasRegistrationNodeSettings> {

    /** How errors name the input table. */
    static final String VOLUME_TABLE = "volume table (input port)";
    /** The QC picture column after the engine's columns: a KNIME PNG image (the engine's tables hold no images). */
    static final String QC_IMAGE = "qc_image";
    /** Which of the registration folder's QC pictures goes into the table (all three are in the folder). */
    static final String QC_FILE = RegistrationImages.QC_FILES.get(0);

    AtlasRegistrationNodeModel() {
        super(1, 1, new AtlasRegistrationNodeSettings());
    }

    /** The output spec: {@link RegistrationRun#SUMMARY}'s columns, then {@value #QC_IMAGE}. */
    static DataTableSpec outputSpec() {
        DataTableSpec engine = KnimeTables.spec(RegistrationRun.SUMMARY);
        DataColumnSpec[] columns = new DataColumnSpec[engine.getNumColumns() + 1];
        for (int i = 0; i < engine.getNumColumns(); i++) {
            columns[i] = engine.getColumnSpec(i);
        }
        columns[columns.length - 1] = new DataColumnSpecCreator(QC_IMAGE, PNGImageCellFactory.TYPE).createSpec();
        return new DataTableSpec(columns);
    }

    @Override
    protected DataTableSpec[] configure(DataTableSpec[] inSpecs) throws InvalidSettingsException {
        settings().check(true);
        settings().checkInput(inSpecs[0]);
        return new DataTableSpec[] {outputSpec()};
    }

    @Override
    protected BufferedDataTable[] execute(BufferedDataTable[] inData, ExecutionContext exec) throws Exception {
        Path out = settings().outputFolderValue();
        BufferedDataContainer table = exec.createDataContainer(outputSpec());
        List<String> concerns = new ArrayList<>();
        KnimeProgress.run(exec, p -> register(inData[0], out, p, table::addRowToTable, concerns::add));
        table.close();
        if (!concerns.isEmpty()) {
            // Recoverable: the folders are written and may be fine; the user decides from the QC images.
            setWarningMessage(String.join("; ", concerns) + " (see qc_image)");
        }
        return new BufferedDataTable[] {table.getTable()};
    }

    /**
     * Registers every selected volume into {@code outputFolder}, handing over one output row per sample as soon as
     * it is done (package-private: the OSGi tests call it).
     *
     * @param concerns receives "sample: what looks wrong" for registrations that may have gone wrong
     * @return the number of samples registered
     */
    int register(DataTable volumeTable, Path outputFolder, Progress progress, Consumer<DataRow> rows, Consumer<String> concerns) throws IOException {
        RegistrationRun.Settings settings = settings().registrationSettings();
        List<VolumeRow> volumes = VolumeRow.select(KnimeTables.text(VOLUME_TABLE, volumeTable), settings().channelValue());
        // Two rows of one sample would write the same folder: refuse before any work.
        Set<String> ids = new HashSet<>();
        for (VolumeRow v : volumes) {
            if (!ids.add(v.sampleId())) {
                throw InputException.table(VOLUME_TABLE, "sample '" + v.sampleId() + "' has two rows with channel '" + v.channel() + "'",
                        "Give each sample one " + v.channel() + " volume");
            }
            RegistrationRun.sampleFolder(outputFolder, v.sampleId());
        }
        int n = volumes.size();
        try (Atlas atlas = settings().atlas.open(progress.slice(0, 0.02))) {
            Progress all = progress.slice(0.02, 1);
            for (int i = 0; i < n; i++) {
                all.checkCanceled();
                VolumeRow v = volumes.get(i);
                Path folder = RegistrationRun.sampleFolder(outputFolder, v.sampleId());
                Progress sample = all.slice((double) i / n, (i + 1.0) / n);
                RegistrationRun.Outcome o;
                try (Volume<?> volume = Volumes.open(v.path(), v.readOptions())) {
                    o = RegistrationRun.run(atlas, volume, settings, folder, sample);
                } catch (InputException e) {
                    // Name the sample: the engine's message names the file or parameter only.
                    throw new InputException("Sample " + v.sampleId() + ": " + e.getMessage(), e);
                }
                rows.accept(KnimeTables.row(i, RegistrationRun.SUMMARY, o.summaryRow(v.sampleId()), qcImage(folder)));
                o.concerns().forEach(c -> concerns.accept("Sample " + v.sampleId() + ": " + c));
            }
        }
        return n;
    }

    /** The registration folder's coronal QC picture as a KNIME PNG image cell. */
    private static DataCell qcImage(Path folder) throws IOException {
        return PNGImageCellFactory.create(Files.readAllBytes(folder.resolve(QC_FILE)));
    }
}
