package org.neuroatlas.knime.volumereader;

import java.nio.file.Path;
import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.study.SampleSheet;
import org.neuroatlas.core.study.VolumeTable;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.VolumeHeader;
import org.neuroatlas.core.volume.Volumes;
import org.neuroatlas.knime.common.KnimeProgress;
import org.neuroatlas.knime.common.KnimeTables;
import org.neuroatlas.knime.common.SettingsNodeModel;

/** Reads volume headers (never voxels) and outputs the volume table. */
final class VolumeReaderNodeModel extends SettingsNodeModel<VolumeReaderNodeSettings> {

    VolumeReaderNodeModel() {
        super(0, 1, new VolumeReaderNodeSettings());
    }

    @Override
    protected DataTableSpec[] configure(DataTableSpec[] inSpecs) throws InvalidSettingsException {
        settings().check(true);
        return new DataTableSpec[] {KnimeTables.spec(VolumeTable.SCHEMA)};
    }

    @Override
    protected BufferedDataTable[] execute(BufferedDataTable[] inData, ExecutionContext exec) throws Exception {
        List<Object[]> rows = KnimeProgress.run(exec, this::rows);
        return new BufferedDataTable[] {table(exec, VolumeTable.SCHEMA, rows)};
    }

    /** The volume table rows for the current settings (package-private: the OSGi tests call it). */
    List<Object[]> rows(Progress progress) {
        ReadOptions options = settings().readOptions();
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
