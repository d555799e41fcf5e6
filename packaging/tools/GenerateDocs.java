import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.gemscope.backend.cli.Main;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build-time tool for packaging/build.sh (run with the JDK's source launcher, never shipped):
 * writes the CLI's man pages as AsciiDoc (picocli's ManPageGenerator; asciidoctor makes troff of
 * them) and its bash completion script (picocli's AutoComplete), under the installed command name.
 *
 * <p>Usage: {@code java -cp JARS GenerateDocs.java OUTDIR COMMAND-NAME}
 */
public final class GenerateDocs {

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: GenerateDocs OUTDIR COMMAND-NAME");
            System.exit(2);
        }
        File dir = new File(args[0]);
        String name = args[1];
        // The same command tree the launcher runs, named as the launcher names it.
        System.setProperty(Main.COMMAND_PROPERTY, name);
        CommandLine cli = Main.commandLine();
        int rc = ManPageGenerator.generateManPage(dir, null, new boolean[1], false, cli.getCommandSpec());
        if (rc != 0) {
            System.err.println("GenerateDocs: ManPageGenerator exited " + rc);
            System.exit(1);
        }
        Files.writeString(Path.of(args[0], name + ".bash"), AutoComplete.bash(name, cli));
    }
}
