package dev.gemscope.backend.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.backend.parse.trace.TraceEvent;
import dev.gemscope.backend.parse.trace.TracePipeParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pairing on {@code trace_pipe} streams captured live by {@code WatchLive} (its {@code --raw-log}):
 * every line of the guest, all processes, as the watch read it. The test made five failing calls
 * (meta.json); pairing must find exactly those, in order, and nothing else in the whole stream.
 */
class CapturedTraceTest {

    private static final List<String> EXPECTED = List.of(
            "0xc008640a EACCES-13", // GEM_FLINK on the vgem render node
            "0x40086409 EINVAL-22", // GEM_CLOSE of an unknown handle
            "0xc00c642e EINVAL-22", // PRIME_FD_TO_HANDLE of a memfd
            "0xc00c642e ENODEV-19", // PRIME_FD_TO_HANDLE of a vgem buffer on virtio_gpu
            "0x40086200 EINVAL-22"); // DMA_BUF_IOCTL_SYNC with flags 0x8

    @ParameterizedTest
    @ValueSource(strings = {"6.1-watchlive", "6.12-watchlive", "7.2-watchlive"})
    void pairingFindsExactlyTheKnownFailures(String capture) throws IOException {
        List<String> lines;
        try (InputStream in = CapturedTraceTest.class.getResourceAsStream("/trace/" + capture + "/trace_pipe.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        IoctlPairing pairing = new IoctlPairing();
        List<String> found = new ArrayList<>();
        int unparsed = 0;
        for (String line : lines) {
            TraceEvent e = TracePipeParser.parse(line);
            if (e instanceof TraceEvent.Unparsed) {
                unparsed++;
            }
            pairing.accept(e).ifPresent(f -> found.add(String.format(Locale.ROOT, "0x%08x %s-%d", f.enter().cmd(),
                    dev.gemscope.backend.drm.Errno.nameOf(f.errno()), f.errno())));
        }
        assertEquals(EXPECTED, found);
        assertEquals(0, unparsed, "every captured line parses");
        assertEquals(0, pairing.lostEvents());
        assertTrue(lines.size() > EXPECTED.size() * 2, "the stream holds more than the failures");
    }
}
