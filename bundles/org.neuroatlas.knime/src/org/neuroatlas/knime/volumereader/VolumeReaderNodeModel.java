package org.neuroatlas.knime.volumereader;

import java.nio.file.Path;
import java.util.List;

import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortType;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.study.SampleSheet;
import org.neuroatlas.core.study.VolumeTable;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.VolumeHeader;
import org.neuroatlas.core.volume.Volumes;
import org.neuroatlas.knime.common.KnimeProgress;
import org.neuroatlas.knime.common.KnimeTables;
import org.neuroatlas.knime.common.SettingsNodeModel;

/**
 * Reads volume headers (never voxels) and outputs the volume table. The sample sheet comes from the optional input
 * table when one is connected (e.g. the Cohort Simulator's), else from the settings.
 */
final class VolumeReaderNodeModel extends SettingsNodeModel<VolumeReaderNodeSettings> {

    /** How errors name the input table. */
    static final String SHEET_TABLE = "sample sheet table (input port)";

    VolumeReaderNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE_OPTIONAL}, new PortType[] {BufferedDataTable.TYPE}, new VolumeReaderNodeSettings());
    }

    /** {@code inSpecs[0]} is null when no sample sheet table is connected. */
    @Override
    protected DataTableSpec[] configure(DataTableSpec[] inSpecs) throws InvalidSettingsException {
        settings().check(true);
        settings().checkSource(inSpecs[0]);
        if (inSpecs[0] != null && !settings().isSampleSheet()) {
            setWarningMessage("A sample sheet table is connected: it is read, and the single-volume settings are ignored");
        }
        return new DataTableSpec[] {KnimeTables.spec(VolumeTable.SCHEMA)};
    }

    @Override
    protected BufferedDataTable[] execute(BufferedDataTable[] inData, ExecutionContext exec) throws Exception {
        List<Object[]> rows = KnimeProgress.run(exec, p -> rows(inData[0], p));
        return new BufferedDataTable[] {table(exec, VolumeTable.SCHEMA, rows)};
    }

    /**
     * The volume table rows for the current settings (package-private: the OSGi tests call it).
     *
     * @param sheetTable the sample sheet table at the input port; null if none is connected
     */
    List<Object[]> rows(DataTable sheetTable, Progress progress) {
        ReadOptions options = settings().readOptions();
        if (sheetTable != null) {
            return VolumeTable.rows(SampleSheet.fromRows(KnimeTables.text(SHEET_TABLE, sheetTable)), options, progress);
        }
        if (settings().isSampleSheet()) {
            return VolumeTable.rows(SampleSheet.read(settings().pathValue()), options, progress);
        }
        Path p = settings().pathValue();
        VolumeHeader h = Volumes.readHeader(p, options);
        String id = settings().sampleId.getStringValue().isBlank() ? stem(p) : settings().sampleId.getStringValue().trim();
        progress.report(1, id);
        return List.<Object[]>of(VolumeTable.row(id, settings().group.getStringValue().trim(), settings().doseMgKg.getDoubleValue(),
                settings().channel.getStringValue().trim(), h));
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.indexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
