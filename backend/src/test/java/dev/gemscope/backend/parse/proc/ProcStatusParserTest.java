package dev.gemscope.backend.parse.proc;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProcStatusParserTest {

    private static final String SRC = "/proc/42/status";

    @Test
    void readsNameIdsAndUids() {
        String text = """
                Name:\tgnome-shell
                Umask:\t0002
                State:\tS (sleeping)
                Tgid:\t42
                Ngid:\t0
                Pid:\t42
                PPid:\t1
                TracerPid:\t0
                Uid:\t1000\t1001\t1000\t1000
                Gid:\t1000\t1000\t1000\t1000
                FDSize:\t256
                VmRSS:\t  201336 kB
                """;

        ProcStatus status = ProcStatusParser.parse(text, SRC);

        assertEquals("gnome-shell", status.name());
        assertEquals(OptionalLong.of(42), status.tgid());
        assertEquals(OptionalLong.of(42), status.pid());
        assertEquals(OptionalLong.of(1), status.ppid());
        assertEquals(OptionalLong.of(1000), status.uidReal());
        assertEquals(OptionalLong.of(1001), status.uidEffective());
        assertEquals(List.of(), status.warnings());
    }

    @Test
    void keepsSpacesAndEscapesInTheName() {
        String text = "Name:\t Web Content\\n \nTgid:\t7\nPid:\t8\nPPid:\t2\nUid:\t0\t0\t0\t0\n";

        ProcStatus status = ProcStatusParser.parse(text, SRC);

        assertEquals(" Web Content\\n ", status.name());
        assertEquals(OptionalLong.of(8), status.pid());
        assertEquals(OptionalLong.of(7), status.tgid());
    }

    @Test
    void warnsForEachMissingFieldOfEmptyText() {
        ProcStatus status = ProcStatusParser.parse("", SRC);

        assertEquals("", status.name());
        assertEquals(OptionalLong.empty(), status.pid());
        assertEquals(5, status.warnings().size());
    }

    @Test
    void dropsACutLastLine() {
        ProcStatus status = ProcStatusParser.parse("Name:\tx\nTgid:\t5\nPid:\t5\nPPid:\t1\nUid:\t10", SRC);

        assertEquals(OptionalLong.empty(), status.uidReal());
        assertEquals(5, status.warnings().get(0).line());
        assertEquals(2, status.warnings().size());
    }

    @Test
    void warnsOnUnreadableNumbersAndShortUidLine() {
        ProcStatus status = ProcStatusParser.parse("Name:\tx\nTgid:\t-5\nPid:\tx\nPPid:\t99999999999999999999\nUid:\t7\n",
                SRC);

        assertEquals(OptionalLong.empty(), status.tgid());
        assertEquals(OptionalLong.empty(), status.ppid());
        assertEquals(OptionalLong.of(7), status.uidReal());
        assertEquals(OptionalLong.empty(), status.uidEffective());
        assertEquals(List.of(2, 3, 4, 5), status.warnings().stream().map(w -> w.line()).toList());
    }
}
