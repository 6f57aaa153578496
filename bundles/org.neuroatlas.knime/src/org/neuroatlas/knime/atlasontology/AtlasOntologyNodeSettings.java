package org.neuroatlas.knime.atlasontology;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.neuroatlas.core.atlas.SummaryLevel;
import org.neuroatlas.knime.common.AtlasSettings;
import org.neuroatlas.knime.common.NodeSettingsSupport;

/** Settings of the Atlas Ontology node. */
final class AtlasOntologyNodeSettings extends NodeSettingsSupport {

    final AtlasSettings atlas = new AtlasSettings(this);
    final SettingsModelString level = add(new SettingsModelString("summary_level", "all"), "Summary level");

    @Override
    protected AtlasOntologyNodeSettings newInstance() {
        return new AtlasOntologyNodeSettings();
    }

    @Override
    public void check(boolean filesMustExist) throws InvalidSettingsException {
        atlas.check(filesMustExist);
        checked(() -> SummaryLevel.parse(level.getStringValue(), "Summary level"));
    }
}
