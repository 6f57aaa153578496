package org.neuroatlas.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.neuroatlas.knime.common.SettingsNodeModel;

/** Every node's default settings survive save → XML → validate → load → save unchanged. */
class SettingsRoundTripTest {

    @Test
    void defaultsRoundTripThroughXml() throws Exception {
        for (String factoryName : OsgiTestSupport.registeredFactories()) {
            NodeFactory<?> f = (NodeFactory<?>) OsgiTestSupport.nodeBundle().loadClass(factoryName).getConstructor().newInstance();
            SettingsNodeModel<?> a = (SettingsNodeModel<?>) f.createNodeModel();
            NodeSettings saved = new NodeSettings("model");
            a.settings().saveSettingsTo(saved);
            String text = SettingsXml.of(saved);
            NodeSettingsRO loaded = NodeSettings.loadFromXML(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            SettingsNodeModel<?> b = (SettingsNodeModel<?>) f.createNodeModel();
            // Defaults must be loadable (a fresh node); validation of values happens in configure.
            b.settings().loadValidatedSettingsFrom(loaded);
            NodeSettings again = new NodeSettings("model");
            b.settings().saveSettingsTo(again);
            assertEquals(text, SettingsXml.of(again), factoryName);
        }
    }
}
