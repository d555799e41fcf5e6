package dev.gemscope.backend.collect;

import dev.gemscope.backend.parse.Numbers;
import dev.gemscope.backend.parse.proc.FdInfo;
import dev.gemscope.backend.parse.proc.FdInfoParser;
import dev.gemscope.backend.parse.proc.FdLink;
import dev.gemscope.backend.parse.proc.FdLinkParser;
import dev.gemscope.backend.parse.proc.GpuMapping;
import dev.gemscope.backend.parse.proc.MapsParser;
import dev.gemscope.backend.parse.proc.ProcMaps;
import dev.gemscope.backend.parse.proc.ProcStatus;
import dev.gemscope.backend.parse.proc.ProcStatusParser;
import dev.gemscope.backend.source.ReadResult;
import dev.gemscope.backend.source.SystemRoot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One pass over {@code /proc}: for each process, its fd links (read with readlink, never followed),
 * the fdinfo of the GPU-related ones, and its maps. Each file is read once; nothing is spawned.
 *
 * <p>Races are normal: a process or fd that vanishes mid-scan is skipped and counted. A process whose
 * fd table is not readable (another user's, without ptrace rights) is counted as denied and named in
 * the visibility report, with what would show it.
 */
final class ProcessScanner {

    private final SystemRoot root;
    private final SourceLog log;

    ProcessScanner(SystemRoot root, SourceLog log) {
        this.root = root;
        this.log = log;
    }

    List<ScannedProcess> scan() {
        SystemRoot.Listing proc = root.list("/proc");
        if (!proc.ok()) {
            log.read("/proc", proc.status(), "", proc.detail());
            log.missing("processes", "holders, mappings and DRM clients", "/proc not readable: " + proc.detail(),
                    "mount procfs (or capture /proc)");
            return List.of();
        }
        List<ScannedProcess> involved = new ArrayList<>();
        FamilyCounter fdinfoReads = new FamilyCounter();
        for (String name : proc.names()) {
            OptionalLong pid = Numbers.decimal(name);
            if (pid.isEmpty() || !name.chars().allMatch(Character::isDigit)) {
                continue;
            }
            scanProcess((int) pid.getAsLong(), fdinfoReads).filter(ScannedProcess::involved).ifPresent(involved::add);
        }
        log.read("/proc/<pid>/fd/<fd>", ReadResult.Status.OK, "", log.processesScanned + " processes");
        log.read("/proc/<pid>/fdinfo/<fd>", fdinfoReads.worst(), fdinfoReads.format(), fdinfoReads.detail());
        return involved;
    }

    private Optional<ScannedProcess> scanProcess(int pid, FamilyCounter fdinfoReads) {
        String base = "/proc/" + pid;
        SystemRoot.Listing fdDir = root.list(base + "/fd");
        if (fdDir.status() == ReadResult.Status.MISSING && !root.exists(base)) {
            log.processesVanished++;
            return Optional.empty();
        }
        log.processesScanned++;
        ReadResult comm = root.read(base + "/comm");
        String commText = comm.ok() ? comm.text().strip() : "?";

        List<ScannedProcess.ScannedFd> fds = new ArrayList<>();
        if (fdDir.status() == ReadResult.Status.DENIED) {
            log.processesDenied++;
            log.missing("pid " + pid + " (" + commText + ")", "open files", "permission denied",
                    "run as root or with CAP_SYS_PTRACE");
        } else if (fdDir.ok()) {
            for (String fdName : fdDir.names()) {
                scanFd(base, fdName, fdinfoReads).ifPresent(fds::add);
            }
        }
        List<GpuMapping> mappings = readMaps(base, pid, commText);
        if (fds.isEmpty() && mappings.isEmpty()) {
            return Optional.of(new ScannedProcess(pid, commText, "", null, fds, mappings));
        }
        // Only involved processes cost the status and cmdline reads: most of /proc holds no GPU file.
        ReadResult status = root.read(base + "/status");
        ProcStatus parsedStatus = status.ok() ? ProcStatusParser.parse(status.text(), status.path()) : null;
        if (!comm.ok() && parsedStatus != null) {
            commText = parsedStatus.name();
        }
        Integer uid = parsedStatus != null && parsedStatus.uidReal().isPresent() ? (int) parsedStatus.uidReal().getAsLong() : null;
        ReadResult cmdline = root.read(base + "/cmdline", 64 * 1024);
        String args = cmdline.ok() ? cmdline.text().replace('\0', ' ').strip() : "";
        return Optional.of(new ScannedProcess(pid, commText, args, uid, fds, mappings));
    }

    private Optional<ScannedProcess.ScannedFd> scanFd(String base, String fdName, FamilyCounter fdinfoReads) {
        OptionalLong fd = Numbers.decimal(fdName);
        if (fd.isEmpty()) {
            return Optional.empty();
        }
        ReadResult link = root.readLink(base + "/fd/" + fdName);
        if (!link.ok()) {
            if (link.status() == ReadResult.Status.MISSING) {
                log.fdsVanished++;
            }
            return Optional.empty();
        }
        FdLink parsed = FdLinkParser.parse(link.text());
        if (!parsed.isDmaBuf() && parsed.kind() != FdLink.Kind.DRM_NODE) {
            return Optional.empty();
        }
        ReadResult info = root.read(base + "/fdinfo/" + fdName);
        fdinfoReads.add(info);
        Optional<FdInfo> fdInfo = Optional.empty();
        if (info.ok()) {
            FdInfo parsedInfo = FdInfoParser.parse(info.text(), info.path());
            log.warnings(parsedInfo.warnings());
            fdinfoReads.format(parsedInfo.header().era().name());
            fdInfo = Optional.of(parsedInfo);
        } else if (info.status() == ReadResult.Status.DENIED) {
            log.missing(base, "fdinfo of GPU fds (buffer identity, DRM client stats)", "permission denied",
                    "run as root or with CAP_SYS_PTRACE (5.14+ needs PTRACE_MODE_READ)");
        } else if (info.status() == ReadResult.Status.MISSING) {
            log.fdsVanished++;
            return Optional.empty();
        }
        return Optional.of(new ScannedProcess.ScannedFd((int) fd.getAsLong(), parsed, fdInfo));
    }

    private List<GpuMapping> readMaps(String base, int pid, String comm) {
        ReadResult maps = root.read(base + "/maps");
        if (maps.status() == ReadResult.Status.DENIED) {
            log.missing("pid " + pid + " (" + comm + ")", "CPU mappings", "permission denied",
                    "run as root or with CAP_SYS_PTRACE");
            return List.of();
        }
        if (!maps.ok()) {
            return List.of();
        }
        ProcMaps parsed = MapsParser.parse(maps.text(), maps.path());
        log.warnings(parsed.warnings());
        return parsed.mappings();
    }

    /** Sums up reads of one family of files (all fdinfo files) into one source entry. */
    private static final class FamilyCounter {
        private int ok;
        private int denied;
        private int other;
        private final java.util.TreeSet<String> formats = new java.util.TreeSet<>();

        void add(ReadResult r) {
            switch (r.status()) {
                case OK -> ok++;
                case DENIED -> denied++;
                default -> other++;
            }
        }

        void format(String f) {
            formats.add(f);
        }

        ReadResult.Status worst() {
            return denied > 0 ? ReadResult.Status.DENIED : ok == 0 && other > 0 ? ReadResult.Status.MISSING : ReadResult.Status.OK;
        }

        String format() {
            return String.join(",", formats);
        }

        String detail() {
            return ok + " read" + (denied > 0 ? ", " + denied + " denied" : "") + (other > 0 ? ", " + other + " gone" : "");
        }
    }
}
