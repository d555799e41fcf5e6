package dev.gemscope.backend.parse.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TracePipeParserTest {

    @Test
    void enterBefore7xPrintsBareHex() {
        // trace_syscalls.c print_syscall_enter(), 6.1/6.12: "%s: %lx" per argument.
        TraceEvent e = TracePipeParser.parse(
                "         python3-224     [000] ...1.    12.980545: sys_ioctl(fd: 3, cmd: 40086409, arg: 7ffe5e83f67f)");
        TraceEvent.IoctlEnter enter = assertInstanceOf(TraceEvent.IoctlEnter.class, e);
        assertEquals(new TraceHeader("python3", 224, 0, 12_980_545_000L), enter.header());
        assertEquals(3, enter.fd());
        assertEquals(0x40086409L, enter.cmd());
        assertEquals(0x7ffe5e83f67fL, enter.arg());
    }

    @Test
    void enterIn7xPrintsHexWithPrefix() {
        TraceEvent.IoctlEnter enter = assertInstanceOf(TraceEvent.IoctlEnter.class, TracePipeParser.parse(
                "         python3-223     [000] .....    22.996307: sys_ioctl(fd: 1a, cmd: 0xc00c642e, arg: 0x7ffcce31a66f)"
                        .replace("fd: 1a", "fd: 0x1a")));
        assertEquals(0x1a, enter.fd());
        assertEquals(0xc00c642eL, enter.cmd());
    }

    @Test
    void exitReturnIsSigned() {
        TraceEvent.IoctlExit exit = assertInstanceOf(TraceEvent.IoctlExit.class, TracePipeParser.parse(
                "         python3-223     [000] .....    22.997010: sys_ioctl -> 0xffffffffffffffea"));
        assertEquals(-22, exit.ret());
        assertEquals(22_997_010_000L, exit.header().timestampNanos());
        TraceEvent.IoctlExit ok = assertInstanceOf(TraceEvent.IoctlExit.class, TracePipeParser.parse(
                "            java-1201    [001] d..1.   301.000001: sys_ioctl -> 0x0"));
        assertEquals(0, ok.ret());
        assertEquals(1, ok.header().cpu());
    }

    @Test
    void taskNamesWithDashesDigitsAndSpacesAndTheTgidColumn() {
        TraceEvent.IoctlExit a = assertInstanceOf(TraceEvent.IoctlExit.class, TracePipeParser.parse(
                " kworker/u4:1-12 x-4711    [003] ....    5.100000: sys_ioctl -> 0xfffffffffffffff3"));
        assertEquals("kworker/u4:1-12 x", a.header().task());
        assertEquals(4711, a.header().tid());
        assertEquals(-13, a.ret());
        // option record-tgid adds "(%7d)"; an unknown tgid prints dashes.
        TraceEvent.IoctlExit b = assertInstanceOf(TraceEvent.IoctlExit.class, TracePipeParser.parse(
                "           <...>-902     (    900) [000] .....  7.000002: sys_ioctl -> 0xffffffffffffffed"));
        assertEquals("<...>", b.header().task());
        assertEquals(902, b.header().tid());
        TraceEvent.IoctlExit c = assertInstanceOf(TraceEvent.IoctlExit.class, TracePipeParser.parse(
                "           <...>-902     (-------) [000] .....  7.000002: sys_ioctl -> 0xffffffffffffffed"));
        assertEquals(-19, c.ret());
        // Without the irq-info column.
        TraceEvent.IoctlExit d = assertInstanceOf(TraceEvent.IoctlExit.class, TracePipeParser.parse(
                "            gl-77      [000]   7.000002: sys_ioctl -> 0xffffffffffffffed"));
        assertEquals(77, d.header().tid());
    }

    @Test
    void markerLostAndOtherEvents() {
        TraceEvent.Marker m = assertInstanceOf(TraceEvent.Marker.class, TracePipeParser.parse(
                "            java-300     [000] .....    40.000001: tracing_mark_write: gemscope-watch-stop 300"));
        assertEquals("gemscope-watch-stop 300", m.text());
        TraceEvent.Lost lost = assertInstanceOf(TraceEvent.Lost.class, TracePipeParser.parse("CPU:1 [LOST 4096 EVENTS]"));
        assertEquals(1, lost.cpu());
        assertEquals(4096, lost.count());
        TraceEvent.OtherEvent o = assertInstanceOf(TraceEvent.OtherEvent.class, TracePipeParser.parse(
                "            java-300     [000] .....    40.000001: dma_fence_init: driver=vgem timeline=unbound context=3 seqno=1"));
        assertEquals("dma_fence_init", o.name());
    }

    @Test
    void dmaBufEventsOf7x() {
        // include/trace/events/dma_buf.h print fmts, as in the 7.2 format files.
        TraceEvent.DmaBufEvent export = assertInstanceOf(TraceEvent.DmaBufEvent.class, TracePipeParser.parse(
                "            java-310     [000] .....    41.000001: dma_buf_export: exp_name=drm size=16384 ino=7"));
        assertEquals(Map.of("exp_name", "drm", "size", "16384", "ino", "7"), export.fields());
        TraceEvent.DmaBufEvent attach = assertInstanceOf(TraceEvent.DmaBufEvent.class, TracePipeParser.parse(
                "            java-310     [000] .....    41.000002: dma_buf_dynamic_attach: exp_name=drm size=16384 ino=7"
                        + " attachment:00000000a1b2c3d4 is_dynamic=0 dev_name=0000:00:06.0"));
        assertEquals("00000000a1b2c3d4", attach.fields().get("attachment"));
        assertEquals("0000:00:06.0", attach.fields().get("dev_name"));
        assertEquals("0", attach.fields().get("is_dynamic"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "# tracer: nop", "#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION",
            "         python3-224     [000] ...1.    12.98", "python3 [000] 1.0: sys_ioctl -> 0x0",
            "         python3-224     [000] ...1.    12.980545: sys_ioctl(fd: 3, cmd: zz, arg: 1)"})
    void junkIsUnparsedNotAnException(String line) {
        TraceEvent e = TracePipeParser.parse(line);
        assertTrue(e instanceof TraceEvent.Unparsed || e instanceof TraceEvent.OtherEvent, line + " -> " + e);
        if (!line.contains("sys_ioctl(")) {
            assertInstanceOf(TraceEvent.Unparsed.class, e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.1-probe", "6.12-probe", "7.2-probe"})
    void everyCapturedLineParses(String capture) throws IOException {
        List<String> lines;
        try (InputStream in = TracePipeParserTest.class.getResourceAsStream("/trace/" + capture + "/trace.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertEquals(20, lines.size());
        TraceEvent.IoctlEnter lastEnter = null;
        TraceEvent.IoctlExit lastExit = null;
        for (String line : lines) {
            TraceEvent e = TracePipeParser.parse(line);
            if (e instanceof TraceEvent.IoctlEnter en) {
                lastEnter = en;
            } else {
                lastExit = assertInstanceOf(TraceEvent.IoctlExit.class, e, line);
            }
            assertEquals("python3", (e instanceof TraceEvent.IoctlEnter en ? en.header() : lastExit.header()).task());
        }
        // meta.json: the last call was GEM_CLOSE (0x40086409) -> EINVAL; all others TCGETS -> ENOTTY.
        assertEquals(0x40086409L, lastEnter.cmd());
        assertEquals(-22, lastExit.ret());
    }
}
