package dev.gemscope.backend.cli;

import picocli.CommandLine;

/** Entry point of the {@code gemscope} command line. */
public final class Main {

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
        CommandLine cli = new CommandLine(new GemscopeCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, ignored) -> {
            ex.getCommandLine().getErr().println("gemscope: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'gemscope " + ex.getCommandLine().getCommandName().replace("gemscope", "").trim()
                    + " --help'.".replace("  ", " "));
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InputException input) {
                commandLine.getErr().println("gemscope: " + input.getMessage());
                return ExitCodes.USAGE;
            }
            throw ex;
        });
        return cli.execute(args);
    }
}
