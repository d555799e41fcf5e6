package dev.gemscope.backend.parse.proc;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.gemscope.backend.parse.proc.FdHeader.AccessMode;
import dev.gemscope.backend.parse.proc.FdHeader.HeaderEra;
import dev.gemscope.backend.parse.proc.FdInfo.FdKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FdInfoParserTest {

    private static final String SRC = "/proc/1/fdinfo/3";

    @Test
    void parsesThreeXHeaderWithoutMntId() {
        FdInfo info = FdInfoParser.parse("pos:\t0\nflags:\t02\n", SRC);

        assertEquals(HeaderEra.POS_FLAGS, info.header().era());
        assertEquals(OptionalLong.of(0), info.header().pos());
        assertEquals(OptionalLong.empty(), info.header().mntId());
        assertEquals(OptionalLong.empty(), info.header().ino());
        assertEquals(AccessMode.READ_WRITE, info.header().accessMode());
        assertEquals(FdKind.OTHER, info.kind());
        assertEquals(List.of(), info.warnings());
    }

    @Test
    void parsesMntIdEraHeader() {
        FdInfo info = FdInfoParser.parse("pos:\t4096\nflags:\t0100000\nmnt_id:\t21\n", SRC);

        assertEquals(HeaderEra.MNT_ID, info.header().era());
        assertEquals(OptionalLong.of(4096), info.header().pos());
        assertEquals(OptionalLong.of(21), info.header().mntId());
        assertEquals(AccessMode.READ_ONLY, info.header().accessMode());
        assertFalse(info.header().cloexec());
    }

    @Test
    void parsesInoEraHeaderWithCloexec() {
        FdInfo info = FdInfoParser.parse("pos:\t0\nflags:\t02100002\nmnt_id:\t24\nino:\t1036\n", SRC);

        assertEquals(HeaderEra.INO, info.header().era());
        assertEquals(OptionalLong.of(1036), info.header().ino());
        assertEquals(OptionalLong.of(02100002), info.header().flags());
        assertTrue(info.header().cloexec());
        assertEquals(AccessMode.READ_WRITE, info.header().accessMode());
    }

    @Test
    void keepsSixtyFourBitInodeOfSevenXKernels() {
        FdInfo info = FdInfoParser.parse("pos:\t0\nflags:\t01\nmnt_id:\t15\nino:\t18446744073709551615\n", SRC);

        assertEquals("18446744073709551615", Long.toUnsignedString(info.header().ino().getAsLong()));
        assertEquals(AccessMode.WRITE_ONLY, info.header().accessMode());
        assertEquals(List.of(), info.warnings());
    }

    @Test
    void reportsAccessModeThreeAsIoctlOnly() {
        FdInfo info = FdInfoParser.parse("pos:\t0\nflags:\t03\n", SRC);

        assertEquals(AccessMode.IOCTL_ONLY, info.header().accessMode());
    }

    @Test
    void skipsLockLinesAndCountsThem() {
        String text = """
                pos:\t0
                flags:\t02
                mnt_id:\t25
                ino:\t99
                lock:\t1: POSIX  ADVISORY  WRITE 1234 08:01:99 0 EOF
                lock:\t2: FLOCK  ADVISORY  READ 1234 08:01:99 0 EOF
                """;

        FdInfo info = FdInfoParser.parse(text, SRC);

        assertEquals(2, info.header().lockLines());
        assertEquals(FdKind.OTHER, info.kind());
        assertEquals(Map.of(), info.otherKeys());
        assertEquals(List.of(), info.warnings());
    }

    @Test
    void parsesDmaBufFdinfoWithName() {
        String text = """
                pos:\t0
                flags:\t02000002
                mnt_id:\t13
                ino:\t35442
                size:\t8294400
                count:\t3
                exp_name:\ti915
                name:\tmy surface
                """;

        FdInfo info = FdInfoParser.parse(text, SRC);

        assertEquals(FdKind.DMA_BUF, info.kind());
        DmaBufFdInfo buf = info.dmaBuf().orElseThrow();
        assertEquals(OptionalLong.of(8294400), buf.size());
        assertEquals(OptionalLong.of(3), buf.count());
        assertEquals("i915", buf.exporter());
        assertEquals(Optional.of("my surface"), buf.name());
        assertEquals(OptionalLong.of(35442), info.header().ino());
        assertTrue(info.drm().isEmpty());
        assertEquals(List.of(), info.warnings());
    }

    @Test
    void parsesUnnamedDmaBufOfMntIdEra() {
        String text = "pos:\t0\nflags:\t02\nmnt_id:\t11\nsize:\t4096\ncount:\t1\nexp_name:\tvgem\n";

        FdInfo info = FdInfoParser.parse(text, SRC);

        assertEquals(HeaderEra.MNT_ID, info.header().era());
        assertEquals(Optional.empty(), info.dmaBuf().orElseThrow().name());
        assertEquals("vgem", info.dmaBuf().orElseThrow().exporter());
    }

    @Test
    void keepsDmaBufNameBlanksAndTabsVerbatim() {
        String text = "pos:\t0\nflags:\t02\nsize:\t4096\ncount:\t1\nexp_name:\tudmabuf\nname:\t a\tb \n";

        FdInfo info = FdInfoParser.parse(text, SRC);

        assertEquals(Optional.of(" a\tb "), info.dmaBuf().orElseThrow().name());
    }

    @Test
    void keepsUnknownDmaBufKeysOfLaterPatches() {
        String text = "pos:\t0\nflags:\t02\nsize:\t4096\ncount:\t1\nexp_name:\ti915\nattachments:\t2\n";

        FdInfo info = FdInfoParser.parse(text, SRC);

        assertEquals(Map.of("attachments", "2"), info.otherKeys());
        assertEquals(List.of(), info.warnings());
    }

    @Test
    void keepsOtherFileTypeLinesAsRawKeysInOrder() {
        String text = "pos:\t0\nflags:\t02004002\nmnt_id:\t15\nino:\t1057\neventfd-count:\t0\neventfd-id:\t4\n";

        FdInfo info = FdInfoParser.parse(text, SRC);

        assertEquals(FdKind.OTHER, info.kind());
        assertEquals(List.of("eventfd-count", "eventfd-id"), List.copyOf(info.otherKeys().keySet()));
        assertEquals(List.of(), info.warnings());
    }

    @Test
    void treatsHeaderKeysAfterTheBodyAsBodyKeys() {
        String text = "pos:\t0\nflags:\t02\nPid:\t42\npos:\t7\n";

        FdInfo info = FdInfoParser.parse(text, SRC);

        assertEquals(OptionalLong.of(0), info.header().pos());
        assertEquals("7", info.otherKeys().get("pos"));
    }

    @Test
    void warnsOnEmptyText() {
        FdInfo info = FdInfoParser.parse("", SRC);

        assertEquals(HeaderEra.UNKNOWN, info.header().era());
        assertEquals(AccessMode.UNKNOWN, info.header().accessMode());
        assertEquals(1, info.warnings().size());
        assertEquals(0, info.warnings().get(0).line());
    }

    @Test
    void dropsAndReportsACutLastLine() {
        FdInfo info = FdInfoParser.parse("pos:\t0\nflags:\t02\nmnt_id:\t24\nino:\t10", SRC);

        assertEquals(HeaderEra.MNT_ID, info.header().era());
        assertEquals(OptionalLong.empty(), info.header().ino());
        assertEquals(4, info.warnings().get(0).line());
    }

    @Test
    void warnsOnMalformedHeaderValuesWithoutThrowing() {
        FdInfo info = FdInfoParser.parse("pos:\tabc\nflags:\t09\nmnt_id:\t99999999999999999999\n", SRC);

        assertEquals(OptionalLong.empty(), info.header().pos());
        assertEquals(OptionalLong.empty(), info.header().flags());
        assertEquals(OptionalLong.empty(), info.header().mntId());
        assertEquals(3, info.warnings().size());
    }

    @Test
    void warnsOnLinesWithoutAColonAndOnMissingHeader() {
        FdInfo info = FdInfoParser.parse("garbage line\n", SRC);

        assertEquals(2, info.warnings().size());
        assertEquals(1, info.warnings().get(0).line());
        assertEquals(HeaderEra.UNKNOWN, info.header().era());
    }

    @Test
    void warnsOnUnreadableDmaBufSize() {
        String text = "pos:\t0\nflags:\t02\nsize:\t-1\ncount:\t1\nexp_name:\ti915\n";

        FdInfo info = FdInfoParser.parse(text, SRC);

        assertEquals(OptionalLong.empty(), info.dmaBuf().orElseThrow().size());
        assertEquals(3, info.warnings().get(0).line());
    }
}
