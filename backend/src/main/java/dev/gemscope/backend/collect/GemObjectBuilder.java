package dev.gemscope.backend.collect;

import dev.gemscope.backend.model.Attachment;
import dev.gemscope.backend.model.DmaBuf;
import dev.gemscope.backend.model.DrmDevice;
import dev.gemscope.backend.model.GemObject;
import dev.gemscope.backend.model.Holder;
import dev.gemscope.backend.model.Mapping;
import dev.gemscope.backend.parse.dmabuf.BufinfoParser;
import dev.gemscope.backend.parse.drm.Framebuffers;
import dev.gemscope.backend.parse.drm.GemNamesParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles GEM objects from every signal the kernel gives (kernel-interfaces.md Appendix B). No
 * interface lists them all, so each object records which source and rule made it known, and objects
 * seen by several sources are merged where a key joins them (flink name, dma-buf, i915 pointer).
 */
final class GemObjectBuilder {

    static final String RULE_IMPORT = "B3: a DRM device attached to a dma-buf imports it as a GEM object backed by an sg_table (§7 rule 11)";
    static final String RULE_EXPORT = "§1.2: the exporting GEM object stays referenced by dmabuf->priv while the dma-buf lives";
    static final String RULE_FLINK = "§4.4: gem_names lists every flinked object";
    static final String RULE_FB_IMPORTED = "§4: framebuffer obj imported=yes (drm_gem_print_info: obj->import_attach)";
    static final String RULE_FB_OWN = "§4: framebuffer obj imported=no: the driver's own object";
    static final String RULE_SHMEM_MAP = "B1: a /i915 (deleted) or /drm mm object (deleted) mapping is a shmem-backed GEM object";
    static final String RULE_FAKE_OFFSET = "§3: a DRM-node mapping at a GEM fake offset is a GEM object mapped through that fd";

    /** 4 KiB pages: x86_64, the only architecture gemscope reads layouts for. */
    private static final int PAGE_SHIFT = 12;

    private final DeviceCatalog devices;
    private final Map<String, GemDraft> drafts = new LinkedHashMap<>();
    private final List<Attachment> attachments = new ArrayList<>();

    GemObjectBuilder(DeviceCatalog devices) {
        this.devices = devices;
    }

    private GemDraft draft(String id, String deviceId) {
        return drafts.computeIfAbsent(id, k -> new GemDraft(k, deviceId));
    }

    /** Imports: one GEM object per attachment line that names a DRM device (rule 11a keeps duplicates). */
    void addImports(DmaBuf buf, List<String> attachedDevices) {
        Map<String, Integer> seen = new HashMap<>();
        for (String name : attachedDevices) {
            int nth = seen.merge(name, 1, Integer::sum);
            String deviceId = devices.idForAttachment(name).orElse(null);
            String objectId = null;
            if (deviceId != null) {
                objectId = deviceId + "/import:" + buf.key() + (nth > 1 ? "#" + nth : "");
                GemDraft d = draft(objectId, deviceId).known(BufinfoParser.PATH, RULE_IMPORT)
                        .backing(GemObject.Backing.IMPORTED).size(buf.size());
                d.role = GemObject.Role.IMPORTER;
                d.dmaBufKey = buf.key();
                d.dmaBufIno = buf.ino();
            }
            attachments.add(new Attachment(buf.key(), name, deviceId, objectId));
        }
    }

    /**
     * The exporter of a DRM-exported buffer. Whether it still has a handle follows from the file count
     * when every reference is visible: count = fds + mappings + 2 per DRM import + 1 while a handle exists.
     */
    DmaBuf addExporter(DmaBuf buf, List<String> attachedDevices, List<Holder> holders, List<Mapping> mappings,
            boolean allProcessesVisible) {
        List<String> candidates = new ArrayList<>(devices.exporterCandidates(buf.exporter()));
        if (candidates.isEmpty() && !"drm".equals(buf.exporter())) {
            return buf; // udmabuf, heaps, V4L2, or a GPU we cannot see: no known GEM object behind it
        }
        if (candidates.size() > 1) {
            // A device never attaches to its own export (self-import re-uses the object, §7 rule 9).
            candidates.removeAll(attachedDevices.stream().map(n -> devices.idForAttachment(n).orElse(n)).toList());
        }
        String deviceId = candidates.size() == 1 ? candidates.get(0) : null;
        GemDraft d = draft((deviceId == null ? "?" : deviceId) + "/export:" + buf.key(), deviceId)
                .known(BufinfoParser.PATH, RULE_EXPORT).size(buf.size());
        d.role = GemObject.Role.EXPORTER;
        d.dmaBufKey = buf.key();
        d.dmaBufIno = buf.ino();
        if (deviceId == null) {
            d.attributes.put("exporterCandidates", candidates.isEmpty() ? "unknown" : String.join(",", candidates));
        } else {
            ownBacking(d, deviceId, BufinfoParser.PATH);
        }
        d.attributes.put("handles", handleState(buf, attachedDevices, holders, mappings, allProcessesVisible));
        return deviceId == null ? buf : new DmaBuf(buf.key(), buf.ino(), buf.size(), buf.exporter(), buf.name(),
                buf.fileCount(), buf.flags(), buf.mode(), buf.fences(), deviceId);
    }

