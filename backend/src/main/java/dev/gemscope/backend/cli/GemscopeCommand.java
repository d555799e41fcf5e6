package dev.gemscope.backend.cli;

import dev.gemscope.backend.snapshot.BuildInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The top-level {@code gemscope} command. */
@Command(name = "gemscope", mixinStandardHelpOptions = true, versionProvider = GemscopeCommand.Version.class,
        description = "Inspect DRM GEM objects, dma-bufs and PRIME buffer sharing on Linux.",
        subcommands = {CollectCommand.class, LsCommand.class, GraphCommand.class, ShowCommand.class,
                WorkloadCommand.class, VerifyWorkloadCommand.class, ProbeCommand.class, SelfCheckCommand.class,
                WatchCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:partial visibility (only with --strict)", "2:bad usage or unreadable input"})
final class GemscopeCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code --version}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {BuildInfo.writtenBy()};
        }
    }
}
