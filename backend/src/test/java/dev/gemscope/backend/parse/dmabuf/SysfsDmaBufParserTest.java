package dev.gemscope.backend.parse.dmabuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.gemscope.backend.parse.ParseWarning;

class SysfsDmaBufParserTest {

    private static boolean warned(SysfsDmaBuf buf, String pathEnd, String reasonPart) {
        return buf.warnings().stream()
                .anyMatch(w -> w.source().endsWith(pathEnd) && w.reason().contains(reasonPart));
    }

    @Test
    void parsesBufferOnlyDirectory() {
        SysfsDmaBuf buf = SysfsDmaBufParser.parse("12", "drm\n", "4096\n");

        assertEquals(SysfsStatsLayout.BUFFER_ONLY, buf.layout());
        assertEquals(OptionalLong.of(12), buf.ino());
        assertEquals(Optional.of("drm"), buf.exporterName());
        assertEquals(OptionalLong.of(4096), buf.size());
        assertEquals(List.of(), buf.attachments());
        assertEquals(List.of(), buf.warnings());
    }

    @Test
    void parsesFiveThirteenAttachmentsOrderedByUid() {
        SysfsDmaBuf buf = SysfsDmaBufParser.parse("7", "system\n", "8192\n", List.of(
                new SysfsAttachmentFiles("10", "0\n", "../../../../../devices/pci0000:00/0000:03:00.0"),
                new SysfsAttachmentFiles("2", "1\n", "0000:00:02.0")));

        assertEquals(SysfsStatsLayout.WITH_ATTACHMENTS, buf.layout());
        assertEquals(List.of(
                new SysfsDmaBufAttachment("2", OptionalLong.of(2), OptionalLong.of(1), Optional.of("0000:00:02.0")),
                new SysfsDmaBufAttachment("10", OptionalLong.of(10), OptionalLong.of(0),
                        Optional.of("0000:03:00.0"))),
                buf.attachments());
        assertEquals(List.of(), buf.warnings());
    }

    @Test
    void marksEmptyAttachmentsDirectoryAsFiveThirteenLayout() {
        SysfsDmaBuf buf = SysfsDmaBufParser.parse("7", "i915\n", "4096\n", List.of());

        assertEquals(SysfsStatsLayout.WITH_ATTACHMENTS, buf.layout());
        assertEquals(List.of(), buf.attachments());
    }

    @Test
    void warnsOnMissingAndBadValues() {
        SysfsDmaBuf buf = SysfsDmaBufParser.parse("buffers", null, "lots\n", Arrays.asList(
                new SysfsAttachmentFiles("x", null, null), null));

        assertEquals(OptionalLong.empty(), buf.ino());
        assertEquals(Optional.empty(), buf.exporterName());
        assertEquals(OptionalLong.empty(), buf.size());
        assertEquals(1, buf.attachments().size());
        assertTrue(warned(buf, "/buffers", "not an inode number"));
        assertTrue(warned(buf, "/exporter_name", "missing"));
        assertTrue(warned(buf, "/size", "not an unsigned number"));
        assertTrue(warned(buf, "/x", "not a number"));
        assertTrue(warned(buf, "/x/map_counter", "missing"));
        assertTrue(warned(buf, "/x/device", "no device link"));
        assertEquals(6, buf.warnings().size());
    }

    @Test
    void ignoresValuesCutShortOrEmpty() {
        SysfsDmaBuf buf = SysfsDmaBufParser.parse("3", "\n", "40", null, "cap/3");

        assertEquals(Optional.empty(), buf.exporterName());
        assertEquals(OptionalLong.empty(), buf.size());
        assertEquals(List.of(new ParseWarning("cap/3/exporter_name", 1, "", "empty value"),
                new ParseWarning("cap/3/size", 1, "40", "value has no newline: cut short, ignored")),
                buf.warnings());
    }

    @Test
    void keepsHugeUnsignedValuesAndRejectsOverflow() {
        SysfsDmaBuf buf = SysfsDmaBufParser.parse("18446744073709551615", "drm\n",
                "99999999999999999999\n");

        assertEquals("18446744073709551615", Long.toUnsignedString(buf.ino().getAsLong()));
        assertEquals(OptionalLong.empty(), buf.size());
        assertTrue(warned(buf, "/size", "not an unsigned number"));
    }

    @Test
    void usesFirstLineOfMultiLineValueWithWarning() {
        SysfsDmaBuf buf = SysfsDmaBufParser.parse("5", "my exporter\nextra\n", "1\n");

        assertEquals(Optional.of("my exporter"), buf.exporterName());
        assertTrue(warned(buf, "/exporter_name", "more than one line"));
    }
}
