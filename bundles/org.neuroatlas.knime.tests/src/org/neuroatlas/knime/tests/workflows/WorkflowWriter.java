package org.neuroatlas.knime.tests.workflows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.config.base.AbstractConfigEntry;
import org.knime.core.node.config.base.ConfigEntries;
import org.neuroatlas.knime.tests.workflows.WorkflowSpec.Link;
import org.neuroatlas.knime.tests.workflows.WorkflowSpec.Node;
import org.neuroatlas.knime.tests.workflows.WorkflowSpec.Note;
import org.neuroatlas.knime.tests.workflows.WorkflowSpec.Variable;

/**
 * Writes a {@link WorkflowSpec} as the folder KNIME 5.1+ opens: {@code workflow.knime} and one {@code Name (#id)/
 * settings.xml} per node, unexecuted (no port data). Each node's {@code model} settings are what its own NodeModel
 * saves after loading the spec's values, so keys and types are exactly the node's.
 */
public final class WorkflowWriter {

    /** The KNIME version the files declare: the oldest the nodes support. */
    static final String KNIME_VERSION = "5.1.0";
    static final String VARIABLES_VERSION = "V_2019_09_13";
    static final String BUNDLE_NAME = "NeuroAtlas KNIME nodes";
    static final String BUNDLE = "org.neuroatlas.knime";
    static final String VENDOR = "NeuroAtlas";
    static final String FEATURE_NAME = "NeuroAtlas: whole-brain cell and axon mapping";
    static final String FEATURE = "org.neuroatlas.feature.feature.group";
    /** Node icon box size KNIME uses for native nodes, px. */
    static final int NODE_W = 75;
    static final int NODE_H = 80;
    /** Annotation format version of KNIME 3.x–5.x plain-text annotations. */
    static final int ANNOTATION_VERSION = 20151123;

    private WorkflowWriter() {
    }

    /** Writes {@code spec} into {@code dir} (created; existing files are replaced). */
    public static void write(WorkflowSpec spec, Path dir) throws Exception {
        Files.createDirectories(dir);
        for (Node n : spec.nodes()) {
            Path settingsFile = dir.resolve(nodeFolder(n)).resolve("settings.xml");
            Files.createDirectories(settingsFile.getParent());
            save(nodeSettings(spec, n), settingsFile);
        }
        save(workflow(spec), dir.resolve("workflow.knime"));
    }

    /** The node's folder name, {@code Name (#id)}, as KNIME names it. */
    static String nodeFolder(Node n) throws Exception {
        return NodeModels.name(n.factory()) + " (#" + n.id() + ")";
    }

    private static NodeSettings workflow(WorkflowSpec spec) throws Exception {
        NodeSettings w = new NodeSettings("workflow.knime");
        w.addString("created_by", KNIME_VERSION);
        w.addBoolean("created_by_nightly", false);
        w.addString("version", KNIME_VERSION);
        w.addString("name", null);
        w.addString("customDescription", null);
        w.addString("state", "IDLE");
        w.addNodeSettings("workflow_credentials");
        NodeSettingsWO vars = w.addNodeSettings("workflow_variables");
        int i = 0;
        for (Variable v : spec.variables()) {
            NodeSettingsWO s = vars.addNodeSettings("Var_" + i++);
            s.addString("name", v.name());
            s.addString("class", v.type().savedClass);
            switch (v.type()) {
                case STRING -> s.addString("value", v.value());
                case DOUBLE -> s.addDouble("value", Double.parseDouble(v.value()));
                case INTEGER -> s.addInt("value", Integer.parseInt(v.value()));
            }
        }
        NodeSettingsWO notes = w.addNodeSettings("annotations");
        i = 0;
        for (Note n : spec.notes()) {
            annotation(notes.addNodeSettings("annotation_" + i++), n.text(), n.x(), n.y(), n.w(), n.h(), "LEFT", 16777215, 2, 13421772);
        }
        NodeSettingsWO nodes = w.addNodeSettings("nodes");
        for (Node n : spec.nodes()) {
            NodeSettingsWO s = nodes.addNodeSettings("node_" + n.id());
            s.addInt("id", n.id());
            s.addString("node_settings_file", nodeFolder(n) + "/settings.xml");
            s.addBoolean("node_is_meta", false);
            s.addString("node_type", "NativeNode");
            s.addString("ui_classname", "org.knime.core.node.workflow.NodeUIInformation");
            s.addNodeSettings("ui_settings").addIntArray("extrainfo.node.bounds", n.x(), n.y(), NODE_W, NODE_H);
        }
        NodeSettingsWO links = w.addNodeSettings("connections");
        i = 0;
        for (Link l : spec.links()) {
            NodeSettingsWO s = links.addNodeSettings("connection_" + i++);
            s.addInt("sourceID", l.source());
            s.addInt("destID", l.dest());
            // Port 0 of a native node is its flow-variable port: data ports start at 1.
            s.addInt("sourcePort", l.sourcePort() + 1);
            s.addInt("destPort", l.destPort() + 1);
            s.addString("ui_classname", "org.knime.core.node.workflow.ConnectionUIInformation");
            s.addNodeSettings("ui_settings").addInt("extrainfo.conn.bendpoints_size", 0);
        }
        NodeSettingsWO editor = w.addNodeSettings("workflow_editor_settings");
        editor.addBoolean("workflow.editor.snapToGrid", true);
        editor.addBoolean("workflow.editor.ShowGrid", false);
        editor.addInt("workflow.editor.gridX", 20);
        editor.addInt("workflow.editor.gridY", 20);
        editor.addDouble("workflow.editor.zoomLevel", 1.0);
        editor.addBoolean("workflow.editor.curvedConnections", false);
        editor.addInt("workflow.editor.connectionWidth", 1);
        return w;
    }

