package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.config.Config;
import org.knime.core.node.config.ConfigWO;

/** Working in-memory settings tree; saveToXML/loadFromXML read and write KNIME's XMLConfig format. */
@SuppressWarnings("serial")
public final class NodeSettings extends Config implements NodeSettingsRO, NodeSettingsWO {

    public NodeSettings(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new NodeSettings(key);
    }

    /** Reads settings from XMLConfig; the stream is closed by this call. */
    public static NodeSettingsRO loadFromXML(final InputStream in) throws IOException {
        if (in == null) {
            throw new NullPointerException();
        }
        NodeSettings tmp = new NodeSettings("ignored");
        tmp.load(in);
        return tmp;
    }

    @Override
    public void copyTo(final ConfigWO dest) {
        super.copyTo(dest);
    }

    @Override
    public NodeSettingsWO addNodeSettings(final String key) {
        return (NodeSettings)super.addConfig(key);
    }

    @Override
    public void addNodeSettings(final NodeSettings settings) {
        super.addConfig(settings);
    }

    @Override
    public NodeSettings getNodeSettings(final String key) throws InvalidSettingsException {
        return (NodeSettings)super.getConfig(key);
    }
}
