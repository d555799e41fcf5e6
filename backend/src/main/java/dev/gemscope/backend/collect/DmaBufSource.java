package dev.gemscope.backend.collect;

import dev.gemscope.backend.model.DmaBuf;
import dev.gemscope.backend.parse.dmabuf.Bufinfo;
import dev.gemscope.backend.parse.dmabuf.BufinfoBuffer;
import dev.gemscope.backend.parse.dmabuf.BufinfoFence;
import dev.gemscope.backend.parse.dmabuf.BufinfoParser;
import dev.gemscope.backend.parse.dmabuf.SysfsAttachmentFiles;
import dev.gemscope.backend.parse.dmabuf.SysfsDmaBuf;
import dev.gemscope.backend.parse.dmabuf.SysfsDmaBufParser;
import dev.gemscope.backend.source.ReadResult;
import dev.gemscope.backend.source.SystemRoot;
import java.util.ArrayList;
import java.util.List;

/**
 * The system-wide list of dma-bufs: from debugfs {@code bufinfo} when readable (root), else from the
 * world-readable sysfs stats (5.13 – 6.x), which lack fences, counts and names. Buffers visible only
 * through a process's fd are added later by the joiner.
 */
final class DmaBufSource {

    /** A buffer as listed, with the raw attachment names in bufinfo order. */
    record Listed(DmaBuf buf, List<String> attachments) {
    }

    /** What was listed and whether the list covers the whole system. */
    record Listing(List<Listed> buffers, boolean systemWide, String origin) {
    }

    private final SystemRoot root;
    private final SourceLog log;

    DmaBufSource(SystemRoot root, SourceLog log) {
        this.root = root;
        this.log = log;
    }

    Listing read() {
        ReadResult bufinfo = root.read(BufinfoParser.PATH);
        if (bufinfo.ok()) {
            Bufinfo parsed = BufinfoParser.parse(bufinfo.text(), bufinfo.path());
            log.read(bufinfo, parsed.era().name() + " (" + parsed.era().kernels() + ")");
            log.warnings(parsed.warnings());
            if (!parsed.complete()) {
                log.missing("dma-bufs", "the end of bufinfo", "the file was cut short", "collect again");
            }
            return new Listing(fromBufinfo(parsed), true, BufinfoParser.PATH);
        }
        log.read(bufinfo, "");
        log.missing("dma-bufs", "system-wide buffer list, fences, file counts, attachments",
                "debugfs bufinfo " + describe(bufinfo), "run as root with debugfs mounted at /sys/kernel/debug");
        return fromSysfs();
    }

    private static String describe(ReadResult r) {
        return switch (r.status()) {
            case DENIED -> "not readable (permission denied)";
            case MISSING -> "absent (debugfs not mounted, or CONFIG_DEBUG_FS off)";
            default -> "unreadable: " + r.detail();
        };
    }

    private static List<Listed> fromBufinfo(Bufinfo parsed) {
        List<Listed> out = new ArrayList<>();
        int index = 0;
        for (BufinfoBuffer b : parsed.buffers()) {
            index++;
            Long ino = b.ino().isPresent() ? b.ino().getAsLong() : null;
            String key = ino != null ? "ino:" + Long.toUnsignedString(ino) : "buf:" + index;
            List<DmaBuf.Fence> fences = new ArrayList<>();
            for (BufinfoFence f : b.fences()) {
                fences.add(new DmaBuf.Fence(f.usage(), f.driver(), f.timeline(),
                        f.context().isPresent() ? f.context().getAsLong() : null,
                        f.seqno().isPresent() ? f.seqno().getAsLong() : null, f.signalled()));
            }
            DmaBuf buf = new DmaBuf(key, ino, b.size(), b.expName(), b.name().orElse(null), b.count(), b.flags(),
                    b.mode(), fences, null);
            out.add(new Listed(buf, b.attachments()));
        }
        return out;
    }

    private Listing fromSysfs() {
        SystemRoot.Listing dirs = root.list(SysfsDmaBufParser.ROOT);
        log.read(SysfsDmaBufParser.ROOT, dirs.status(), "", dirs.ok() ? dirs.names().size() + " buffers" : dirs.detail());
        if (!dirs.ok()) {
            return new Listing(List.of(), false, "");
        }
        List<Listed> out = new ArrayList<>();
        for (String dir : dirs.names()) {
            String base = SysfsDmaBufParser.ROOT + "/" + dir;
            List<SysfsAttachmentFiles> attachmentFiles = readAttachments(base);
            SysfsDmaBuf parsed = SysfsDmaBufParser.parse(dir, text(base + "/exporter_name"), text(base + "/size"),
                    attachmentFiles, base);
            log.warnings(parsed.warnings());
            if (parsed.ino().isEmpty() || parsed.size().isEmpty()) {
                continue; // vanished mid-scan or unreadable: reported as a warning by the parser
            }
            long ino = parsed.ino().getAsLong();
            List<String> attachments = parsed.attachments().stream()
                    .map(a -> a.device().orElse("?")).toList();
            out.add(new Listed(new DmaBuf("ino:" + Long.toUnsignedString(ino), ino, parsed.size().getAsLong(),
                    parsed.exporterName().orElse("?"), null, null, null, null, List.of(), null), attachments));
        }
        return new Listing(out, true, SysfsDmaBufParser.ROOT);
    }

    private List<SysfsAttachmentFiles> readAttachments(String base) {
        SystemRoot.Listing dirs = root.list(base + "/attachments");
        if (!dirs.ok()) {
            return null; // no attachments/ directory: the post-5.18 layout
        }
        List<SysfsAttachmentFiles> out = new ArrayList<>();
        for (String uid : dirs.names()) {
            String a = base + "/attachments/" + uid;
            ReadResult link = root.readLink(a + "/device");
            out.add(new SysfsAttachmentFiles(uid, text(a + "/map_counter"), link.ok() ? link.text() : null));
        }
        return out;
    }

    private String text(String path) {
        ReadResult r = root.read(path, 4096);
        return r.ok() ? r.text() : null;
    }
}