    private static NodeSettings nodeSettings(WorkflowSpec spec, Node n) throws Exception {
        NodeModel model = NodeModels.factory(n.factory()).createNodeModel();
        NodeSettings values = new NodeSettings("model");
        NodeModels.save(model, values);
        n.settings().forEach((k, v) -> put(values, k, v, n));
        n.variables().forEach((k, var) -> put(values, k, variableValue(spec, var), n));
        // Through the node's own validation and loading, then saved as the node saves: exactly its keys and types.
        NodeModels.validate(model, values);
        NodeModels.load(model, values);

        NodeSettings s = new NodeSettings("settings.xml");
        s.addString("node_file", "settings.xml");
        s.addNodeSettings("flow_stack");
        s.addNodeSettings("internal_node_subsettings").addString("memory_policy", "CacheSmallInMemory");
        NodeModels.save(model, s.addNodeSettings("model"));
        if (!n.variables().isEmpty()) {
            NodeSettingsWO vars = s.addNodeSettings("variables");
            vars.addString("version", VARIABLES_VERSION);
            NodeSettingsWO tree = vars.addNodeSettings("tree");
            n.variables().forEach((key, var) -> {
                NodeSettingsWO e = tree.addNodeSettings(key);
                e.addString("used_variable", var);
                e.addString("exposed_variable", null);
            });
        }
        annotation(s.addNodeSettings("nodeAnnotation"), n.label(), n.x() - 50, n.y() + NODE_H, NODE_W + 100, 30, "CENTER", 16777215, 0, 16777215);
        s.addString("customDescription", null);
        s.addString("state", "IDLE");
        s.addString("factory", n.factory());
        s.addString("node-name", NodeModels.name(n.factory()));
        s.addString("node-bundle-name", BUNDLE_NAME);
        s.addString("node-bundle-symbolic-name", BUNDLE);
        s.addString("node-bundle-vendor", VENDOR);
        s.addString("node-feature-name", FEATURE_NAME);
        s.addString("node-feature-symbolic-name", FEATURE);
        s.addString("node-feature-vendor", VENDOR);
        s.addNodeSettings("factory_settings");
        s.addString("name", NodeModels.name(n.factory()));
        s.addBoolean("hasContent", false);
        s.addBoolean("isInactive", false);
        NodeSettingsWO ports = s.addNodeSettings("ports");
        int outPorts = NodeModels.outPorts(model);
        for (int p = 1; p <= outPorts; p++) {
            NodeSettingsWO port = ports.addNodeSettings("port_" + p);
            port.addInt("index", p);
            port.addString("port_dir_location", null);
        }
        NodeSettingsWO stores = s.addNodeSettings("filestores");
        stores.addString("file_store_location", null);
        stores.addString("file_store_id", null);
        return s;
    }

    private static Object variableValue(WorkflowSpec spec, String name) {
        Variable v = spec.variables().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no workflow variable " + name));
        return switch (v.type()) {
            case STRING -> v.value();
            case DOUBLE -> Double.valueOf(v.value());
            case INTEGER -> Integer.valueOf(v.value());
        };
    }

    /** Replaces an existing setting's value, keeping its type: a spec can't invent keys or change types. */
    private static void put(NodeSettings s, String key, Object value, Node n) {
        AbstractConfigEntry e = s.getEntry(key);
        if (e == null) {
            throw new IllegalArgumentException(n.factory() + " has no setting '" + key + "'");
        }
        ConfigEntries type = e.getType();
        if (type == ConfigEntries.xstring && value instanceof String v) {
            s.addString(key, v);
        } else if (type == ConfigEntries.xdouble && value instanceof Number v) {
            s.addDouble(key, v.doubleValue());
        } else if (type == ConfigEntries.xint && value instanceof Integer v) {
            s.addInt(key, v);
        } else if (type == ConfigEntries.xboolean && value instanceof Boolean v) {
            s.addBoolean(key, v);
        } else {
            throw new IllegalArgumentException(n.factory() + ": setting '" + key + "' is " + type + ", not " + value.getClass().getSimpleName());
        }
    }

    private static void annotation(NodeSettingsWO a, String text, int x, int y, int w, int h, String alignment, int bg, int border, int borderColor) {
        a.addString("text", text);
        a.addInt("bgcolor", bg);
        a.addInt("x-coordinate", x);
        a.addInt("y-coordinate", y);
        a.addInt("width", w);
        a.addInt("height", h);
        a.addString("alignment", alignment);
        a.addInt("borderSize", border);
        a.addInt("borderColor", borderColor);
        a.addInt("defFontSize", 11);
        a.addInt("annotation-version", ANNOTATION_VERSION);
        a.addNodeSettings("styles");
    }

    private static void save(NodeSettings s, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            s.saveToXML(out);
        }
    }
}