    private String handleState(DmaBuf buf, List<String> attached, List<Holder> holders, List<Mapping> mappings,
            boolean allVisible) {
        if (buf.fileCount() == null || !allVisible) {
            return "unknown";
        }
        long fds = holders.stream().filter(h -> buf.key().equals(h.dmaBufKey())).count();
        long maps = mappings.stream().filter(m -> buf.key().equals(m.dmaBufKey())).count();
        long imports = attached.stream().filter(n -> devices.idForAttachment(n).isPresent()).count();
        long residual = buf.fileCount() - fds - maps - 2 * imports;
        return residual >= 1 ? "yes" : "none (kept alive by the dma-buf only)";
    }

    void addFlinkNames(String deviceId, String source, List<GemNamesParser.GemName> names) {
        for (GemNamesParser.GemName n : names) {
            GemDraft d = draft(deviceId + "/flink:" + n.name(), deviceId).known(source, RULE_FLINK).size(n.size());
            d.flinkName = (int) n.name();
            n.handleCount().ifPresent(c -> d.attributes.put("handleCount", Long.toString(c)));
        }
    }

    void addFramebuffers(String deviceId, String source, List<Framebuffers.Framebuffer> fbs) {
        for (Framebuffers.Framebuffer fb : fbs) {
            for (Framebuffers.Plane plane : fb.planes()) {
                plane.object().ifPresent(obj -> addFramebufferObject(deviceId, source, fb, plane, obj));
            }
        }
    }

    private void addFramebufferObject(String deviceId, String source, Framebuffers.Framebuffer fb,
            Framebuffers.Plane plane, Framebuffers.GemObjectInfo obj) {
        boolean imported = obj.imported().orElse(false);
        long flink = obj.flinkName().orElse(0);
        GemDraft d;
        if (flink > 0) {
            d = draft(deviceId + "/flink:" + flink, deviceId);
            d.flinkName = (int) flink;
        } else if (imported && soleImportOfSize(deviceId, obj.size().orElse(-1)) != null) {
            d = soleImportOfSize(deviceId, obj.size().getAsLong());
        } else if (obj.vmaStartPages().orElse(0) > 0) {
            // start= is the object's fake-offset node in pages: the same key a CPU mapping of it has.
            d = draft(vmaId(deviceId, obj.vmaStartPages().getAsLong()), deviceId);
        } else {
            d = draft(deviceId + "/fb:" + fb.id() + "/plane:" + plane.index(), deviceId);
        }
        obj.size().ifPresent(d::size);
        d.attributes.put("framebuffer", fb.id() + (fb.allocatedBy().isEmpty() ? "" : " by " + fb.allocatedBy()));
        if (obj.imported().isPresent()) {
            d.known(source, imported ? RULE_FB_IMPORTED : RULE_FB_OWN);
            if (imported) {
                d.backing(GemObject.Backing.IMPORTED);
            } else {
                ownBacking(d, deviceId, source);
            }
        }
    }

    private GemDraft soleImportOfSize(String deviceId, long size) {
        GemDraft found = null;
        for (GemDraft d : drafts.values()) {
            if (d.role == GemObject.Role.IMPORTER && deviceId.equals(d.deviceId) && d.size != null && d.size == size) {
                if (found != null) {
                    return null;
                }
                found = d;
            }
        }
        return found;
    }

    /** Objects seen only as CPU mappings: shmem GEM maps and DRM fake-offset maps. */
    void addMapping(Mapping m) {
        if (m.kind() == Mapping.Kind.SHMEM_GEM) {
            String driver = m.path().startsWith("/i915") || m.path().startsWith("i915") ? "i915" : null;
            List<String> candidates = driver == null ? List.of() : devices.exporterCandidates(driver);
            String deviceId = candidates.size() == 1 ? candidates.get(0) : null;
            GemDraft d = draft((deviceId == null ? "?" : deviceId) + "/shmem:" + m.pid() + ":" + Long.toHexString(m.start()),
                    deviceId).known("/proc/" + m.pid() + "/maps", RULE_SHMEM_MAP).backing(GemObject.Backing.SHMEM)
                    .size(m.length());
            d.ownerPid = m.pid();
        } else if ((m.kind() == Mapping.Kind.DRM_NODE || m.kind() == Mapping.Kind.I915_GEM) && m.fakeOffset()) {
            String deviceId = m.node() != null ? devices.idForNode(m.node()).orElse(null)
                    : soleDevice(devices.exporterCandidates("i915"));
            // A fake offset is unique per object on its device (drm_vma_manager), so two processes mapping
            // the same offset map the same object (mapping it needs a handle in that file).
            GemDraft d = draft(vmaId(deviceId == null ? "?" : deviceId, m.offset() >>> PAGE_SHIFT), deviceId)
                    .known("/proc/" + m.pid() + "/maps", RULE_FAKE_OFFSET).size(m.length());
            d.ownerPid = m.pid();
            d.attributes.put("fakeOffset", "0x" + Long.toHexString(m.offset()));
        }
    }

    private static String vmaId(String deviceId, long startPage) {
        return deviceId + "/vma:" + Long.toHexString(startPage);
    }

    private static String soleDevice(List<String> ids) {
        return ids.size() == 1 ? ids.get(0) : null;
    }

    private void ownBacking(GemDraft d, String deviceId, String source) {
        String driver = devices.byId(deviceId).map(DrmDevice::driver).orElse(null);
        DriverFacts.Own own = DriverFacts.own(driver);
        if (own != null) {
            d.backing(own.backing());
            d.known(source, own.reason());
        }
    }

    /** Direct access for driver-specific sources (i915 lists) that refine or add objects. */
    GemDraft draftFor(String id, String deviceId) {
        return draft(id, deviceId);
    }

    List<GemObject> objects() {
        return drafts.values().stream().map(GemDraft::build).toList();
    }

    List<Attachment> attachments() {
        return List.copyOf(attachments);
    }
}
