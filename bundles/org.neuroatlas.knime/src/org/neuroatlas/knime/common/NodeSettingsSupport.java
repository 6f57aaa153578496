package org.neuroatlas.knime.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.neuroatlas.core.InputException;

/**
 * Base of every node's settings class: an ordered set of settings models, each with the label the dialog and the
 * node description use, saved, validated and loaded together.
 */
public abstract class NodeSettingsSupport {

    private final Map<SettingsModel, String> labels = new LinkedHashMap<>();

    /** Registers a settings model with its dialog/description label; returns it for field initialisation. */
    public final <M extends SettingsModel> M add(M model, String label) {
        labels.put(model, label);
        return model;
    }

    /** The models in dialog order. */
    public final List<SettingsModel> models() {
        return List.copyOf(labels.keySet());
    }

    /** Settings key → label, for consistency checks between settings and the node description. */
    public final Map<String, String> labelsByKey() {
        Map<String, String> out = new LinkedHashMap<>();
        labels.forEach((m, l) -> out.put(keyOf(m), l));
        return out;
    }

    private static String keyOf(SettingsModel m) {
        // Every model writes exactly one entry named by its key (plus "<key>_Internals"); read it back that way.
        org.knime.core.node.NodeSettings probe = new org.knime.core.node.NodeSettings("probe");
        m.saveSettingsTo(probe);
        return probe.keySet().stream().filter(k -> !k.endsWith("_Internals")).findFirst().orElseThrow();
    }

    public final void saveSettingsTo(NodeSettingsWO settings) {
        for (SettingsModel m : labels.keySet()) {
            m.saveSettingsTo(settings);
        }
    }

    /** Checks presence and type of every setting, then the node-specific rules on the would-be values. */
    public final void validateSettings(NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : labels.keySet()) {
            m.validateSettings(settings);
        }
        NodeSettingsSupport copy = newInstance();
        copy.loadValidatedSettingsFrom(settings);
        copy.check(false);
    }

    public final void loadValidatedSettingsFrom(NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : labels.keySet()) {
            m.loadSettingsFrom(settings);
        }
    }

    /**
     * Node-specific rules on the values (parseable voxel size, known orientation code, …).
     *
     * @param filesMustExist also check that referenced files exist (in configure, not when validating a dialog)
     */
    public abstract void check(boolean filesMustExist) throws InvalidSettingsException;

    /** A fresh instance with default values (for validation of would-be settings). */
    protected abstract NodeSettingsSupport newInstance();

    /** Runs an engine check, turning its user-facing error into KNIME's settings error. */
    protected static void checked(Runnable engineCheck) throws InvalidSettingsException {
        try {
            engineCheck.run();
        } catch (InputException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }
}
