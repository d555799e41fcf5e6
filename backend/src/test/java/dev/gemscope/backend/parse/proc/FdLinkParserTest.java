package dev.gemscope.backend.parse.proc;

import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.gemscope.backend.parse.proc.FdLink.DrmNodeKind;
import dev.gemscope.backend.parse.proc.FdLink.Kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FdLinkParserTest {

    @Test
    void readsNamedDmaBufWithSpaces() {
        FdLink link = FdLinkParser.parse("/dmabuf:video frame 3");

        assertEquals(Kind.DMA_BUF, link.kind());
        assertEquals("video frame 3", link.name());
        assertTrue(link.isDmaBuf());
    }

    @Test
    void readsUnnamedDmaBufAsEmptyName() {
        FdLink link = FdLinkParser.parse("/dmabuf:");

        assertEquals(Kind.DMA_BUF, link.kind());
        assertEquals("", link.name());
    }

    @Test
    void keepsADmaBufNameThatLooksDeleted() {
        FdLink link = FdLinkParser.parse("/dmabuf:x (deleted)");

        assertEquals("x (deleted)", link.name());
        assertFalse(link.deleted());
    }

    @Test
    void readsPreFiveThreeAnonDmaBuf() {
        FdLink link = FdLinkParser.parse("anon_inode:dmabuf");

        assertEquals(Kind.DMA_BUF_ANON, link.kind());
        assertTrue(link.isDmaBuf());
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            /dev/dri/card0,       card0,       PRIMARY, 0
            /dev/dri/card1,       card1,       PRIMARY, 1
            /dev/dri/renderD128,  renderD128,  RENDER,  128
            /dev/dri/controlD64,  controlD64,  CONTROL, 64
            /dev/dri/renderD300,  renderD300,  RENDER,  300
            """)
    void readsDrmNodeKindAndMinorFromTheName(String target, String name, DrmNodeKind kind, int minor) {
        FdLink link = FdLinkParser.parse(target);

        assertEquals(Kind.DRM_NODE, link.kind());
        assertEquals(name, link.name());
        assertEquals(Optional.of(kind), link.nodeKind());
        assertEquals(OptionalInt.of(minor), link.minor());
    }

    @Test
    void marksARemovedDrmNodeAsDeleted() {
        FdLink link = FdLinkParser.parse("/dev/dri/renderD129 (deleted)");

        assertEquals(Kind.DRM_NODE, link.kind());
        assertEquals("renderD129", link.name());
        assertEquals(OptionalInt.of(129), link.minor());
        assertTrue(link.deleted());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/dri/cardX", "/dev/dri/renderD", "/dev/dri/card99999999999999999999"})
    void leavesKindAndMinorEmptyForOddNodeNames(String target) {
        FdLink link = FdLinkParser.parse(target);

        assertEquals(Kind.DRM_NODE, link.kind());
        assertEquals(Optional.empty(), link.nodeKind());
        assertEquals(OptionalInt.empty(), link.minor());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/dri/by-path/pci-0000:00:02.0-card", "/dev/dri/", "/dev/drix", "socket:[1234]",
        "anon_inode:[pidfd]", "anon_inode:dmabufx", "", "/home/u/dmabuf:x"})
    void classifiesEverythingElseAsOther(String target) {
        assertEquals(Kind.OTHER, FdLinkParser.parse(target).kind());
    }

    @Test
    void readsSyncFile() {
        assertEquals(Kind.SYNC_FILE, FdLinkParser.parse("anon_inode:sync_file").kind());
    }

    @Test
    void readsDmaHeapAndUdmabufDevices() {
        FdLink heap = FdLinkParser.parse("/dev/dma_heap/system");

        assertEquals(Kind.DMA_HEAP, heap.kind());
        assertEquals("system", heap.name());
        assertEquals(Kind.UDMABUF, FdLinkParser.parse("/dev/udmabuf").kind());
    }

    @Test
    void treatsNullAsAnEmptyOtherTarget() {
        FdLink link = FdLinkParser.parse(null);

        assertEquals(Kind.OTHER, link.kind());
        assertEquals("", link.target());
    }
}
