package dev.gemscope.backend.parse.drm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.gemscope.backend.parse.drm.DriClientsParser.Client;
import dev.gemscope.backend.parse.drm.DriClientsParser.Clients;
import dev.gemscope.backend.parse.drm.DriClientsParser.Variant;

class DriClientsParserTest {

    private static final String SRC = "dri/0/clients";

    // drm_clients_info() format strings, with %u/%llu as %d and DRM_CLIENT_NAME_MAX_LEN (64) for %*s.
    private static final String HEADER = "%20s %5s %3s master a %5s %10s";
    private static final String ROW = "%20s %5d %3d   %c    %c %5d %10d";

    private static String nameHeader() {
        return String.format(HEADER + " %64s", "command", "tgid", "dev", "uid", "magic", "name");
    }

    private static String idHeader() {
        return String.format(HEADER + " %64s %20s", "command", "tgid", "dev", "uid", "magic", "name", "id");
    }

    private static String nameRow(String comm, int pid, int dev, char m, char a, int uid, long magic, String name) {
        return String.format(ROW + " %64s", comm, pid, dev, m, a, uid, magic, name);
    }

    private static String idRow(String comm, int pid, int dev, char m, char a, int uid, long magic, String name,
            String id) {
        return String.format(ROW + " %64s %20s", comm, pid, dev, m, a, uid, magic, name, id);
    }

    @Test
    void parsesThreeXAuthFirstRows() {
        String text = """
                a dev\tpid    uid\tmagic\t  ioctls

                y   0  1234     0          0       4567
                n  64  2222  1000          3         12
                """;
        Clients c = DriClientsParser.parse(text, SRC);
        assertEquals(Variant.V3_AUTH_FIRST, c.variant());
        assertEquals(2, c.clients().size());
        Client first = c.clients().get(0);
        assertEquals("", first.command());
        assertEquals(1234, first.pid());
        assertEquals(0, first.minorIndex());
        assertTrue(first.authenticated());
        assertEquals(Optional.empty(), first.master());
        assertEquals(OptionalLong.of(4567), first.ioctlCount());
        Client second = c.clients().get(1);
        assertEquals(64, second.minorIndex());
        assertEquals(1000, second.uid());
        assertEquals(3, second.magic());
        assertFalse(second.authenticated());
        assertTrue(c.warnings().isEmpty());
    }

    @Test
    void parsesPidEraRowsWithSpacesInCommand() {
        String text = """
                             command   pid dev master a   uid      magic
                                Xorg  1234   0   y    y     0          0
                         Web Content  3003 128   n    n  1000          0
                           <unknown>    77   0   n    y     0          5
                """;
        Clients c = DriClientsParser.parse(text, SRC);
        assertEquals(Variant.PID, c.variant());
        assertEquals(3, c.clients().size());
        Client xorg = c.clients().get(0);
        assertEquals("Xorg", xorg.command());
        assertEquals(1234, xorg.pid());
        assertEquals(Optional.of(true), xorg.master());
        assertTrue(xorg.authenticated());
        assertEquals(OptionalLong.empty(), xorg.ioctlCount());
        assertEquals(OptionalLong.empty(), xorg.clientId());
        Client web = c.clients().get(1);
        assertEquals("Web Content", web.command());
        assertEquals(128, web.minorIndex());
        assertEquals(Optional.of(false), web.master());
        assertEquals(1000, web.uid());
        assertEquals("<unknown>", c.clients().get(2).command());
        assertEquals(5, c.clients().get(2).magic());
        assertTrue(c.warnings().isEmpty());
    }

    @Test
    void detectsTgidHeader() {
        String text = """
                             command  tgid dev master a   uid      magic
                         gnome-shell  2001   0   y    y  1000          0
                """;
        Clients c = DriClientsParser.parse(text, SRC);
        assertEquals(Variant.TGID, c.variant());
        assertEquals(2001, c.clients().get(0).pid());
        assertEquals("gnome-shell", c.clients().get(0).command());
    }

