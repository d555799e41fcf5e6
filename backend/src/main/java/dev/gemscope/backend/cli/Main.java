package dev.gemscope.backend.cli;

import picocli.CommandLine;

/** Entry point of the {@code gemscope} command line. */
public final class Main {

    /**
     * The name users type, for usage and error messages: {@code gemscope} from the repository; the
     * installed package's launcher is {@code gemscope-cli} and says so with {@code -Dgemscope.command}.
     */
    public static final String COMMAND_PROPERTY = "gemscope.command";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code: 0 ok, 1 partial visibility under --strict, 2 bad usage or input. */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the CLI with the given output streams (for tests and embedding). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /** The whole command tree with its error handling, named as {@link #COMMAND_PROPERTY} says (also for the man page and completion generators). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new GemscopeCommand());
        cli.setCommandName(System.getProperty(COMMAND_PROPERTY, "gemscope"));
        cli.setParameterExceptionHandler((ex, ignored) -> {
            ex.getCommandLine().getErr().println("gemscope: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InputException input) {
                commandLine.getErr().println("gemscope: " + input.getMessage());
                return ExitCodes.USAGE;
            }
            throw ex;
        });
        return cli;
    }
}
