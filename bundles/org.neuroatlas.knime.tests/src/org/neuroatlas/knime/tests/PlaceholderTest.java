package org.neuroatlas.knime.tests;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;
public class PlaceholderTest { @Test void loads() { assertNotNull(new org.neuroatlas.knime.Placeholder()); } }
