package org.neuroatlas.core.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code neuroatlas atlas …}: atlas folders — download, inspect, list regions, write the demo atlas. */
@Command(name = "atlas", mixinStandardHelpOptions = true, description = "Atlases: download the Allen CCF, inspect an atlas folder, list its regions.",
        subcommands = {AtlasFetchCommand.class, AtlasInfoCommand.class, AtlasOntologyCommand.class, AtlasDemoCommand.class, CommandLine.HelpCommand.class})
final class AtlasCommand {
}
