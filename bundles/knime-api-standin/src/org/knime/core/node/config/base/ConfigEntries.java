package org.knime.core.node.config.base;

/** Entry types as written to the XMLConfig "type" attribute (5.1 set; xtransientstring is 5.3+). */
public enum ConfigEntries {
    xstring, xint, xdouble, xfloat, xlong, xshort, xbyte, xchar, xboolean, config, xpassword;
}
