package org.neuroatlas.knime.tests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.neuroatlas.knime.common.NodeSettingsSupport;

/**
 * Test helper: node settings through the XML a saved workflow holds, as KNIME reads them back (validate, then load).
 * One place for every node's round-trip test.
 */
public final class SettingsXml {

    private SettingsXml() {
    }

    /** The XML {@code settings} save to. */
    public static String of(NodeSettingsSupport settings) throws Exception {
        NodeSettings s = new NodeSettings("model");
        settings.saveSettingsTo(s);
        return of(s);
    }

    /** The XML of saved settings. */
    public static String of(NodeSettings s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.saveToXML(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Validates {@code xml} with {@code into} and loads it there. */
    public static void load(String xml, NodeSettingsSupport into) throws Exception {
        NodeSettingsRO loaded = NodeSettings.loadFromXML(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        into.validateSettings(loaded);
        into.loadValidatedSettingsFrom(loaded);
    }
}
