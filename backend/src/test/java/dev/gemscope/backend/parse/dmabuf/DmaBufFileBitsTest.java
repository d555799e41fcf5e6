package dev.gemscope.backend.parse.dmabuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class DmaBufFileBitsTest {

    @Test
    void namesSixEraReadWriteExportMode() {
        assertEquals(List.of("FMODE_READ", "FMODE_WRITE", "FMODE_LSEEK", "FMODE_OPENED"),
                List.copyOf(DmaBufFileBits.describeMode(0x00080007)));
    }

    @Test
    void namesOldReadOnlyModeAndUnknownBitsInHex() {
        assertEquals(List.of("FMODE_READ", "FMODE_LSEEK"), List.copyOf(DmaBufFileBits.describeMode(0x5)));
        assertEquals(List.of("FMODE_READ", "FMODE_NOWAIT", "0x80000040"),
                List.copyOf(DmaBufFileBits.describeMode(0x88000041)));
        assertEquals(List.of(), List.copyOf(DmaBufFileBits.describeMode(0)));
    }

    @Test
    void namesAccessModeAndNonblockFlags() {
        assertEquals(List.of("O_RDWR"), List.copyOf(DmaBufFileBits.describeFlags(0x2)));
        assertEquals(List.of("O_RDONLY"), List.copyOf(DmaBufFileBits.describeFlags(0)));
        assertEquals(List.of("O_WRONLY", "O_NONBLOCK"), List.copyOf(DmaBufFileBits.describeFlags(0x801)));
        assertEquals(List.of("O_ACCMODE=3", "0x80000"), List.copyOf(DmaBufFileBits.describeFlags(0x80003)));
    }

    @Test
    void tellsWritableExports() {
        assertTrue(DmaBufFileBits.writable(0x2));
        assertTrue(DmaBufFileBits.writable(0x801));
        assertFalse(DmaBufFileBits.writable(0x800));
        assertFalse(DmaBufFileBits.writable(0x3));
    }
}
