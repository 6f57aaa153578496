package org.neuroatlas.knime.volumereader;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.knime.core.node.NodeSettings;

/** Test helper: the XML a model's settings save to. */
final class SettingsRoundTripXml {

    private SettingsRoundTripXml() {
    }

    static String of(VolumeReaderNodeModel m) throws Exception {
        NodeSettings s = new NodeSettings("model");
        m.settings().saveSettingsTo(s);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.saveToXML(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
