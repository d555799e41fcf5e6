package dev.gemscope.backend.drm.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

import dev.gemscope.backend.drm.OpenFds;

/**
 * Every live test: fails (does not skip) without {@code /dev/dri/renderD*}, and checks after each
 * test that our descriptors ({@code /proc/self/fd}) and the system's dma-buf count (bufinfo) are
 * back where they were — the proof that every owner closed what it opened.
 */
@Tag("live")
abstract class LiveTestBase {

    private List<String> fdsBefore;
    private long objectsBefore;

    @BeforeAll
    static void requireRenderNodes() throws IOException {
        Path dri = Path.of("/dev/dri");
        assertTrue(Files.isDirectory(dri), "no /dev/dri: the live tests need the QEMU bench (vgem + virtio-gpu)");
        try (Stream<Path> s = Files.list(dri)) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith("renderD")),
                    "no /dev/dri/renderD*: the live tests need the QEMU bench (vgem + virtio-gpu)");
        }
    }

    @BeforeEach
    void takeBaseline() {
        fdsBefore = OpenFds.targets();
        objectsBefore = LiveKernel.bufinfoObjects();
    }

    @AfterEach
    void backToBaseline() throws InterruptedException {
        assertEquals(fdsBefore, OpenFds.targets(), "descriptors left open by the test");
        // Releases are synchronous for our own closes, but allow a little slack for deferred fput
        // work on a slow emulated CPU before calling it a leak.
        long objects = LiveKernel.bufinfoObjects();
        for (int i = 0; i < 40 && objects != objectsBefore; i++) {
            Thread.sleep(50);
            objects = LiveKernel.bufinfoObjects();
        }
        assertEquals(objectsBefore, objects, "bufinfo object count after the test");
    }
}
