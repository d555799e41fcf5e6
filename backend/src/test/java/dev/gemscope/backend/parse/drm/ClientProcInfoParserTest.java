package dev.gemscope.backend.parse.drm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.gemscope.backend.parse.drm.ClientProcInfoParser.ProcInfo;

class ClientProcInfoParserTest {

    private static final String SRC = "dri/client-7/proc_info";

    @Test
    void parsesPidAndComm() {
        ProcInfo p = ClientProcInfoParser.parse("pid: 4100\ncomm: Xwayland\n", SRC);
        assertEquals(OptionalLong.of(4100), p.pid());
        assertEquals(Optional.of("Xwayland"), p.comm());
        assertFalse(p.taskGone());
        assertTrue(p.warnings().isEmpty());
    }

    @Test
    void keepsSpacesInComm() {
        ProcInfo p = ClientProcInfoParser.parse("pid: 12\ncomm: Web Content \n", SRC);
        assertEquals(Optional.of("Web Content "), p.comm());
    }

    @Test
    void reportsGoneTask() {
        ProcInfo p = ClientProcInfoParser.parse("pid: 0\ncomm: Unset\n", SRC);
        assertTrue(p.taskGone());
        assertEquals(OptionalLong.of(0), p.pid());
    }

    @Test
    void emptyTextHasNothing() {
        ProcInfo p = ClientProcInfoParser.parse("", SRC);
        assertEquals(OptionalLong.empty(), p.pid());
        assertEquals(Optional.empty(), p.comm());
        assertFalse(p.taskGone());
    }

    @Test
    void truncatedCommIsNotTrusted() {
        ProcInfo p = ClientProcInfoParser.parse("pid: 4100\ncomm: Xway", SRC);
        assertEquals(OptionalLong.of(4100), p.pid());
        assertEquals(Optional.empty(), p.comm());
        assertEquals(1, p.warnings().size());
    }

    @Test
    void reportsUnknownLinesAndBadPid() {
        ProcInfo p = ClientProcInfoParser.parse("pid: 99999999999999999999\ncomm: x\nstate: R\n", SRC);
        assertEquals(OptionalLong.empty(), p.pid());
        assertEquals(2, p.warnings().size());
        assertEquals(3, p.warnings().get(1).line());
    }
}
