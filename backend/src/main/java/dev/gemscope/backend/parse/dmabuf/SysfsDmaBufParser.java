package dev.gemscope.backend.parse.dmabuf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.gemscope.backend.parse.Lines;
import dev.gemscope.backend.parse.Numbers;
import dev.gemscope.backend.parse.ParseWarning;

/**
 * Parses one {@code /sys/kernel/dmabuf/buffers/<ino>/} directory from texts the caller has read
 * (kernel-interfaces.md §8.2). Producer: {@code drivers/dma-buf/dma-buf-sysfs-stats.c}, 5.13 until
 * its removal (after 6.18): the directory is named {@code "%lu"} from the inode number,
 * {@code exporter_name} is {@code "%s\n"}, {@code size} is {@code "%zu\n"}; in 5.13 each
 * {@code attachments/<uid>/} ({@code "%u"}) holds {@code map_counter} ({@code "%u\n"}) and a
 * {@code device} link to the importing device. Never throws: a missing file or a bad value is a
 * warning and an empty field.
 */
public final class SysfsDmaBufParser {

    /** The directory that holds one sub-directory per dma-buf. */
    public static final String ROOT = "/sys/kernel/dmabuf/buffers";

    private SysfsDmaBufParser() {
    }

    /** A directory without {@code attachments/} (≈5.18+). Null texts mean the file was not readable. */
    public static SysfsDmaBuf parse(String dirName, String exporterNameText, String sizeText) {
        return parse(dirName, exporterNameText, sizeText, null);
    }

    /**
     * A directory; {@code attachments} lists what was read under {@code attachments/}, or is null
     * when that directory does not exist (which selects {@link SysfsStatsLayout#BUFFER_ONLY}).
     */
    public static SysfsDmaBuf parse(String dirName, String exporterNameText, String sizeText,
            List<SysfsAttachmentFiles> attachments) {
        return parse(dirName, exporterNameText, sizeText, attachments, ROOT + "/" + dirName);
    }

    /** As above, with {@code source} (the directory's path) naming the files in warnings. */
    public static SysfsDmaBuf parse(String dirName, String exporterNameText, String sizeText,
            List<SysfsAttachmentFiles> attachments, String source) {
        List<ParseWarning> warnings = new ArrayList<>();
        OptionalLong ino = dirName == null ? OptionalLong.empty() : Numbers.unsignedDecimal(dirName);
        if (ino.isEmpty()) {
            warnings.add(new ParseWarning(source, 0, String.valueOf(dirName),
                    "directory name is not an inode number"));
        }
        Optional<String> exporter = value(exporterNameText, source + "/exporter_name", warnings);
        OptionalLong size = number(sizeText, source + "/size", warnings);
        List<SysfsDmaBufAttachment> parsed = new ArrayList<>();
        if (attachments != null) {
            for (SysfsAttachmentFiles files : attachments) {
                if (files != null) {
                    parsed.add(attachment(files, source + "/attachments/" + files.dirName(), warnings));
                }
            }
            parsed.sort(Comparator
                    .comparing((SysfsDmaBufAttachment a) -> a.uid().isEmpty())
                    .thenComparing(a -> a.uid().orElse(0), Long::compareUnsigned)
                    .thenComparing(a -> String.valueOf(a.dirName())));
        }
        SysfsStatsLayout layout = attachments == null
                ? SysfsStatsLayout.BUFFER_ONLY : SysfsStatsLayout.WITH_ATTACHMENTS;
        return new SysfsDmaBuf(layout, ino, exporter, size, parsed, warnings);
    }

    private static SysfsDmaBufAttachment attachment(SysfsAttachmentFiles files, String dir,
            List<ParseWarning> warnings) {
        OptionalLong uid = files.dirName() == null
                ? OptionalLong.empty() : Numbers.unsignedDecimal(files.dirName());
        if (uid.isEmpty()) {
            warnings.add(new ParseWarning(dir, 0, String.valueOf(files.dirName()),
                    "attachment directory name is not a number"));
        }
        OptionalLong mapCounter = number(files.mapCounterText(), dir + "/map_counter", warnings);
        Optional<String> device = Optional.empty();
        if (files.deviceLink() == null) {
            warnings.add(new ParseWarning(dir + "/device", 0, "",
                    "no device link (the kernel adds it shortly after the directory)"));
        } else {
            device = Optional.of(lastComponent(files.deviceLink())).filter(s -> !s.isEmpty());
            if (device.isEmpty()) {
                warnings.add(new ParseWarning(dir + "/device", 0, files.deviceLink(),
                        "device link has no name"));
            }
        }
        return new SysfsDmaBufAttachment(files.dirName(), uid, mapCounter, device);
    }

    private static OptionalLong number(String text, String path, List<ParseWarning> warnings) {
        Optional<String> value = value(text, path, warnings);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        OptionalLong number = Numbers.unsignedDecimal(value.get());
        if (number.isEmpty()) {
            warnings.add(new ParseWarning(path, 1, value.get(), "not an unsigned number"));
        }
        return number;
    }

    /** A one-line sysfs value without its newline; sysfs_emit always ends with one. */
    private static Optional<String> value(String text, String path, List<ParseWarning> warnings) {
        if (text == null) {
            warnings.add(new ParseWarning(path, 0, "", "file missing or not readable"));
            return Optional.empty();
        }
        if (Lines.lastLineCut(text)) {
            warnings.add(new ParseWarning(path, 1, text, "value has no newline: cut short, ignored"));
            return Optional.empty();
        }
        List<String> lines = Lines.of(text);
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
            warnings.add(new ParseWarning(path, 1, "", "empty value"));
            return Optional.empty();
        }
        if (lines.size() > 1) {
            warnings.add(new ParseWarning(path, 2, lines.get(1), "more than one line; first line used"));
        }
        return Optional.of(lines.get(0));
    }

    private static String lastComponent(String link) {
        String s = link;
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.substring(s.lastIndexOf('/') + 1);
    }
}
