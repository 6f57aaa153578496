package org.neuroatlas.knime.tests.workflows;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortType;
import org.neuroatlas.knime.tests.OsgiTestSupport;
import org.w3c.dom.Element;

/**
 * A node as KNIME sees it when it loads a workflow: its factory, its name (from the node description), its ports, and
 * its NodeModel's own settings methods (protected in KNIME's API, so called the way the framework does).
 */
final class NodeModels {

    private NodeModels() {
    }

    static NodeFactory<?> factory(String factoryClass) throws Exception {
        return (NodeFactory<?>) OsgiTestSupport.nodeBundle().loadClass(factoryClass).getConstructor().newInstance();
    }

    /** The node's name as its description declares it (KNIME's {@code NodeFactory.getNodeName()}). */
    static String name(String factoryClass) throws Exception {
        Class<?> cls = OsgiTestSupport.nodeBundle().loadClass(factoryClass);
        Element root = OsgiTestSupport.xml(cls.getResource(cls.getSimpleName() + ".xml")).getDocumentElement();
        return OsgiTestSupport.children(root).stream().filter(e -> "name".equals(e.getLocalName())).findFirst().orElseThrow()
                .getTextContent().trim();
    }

    static int inPorts(NodeModel m) throws Exception {
        return (Integer) call(m, "getNrInPorts", new Class<?>[0]);
    }

    static int outPorts(NodeModel m) throws Exception {
        return (Integer) call(m, "getNrOutPorts", new Class<?>[0]);
    }

    static boolean inPortOptional(NodeModel m, int dataPort) throws Exception {
        return ((PortType) call(m, "getInPortType", new Class<?>[] {int.class}, dataPort)).isOptional();
    }

    /** {@code NodeModel.validateSettings}: throws the node's InvalidSettingsException for settings it would refuse. */
    static void validate(NodeModel m, NodeSettingsRO s) throws Exception {
        call(m, "validateSettings", new Class<?>[] {NodeSettingsRO.class}, s);
    }

    static void load(NodeModel m, NodeSettingsRO s) throws Exception {
        call(m, "loadValidatedSettingsFrom", new Class<?>[] {NodeSettingsRO.class}, s);
    }

    static void save(NodeModel m, NodeSettingsWO s) throws Exception {
        call(m, "saveSettingsTo", new Class<?>[] {NodeSettingsWO.class}, s);
    }

    private static Object call(NodeModel m, String method, Class<?>[] types, Object... args) throws Exception {
        Method declared = NodeModel.class.getDeclaredMethod(method, types);
        declared.setAccessible(true);
        try {
            return declared.invoke(m, args);
        } catch (InvocationTargetException e) {
            // The node's own exception (e.g. InvalidSettingsException), not the reflection wrapper.
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