    @Test
    void parsesClientNameColumnAndUnsetName() {
        String text = nameHeader() + "\n"
                + nameRow("gnome-shell", 2001, 0, 'y', 'y', 1000, 0, "<unset>") + "\n"
                + nameRow("kwin wayland", 2002, 128, 'n', 'n', 1000, 0, "mesa-radeonsi") + "\n";
        Clients c = DriClientsParser.parse(text, SRC);
        assertEquals(Variant.TGID_NAME, c.variant());
        assertEquals("", c.clients().get(0).clientName());
        assertEquals("kwin wayland", c.clients().get(1).command());
        assertEquals("mesa-radeonsi", c.clients().get(1).clientName());
        assertEquals(OptionalLong.empty(), c.clients().get(1).clientId());
        assertTrue(c.warnings().isEmpty());
    }

    @Test
    void parsesClientIdColumnUpToTwoToTheSixtyFour() {
        String text = idHeader() + "\n"
                + idRow("Xwayland", 4100, 128, 'n', 'n', 1000, 0, "<unset>", "7") + "\n"
                + idRow("a b c", 4200, 0, 'y', 'y', 1000, 12, "virgl", "18446744073709551615") + "\n";
        Clients c = DriClientsParser.parse(text, SRC);
        assertEquals(Variant.TGID_NAME_ID, c.variant());
        assertEquals(OptionalLong.of(7), c.clients().get(0).clientId());
        Client abc = c.clients().get(1);
        assertEquals("a b c", abc.command());
        assertEquals("virgl", abc.clientName());
        assertEquals(12, abc.magic());
        assertEquals("18446744073709551615", Long.toUnsignedString(abc.clientId().getAsLong()));
    }

    @Test
    void keepsCommandOfFifteenCharactersWithSpaces() {
        String text = idHeader() + "\n" + idRow("My Game  (x64)", 9, 128, 'n', 'n', 0, 0, "<unset>", "3") + "\n";
        Clients c = DriClientsParser.parse(text, SRC);
        assertEquals("My Game  (x64)", c.clients().get(0).command());
    }

    @Test
    void reportsRowThatDoesNotFitTheHeader() {
        String text = """
                             command   pid dev master a   uid      magic
                                Xorg  1234   0   y    y     0          0
                                Xorg  abc    0   y    y     0          0
                """;
        Clients c = DriClientsParser.parse(text, SRC);
        assertEquals(1, c.clients().size());
        assertEquals(1, c.warnings().size());
        assertEquals(3, c.warnings().get(0).line());
    }

    @Test
    void guessesLayoutWithoutHeaderAndWarns() {
        String text = """
                         Web Content  3003 128   n    n  1000          0
                """;
        Clients c = DriClientsParser.parse(text, SRC);
        assertEquals(Variant.PID, c.variant());
        assertEquals("Web Content", c.clients().get(0).command());
        assertEquals(1, c.warnings().size());
    }

    @Test
    void guessesNameLayoutWithoutHeader() {
        Clients c = DriClientsParser.parse(nameRow("kwin", 1, 0, 'y', 'n', 0, 0, "x") + "\n", SRC);
        assertEquals(Variant.TGID_NAME, c.variant());
        assertEquals("x", c.clients().get(0).clientName());
        assertFalse(c.clients().get(0).authenticated());
    }

    @Test
    void headerOnlyHasNoClients() {
        Clients c = DriClientsParser.parse(idHeader() + "\n", SRC);
        assertEquals(Variant.TGID_NAME_ID, c.variant());
        assertTrue(c.clients().isEmpty());
        assertTrue(c.warnings().isEmpty());
    }

    @Test
    void emptyTextIsUnknown() {
        Clients c = DriClientsParser.parse("", SRC);
        assertEquals(Variant.UNKNOWN, c.variant());
        assertTrue(c.clients().isEmpty());
    }

    @Test
    void dropsTruncatedLastRow() {
        String text = """
                             command   pid dev master a   uid      magic
                                Xorg  1234   0   y    y     0          0
                         Web Content  3003 12""";
        Clients c = DriClientsParser.parse(text, SRC);
        assertEquals(1, c.clients().size());
        assertEquals(1, c.warnings().size());
        assertEquals(3, c.warnings().get(0).line());
    }

    @Test
    void hugeNumbersBecomeWarningsNotCrashes() {
        String text = """
                             command   pid dev master a   uid      magic
                                Xorg  99999999999999999999999   0   y    y     0          0
                """;
        Clients c = DriClientsParser.parse(text, SRC);
        assertTrue(c.clients().isEmpty());
        assertEquals(1, c.warnings().size());
    }
}
