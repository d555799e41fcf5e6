package dev.gemscope.backend.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.backend.model.GemObject;
import dev.gemscope.backend.model.Holder;
import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.source.SystemRoot;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collector's joins on small synthetic trees (6.x formats), one behaviour per test. */
class CollectorTest {

    @TempDir
    Path dir;
    TreeBuilder tree;

    static final String BUFINFO = """

            Dma-buf Objects:
            size    \tflags   \tmode    \tcount   \texp_name\tino     \tname
            00008192\t00000002\t00080007\t00000005\tdrm\t00000012\tscanout
            \twrite fence:vgem unbound seq 1 unsignalled
            \tAttached Devices:
            \t0000:00:02.0
            Total 1 devices attached

            00004096\t00000002\t00080007\t00000001\tudmabuf\t00000013\t<none>
            \tAttached Devices:
            Total 0 devices attached


            Total 2 objects, 12288 bytes
            """;

    @BeforeEach
    void baseTree() {
        tree = new TreeBuilder(dir)
                .file("/proc/sys/kernel/osrelease", "6.1.0-25-amd64\n")
                .file("/proc/sys/kernel/hostname", "testbox\n")
                .file("/sys/kernel/debug/dma_buf/bufinfo", BUFINFO)
                .file("/sys/class/drm/card0/dev", "226:0\n")
                .link("/sys/class/drm/card0/device", "../../../devices/pci0000:00/0000:00:02.0")
                .file("/sys/class/drm/renderD128/dev", "226:128\n")
                .link("/sys/class/drm/renderD128/device", "../../../devices/pci0000:00/0000:00:02.0")
                .file("/sys/devices/pci0000:00/0000:00:02.0/vendor", "0x8086\n")
                .file("/sys/devices/pci0000:00/0000:00:02.0/device", "0x3e92\n")
                .link("/sys/devices/pci0000:00/0000:00:02.0/driver", "../../../bus/pci/drivers/i915")
                .file("/sys/class/drm/card1/dev", "226:1\n")
                .link("/sys/class/drm/card1/device", "../../../devices/platform/vgem")
                .file("/sys/devices/platform/vgem/uevent", "DRIVER=vgem\nMODALIAS=platform:vgem\n")
                .link("/sys/devices/platform/vgem/driver", "../../../bus/platform/drivers/vgem");
        // pid 100 exported the vgem buffer (fd 4 on card1) and keeps a dma-buf fd (5) and mapping.
        tree.process(100, "render")
                .link("/proc/100/fd/4", "/dev/dri/card1")
                .file("/proc/100/fdinfo/4", "pos:\t0\nflags:\t02100002\nmnt_id:\t24\nino:\t301\n")
                .link("/proc/100/fd/5", "/dmabuf:scanout")
                .file("/proc/100/fdinfo/5", "pos:\t0\nflags:\t02000002\nmnt_id:\t15\nino:\t12\nsize:\t8192\ncount:\t5\nexp_name:\tdrm\nname:\tscanout\n")
                .file("/proc/100/maps", "7f0000000000-7f0000002000 rw-s 00000000 00:0d 12                         /dmabuf:scanout\n");
        // pid 200 imported it on i915 through renderD128 and holds the udmabuf.
        tree.process(200, "display")
                .link("/proc/200/fd/3", "/dev/dri/renderD128")
                .file("/proc/200/fdinfo/3", "pos:\t0\nflags:\t02100002\nmnt_id:\t24\nino:\t302\ndrm-driver:\ti915\ndrm-client-id:\t7\n"
                        + "drm-pdev:\t0000:00:02.0\ndrm-total-system0:\t8 KiB\ndrm-shared-system0:\t8 KiB\ndrm-engine-render:\t1000 ns\n")
                .link("/proc/200/fd/9", "/dmabuf:")
                .file("/proc/200/fdinfo/9", "pos:\t0\nflags:\t02000002\nmnt_id:\t15\nino:\t13\nsize:\t4096\ncount:\t1\nexp_name:\tudmabuf\n")
                .file("/proc/200/maps", "");
        tree.process(1, "init").link("/proc/1/fd/0", "/dev/null").file("/proc/1/maps", "");
    }

    Snapshot collect() {
        return new Collector(SystemRoot.at(dir)).collect();
    }

    @Test
    void devicesComeFromSysfsWithCardAndRenderPaired() {
        Snapshot s = collect();
        assertEquals(2, s.devices().size());
        var i915 = s.devices().stream().filter(d -> d.id().equals("0000:00:02.0")).findFirst().orElseThrow();
        assertEquals("i915", i915.driver());
        assertEquals(2, i915.minors().size());
        assertEquals("0x8086", i915.pci().vendor());
    }

