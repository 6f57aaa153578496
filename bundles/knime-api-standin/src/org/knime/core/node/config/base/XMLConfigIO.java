package org.knime.core.node.config.base;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Stand-in for KNIME's XMLConfig/XMLContentHandler (package-private, not API). Writes the document KNIME 5.x writes
 * (its SAX TransformerHandler with indent=yes on Java 17): XML declaration on its own line, one element per line
 * indented by four spaces per level, root element carrying the XMLConfig namespace and schema location, entries as
 * {@code <entry key type [isnull] value/>}, sub configs as {@code <config key>} (empty ones self-closed); control
 * characters and '%%' sequences escaped as "%%ddddd" like KNIME.
 */
final class XMLConfigIO {

    private XMLConfigIO() {
    }

    static void save(final ConfigBase config, final OutputStream out) throws IOException {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            write(config, w, 0);
        }
    }

    private static void indent(final Writer w, final int depth) throws IOException {
        for (int i = 0; i < depth; i++) {
            w.write("    ");
        }
    }

    private static void write(final ConfigBase c, final Writer w, final int depth) throws IOException {
        indent(w, depth);
        w.write("<config");
        if (depth == 0) {
            attr(w, "xmlns", "http://www.knime.org/2008/09/XMLConfig");
            attr(w, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
            attr(w, "xsi:schemaLocation",
                "http://www.knime.org/2008/09/XMLConfig http://www.knime.org/XMLConfig_2008_09.xsd");
        }
        attr(w, "key", c.getKey());
        if (c.keySet().isEmpty()) {
            w.write("/>\n");
            return;
        }
        w.write(">\n");
        for (String key : c.keySet()) {
            AbstractConfigEntry e = c.getEntry(key);
            if (e instanceof ConfigBase) {
                write((ConfigBase)e, w, depth + 1);
            } else {
                indent(w, depth + 1);
                w.write("<entry");
                attr(w, "key", key);
                attr(w, "type", e.getType().name());
                String value = e.toStringValue();
                if (value == null) {
                    attr(w, "isnull", "true");
                    value = "";
                }
                attr(w, "value", escape(value));
                w.write("/>\n");
            }
        }
        indent(w, depth);
        w.write("</config>\n");
    }

    private static void attr(final Writer w, final String name, final String value) throws IOException {
        w.write(' ');
        w.write(name);
        w.write("=\"");
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '&': w.write("&amp;"); break;
                case '<': w.write("&lt;"); break;
                case '>': w.write("&gt;"); break;
                case '"': w.write("&quot;"); break;
                default: w.write(ch);
            }
        }
        w.write('"');
    }

    /** KNIME's escaping of characters that XML cannot hold: "%%" + five decimal digits. */
    static String escape(final String s) {
        char[] c = s.toCharArray();
        StringBuilder buf = new StringBuilder();
        for (int i = 0; i < c.length; i++) {
            if (c[i] < 32 || c[i] > 0xd7ff || (i < c.length - 1 && c[i] == '%' && c[i + 1] == '%')) {
                buf.append("%%");
                String digits = Integer.toString(c[i]);
                for (int p = digits.length(); p < 5; p++) {
                    buf.append('0');
                }
                buf.append(digits);
            } else {
                buf.append(c[i]);
            }
        }
        return buf.toString();
    }

    static String unescape(final String s) {
        if (s == null) {
            return null;
        }
        char[] c = s.toCharArray();
        StringBuilder buf = new StringBuilder();
        for (int i = 0; i < c.length; i++) {
            if (c[i] == '%' && i < c.length - 6 && c[i + 1] == '%' && Character.isDigit(c[i + 2])
                && Character.isDigit(c[i + 3]) && Character.isDigit(c[i + 4]) && Character.isDigit(c[i + 5])
                && Character.isDigit(c[i + 6])) {
                buf.append((char)((c[i + 2] - '0') * 10000 + (c[i + 3] - '0') * 1000 + (c[i + 4] - '0') * 100
                    + (c[i + 5] - '0') * 10 + (c[i + 6] - '0')));
                i += 6;
            } else {
                buf.append(c[i]);
            }
        }
        return buf.toString();
    }

    static void load(final ConfigBase target, final InputStream in) throws IOException {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setValidating(false);
            f.setNamespaceAware(false);
            try {
                f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            } catch (Exception e) { // NOSONAR feature not supported: keep defaults
            }
            XMLReader reader = f.newSAXParser().getXMLReader();
            Handler h = new Handler(target);
            reader.setContentHandler(h);
            reader.setErrorHandler(h);
            reader.parse(new InputSource(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (SAXException | ParserConfigurationException | RuntimeException e) {
            throw new IOException("Unable to parse xml: " + e.getMessage(), e);
        }
    }

    private static final class Handler extends DefaultHandler {
        private final Deque<ConfigBase> m_stack = new ArrayDeque<>();
        private boolean m_first = true;

        Handler(final ConfigBase root) {
            m_stack.push(root);
        }

        @Override
        public void startElement(final String uri, final String localName, final String qName,
            final Attributes atts) throws SAXException {
            ConfigBase peek = m_stack.peek();
            if ("config".equals(qName)) {
                if (m_first) {
                    m_first = false;
                    peek.setRootKey(atts.getValue("key"));
                } else {
                    m_stack.push(peek.addConfigBase(atts.getValue("key")));
                }
            } else if ("entry".equals(qName)) {
                if (m_first) {
                    throw new SAXException("First element in xml is not a config");
                }
                String key = atts.getValue("key");
                String type = atts.getValue("type");
                String value = unescape(atts.getValue("value"));
                ConfigEntries t;
                try {
                    t = ConfigEntries.valueOf(type);
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new SAXException("Invalid type ('" + type + "') for key '" + key + "' in XML file.");
                }
                if (t == ConfigEntries.config) {
                    throw new SAXException("Do not call this method on sub config entries");
                }
                if ("true".equals(atts.getValue("isnull"))) {
                    value = null;
                }
                peek.addEntry(ValueEntry.parse(t, key, value));
            } else {
                throw new SAXException("\"" + qName + "\" is not a valid tag name.");
            }
        }

        @Override
        public void endElement(final String uri, final String localName, final String qName) {
            if ("config".equals(qName) && m_stack.size() > 1) {
                m_stack.pop();
            }
        }

        @Override
        public void warning(final SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void error(final SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
