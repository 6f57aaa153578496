package org.neuroatlas.knime.celldetector;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.detect.DetectionSettings;
import org.neuroatlas.core.detect.run.DetectionRun;
import org.neuroatlas.core.detect.run.VolumeRow;
import org.neuroatlas.knime.common.KnimeProgress;
import org.neuroatlas.knime.common.KnimeTables;
import org.neuroatlas.knime.common.SettingsNodeModel;

/**
 * Detects cells in the chosen channel's volume of every sample of the volume table, one sample after the other
 * (each detection uses all its threads); outputs the cells of all samples and one summary row per sample. Volumes
 * are read lazily, chunk by chunk, so memory does not depend on their size.
 */
final class CellDetectorNodeModel extends SettingsNodeModel<CellDetectorNodeSettings> {

    /** How errors name the input table. */
    static final String VOLUME_TABLE = "volume table (input port)";

    CellDetectorNodeModel() {
        super(1, 2, new CellDetectorNodeSettings());
    }

    /** Index of the cell count in {@link DetectionRun#SUMMARY}. */
    private static final int SUMMARY_CELLS = DetectionRun.SUMMARY.indexOf("cells");

    @Override
    protected DataTableSpec[] configure(DataTableSpec[] inSpecs) throws InvalidSettingsException {
        settings().check(true);
        settings().checkInput(inSpecs[0]);
        return new DataTableSpec[] {KnimeTables.spec(DetectionRun.CELLS), KnimeTables.spec(DetectionRun.SUMMARY)};
    }

    @Override
    protected BufferedDataTable[] execute(BufferedDataTable[] inData, ExecutionContext exec) throws Exception {
        BufferedDataContainer cells = exec.createDataContainer(KnimeTables.spec(DetectionRun.CELLS));
        BufferedDataContainer summary = exec.createDataContainer(KnimeTables.spec(DetectionRun.SUMMARY));
        long[] keys = new long[2];
        List<String> withoutCells = new ArrayList<>();
        KnimeProgress.run(exec, p -> detect(inData[0], p, row -> cells.addRowToTable(KnimeTables.row(keys[0]++, DetectionRun.CELLS, row)), row -> {
            summary.addRowToTable(KnimeTables.row(keys[1]++, DetectionRun.SUMMARY, row));
            if (((Number) row[SUMMARY_CELLS]).longValue() == 0) {
                withoutCells.add((String) row[0]);
            }
        }));
        cells.close();
        summary.close();
        if (!withoutCells.isEmpty()) {
            // Recoverable (a region-less crop, a control without staining), but more often a wrong channel or threshold.
            setWarningMessage("No cells found in " + String.join(", ", withoutCells) + ": check Channel and Threshold value");
        }
        return new BufferedDataTable[] {cells.getTable(), summary.getTable()};
    }

    /**
     * Detects the cells of every selected volume, handing over the rows of both tables sample by sample, so that
     * only one sample's cells are held at a time (package-private: the OSGi tests call it).
     *
     * @return the number of samples processed
     */
    int detect(DataTable volumeTable, Progress progress, Consumer<Object[]> cellRows, Consumer<Object[]> summaryRows) {
        DetectionSettings settings = settings().detectionSettings();
        List<VolumeRow> rows = VolumeRow.select(KnimeTables.text(VOLUME_TABLE, volumeTable), settings().channelValue());
        int n = rows.size();
        for (int i = 0; i < n; i++) {
            progress.checkCanceled();
            VolumeRow row = rows.get(i);
            Progress sample = progress.slice((double) i / n, (i + 1.0) / n).labelled(row.sampleId() + " (" + (i + 1) + " of " + n + ")");
            DetectionRun.Result r = DetectionRun.run(row, settings, sample);
            r.cellRows().forEach(cellRows);
            summaryRows.accept(r.summaryRow());
        }
        return n;
    }
}