    @Test
    void holdersAreTiedToBuffersByInode() {
        Snapshot s = collect();
        assertEquals(4, s.holders().size(), s.holders().toString());
        Holder dmabuf = s.holders().stream().filter(h -> h.pid() == 100 && h.fd() == 5).findFirst().orElseThrow();
        assertEquals("ino:12", dmabuf.dmaBufKey());
        assertEquals(1, s.mappings().size());
        assertEquals("ino:12", s.mappings().get(0).dmaBufKey());
    }

    @Test
    void foreignImportBecomesAnImportedObjectOnTheAttachedGpu() {
        Snapshot s = collect();
        GemObject imported = s.gemObjects().stream().filter(o -> o.role() == GemObject.Role.IMPORTER).findFirst().orElseThrow();
        assertEquals("0000:00:02.0", imported.deviceId());
        assertEquals(GemObject.Backing.IMPORTED, imported.backing());
        assertEquals("ino:12", imported.dmaBufKey());
        assertEquals(1, s.attachments().size());
        assertEquals(imported.id(), s.attachments().get(0).importedObjectId());
    }

    @Test
    void genericExporterIsResolvedToTheDeviceThatDidNotAttach() {
        Snapshot s = collect();
        GemObject exporter = s.gemObjects().stream().filter(o -> o.role() == GemObject.Role.EXPORTER).findFirst().orElseThrow();
        // exp_name "drm" could be any generic driver; i915 attached, so it cannot be the exporter.
        assertEquals("vgem", exporter.deviceId());
        assertEquals(GemObject.Backing.SHMEM, exporter.backing());
        // count 5 = fd + mapping + 2 for the i915 import + 1 for the exporter's handle.
        assertEquals("yes", exporter.attributes().get("handles"));
    }

    @Test
    void udmabufHasNoGemExporter() {
        Snapshot s = collect();
        assertTrue(s.gemObjects().stream().noneMatch(o -> "ino:13".equals(o.dmaBufKey())));
    }

    @Test
    void drmClientCarriesFdinfoStats() {
        Snapshot s = collect();
        var client = s.clients().stream().filter(c -> c.pid() == 200).findFirst().orElseThrow();
        assertEquals("0000:00:02.0", client.deviceId());
        assertEquals(7L, client.clientId());
        assertEquals(8192L, client.memory().get(0).total());
        assertEquals(1000L, client.engines().get(0).busyNs());
    }

    @Test
    void totalsCountASharedBufferOnce() {
        Snapshot s = collect();
        assertEquals(2, s.totals().dmaBufCount());
        assertEquals(12288, s.totals().dmaBufBytes());
        var render = s.totals().perProcess().stream().filter(p -> p.pid() == 100).findFirst().orElseThrow();
        assertEquals(8192, render.rssBytes());
        assertEquals(8192, render.pssBytes(), "only pid 100 references ino 12 from userspace");
    }

    @Test
    void vanishedFdIsSkippedAndCounted() {
        // fd link present, fdinfo gone: the fd was closed between readdir and read.
        tree.link("/proc/100/fd/6", "/dmabuf:");
        Snapshot s = collect();
        assertTrue(s.holders().stream().noneMatch(h -> h.pid() == 100 && h.fd() == 6));
        assertEquals(1, s.visibility().fdsVanished());
    }

    @Test
    void withoutDebugfsTheReportSaysWhatIsMissingAndBuffersComeFromFdinfo() throws Exception {
        java.nio.file.Files.delete(dir.resolve("sys/kernel/debug/dma_buf/bufinfo"));
        Snapshot s = collect();
        assertFalse(s.visibility().complete());
        assertTrue(s.visibility().issues().stream().anyMatch(i -> i.scope().equals("dma-bufs") && i.remedy().contains("root")));
        assertEquals(2, s.dmaBufs().size(), "both buffers are known from their holders' fdinfo");
        GemObject exporter = s.gemObjects().stream().filter(o -> o.role() == GemObject.Role.EXPORTER).findFirst().orElseThrow();
        assertEquals("unknown", exporter.attributes().get("handles"));
    }

    @Test
    void truncatedBufinfoKeepsCompleteBuffersAndWarns() {
        tree.file("/sys/kernel/debug/dma_buf/bufinfo", BUFINFO.substring(0, BUFINFO.indexOf("00004096") + 20));
        Snapshot s = collect();
        assertTrue(s.dmaBufs().stream().anyMatch(b -> "ino:12".equals(b.key())));
        assertFalse(s.warnings().isEmpty());
        assertTrue(s.visibility().issues().stream().anyMatch(i -> i.missing().contains("end of bufinfo")));
    }

    @Test
    void processWithoutGpuFilesIsNotListed() {
        Snapshot s = collect();
        assertTrue(s.processes().stream().noneMatch(p -> p.pid() == 1));
        assertEquals(3, s.visibility().processesScanned());
        assertNull(s.clients().stream().filter(c -> c.pid() == 100).findFirst().orElseThrow().clientId());
    }
}
