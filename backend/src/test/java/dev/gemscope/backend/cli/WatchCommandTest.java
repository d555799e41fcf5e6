package dev.gemscope.backend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.backend.model.FailedOperation;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class WatchCommandTest {

    @Test
    void oneTextLinePerFailure() {
        FailedOperation f = new FailedOperation("2026-11-25T20:11:49.572147600Z", 203, "java", "0000:00:06.0",
                "DRM_IOCTL_PRIME_FD_TO_HANDLE", "fd 38: /dev/dri/renderD129 (virtio_gpu); arg 0x7f07fb6083c0 not read",
                "ENODEV", 19, "tracefs", "virtio-gpu cannot import a foreign dma-buf", true);
        assertEquals("2026-11-25T20:11:49.572147600Z pid 203 (java) 0000:00:06.0 DRM_IOCTL_PRIME_FD_TO_HANDLE ENODEV (19)"
                + " — fd 38: /dev/dri/renderD129 (virtio_gpu); arg 0x7f07fb6083c0 not read"
                + " — virtio-gpu cannot import a foreign dma-buf [by design]", WatchCommand.text(f));
        FailedOperation gone = new FailedOperation("t", null, null, null, "DMA_BUF_IOCTL_SYNC", "fd 9: unknown",
                "errno 4242", 4242, "tracefs", "", null);
        assertEquals("t pid ? - DMA_BUF_IOCTL_SYNC errno 4242 — fd 9: unknown", WatchCommand.text(gone));
    }

    @Test
    void badOptionsAreUsageErrorsWithoutAStackTrace() {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "watch", "--duration", "0");
        assertEquals(2, code);
        assertEquals("gemscope: --duration must be a positive number of seconds", err.toString().strip());
        err.getBuffer().setLength(0);
        assertEquals(2, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "watch", "--pid", "x"));
        assertTrue(err.toString().startsWith("gemscope: "), err.toString());
    }
}
