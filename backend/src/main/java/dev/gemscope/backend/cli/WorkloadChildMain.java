package dev.gemscope.backend.cli;

import java.nio.file.Path;

import dev.gemscope.backend.workload.ChildProcess;

/** Entry point of one workload child process (started by {@code gemscope workload}, not by users). */
public final class WorkloadChildMain {

    private WorkloadChildMain() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: WorkloadChildMain NAME SOCKET-DIR (started by gemscope workload)");
            System.exit(ExitCodes.USAGE);
        }
        System.exit(ChildProcess.run(args[0], Path.of(args[1]), System.in, System.out));
    }
}
