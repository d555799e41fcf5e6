package dev.gemscope.backend.probe;

import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.DrmFile;
import dev.gemscope.backend.drm.DrmNative;
import dev.gemscope.backend.drm.DrmNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups the DRM nodes into devices (card + render of one parent) and asks each its driver. */
public final class ProbeDevices {

    private ProbeDevices() {
    }

    /** Every DRM device with a card or render node, in node order. Opens each device once to read its driver. */
    public static List<ProbeDevice> discover(DrmNative drm) {
        Map<String, List<DrmNode>> byParent = new LinkedHashMap<>();
        for (DrmNode n : drm.devices().list()) {
            if (!n.isPrimary() && !n.isRender()) {
                continue;
            }
            String key = n.parent().isEmpty() ? n.path() : n.parent();
            byParent.computeIfAbsent(key, k -> new ArrayList<>()).add(n);
        }
        List<ProbeDevice> out = new ArrayList<>();
        for (Map.Entry<String, List<DrmNode>> e : byParent.entrySet()) {
            DrmNode card = e.getValue().stream().filter(DrmNode::isPrimary).findFirst().orElse(null);
            DrmNode render = e.getValue().stream().filter(DrmNode::isRender).findFirst().orElse(null);
            String driver = "?";
            String problem = null;
            // The render node first: opening it never makes us DRM master of the card.
            DrmNode ask = render != null ? render : card;
            try (DrmFile f = drm.devices().open(ask)) {
                driver = f.version().name();
            } catch (DrmException ex) {
                problem = "cannot open " + ask.path() + ": " + ex.errnoName();
            }
            out.add(new ProbeDevice(e.getKey(), driver, card, render, problem));
        }
        return out;
    }

    /**
     * The devices a user named: a node path ({@code /dev/dri/card0}, {@code renderD128}), a parent
     * id ({@code 0000:00:02.0}, {@code vgem}) or a driver name ({@code virtio_gpu}).
     *
     * @throws IllegalArgumentException naming the argument that matched nothing
     */
    public static List<ProbeDevice> select(List<ProbeDevice> all, List<String> names) {
        if (names == null || names.isEmpty()) {
            return all;
        }
        List<ProbeDevice> out = new ArrayList<>();
        for (String name : names) {
            List<ProbeDevice> hits = all.stream().filter(d -> matches(d, name)).toList();
            if (hits.isEmpty()) {
                throw new IllegalArgumentException("no DRM device matches '" + name + "' (devices: "
                        + all.stream().map(ProbeDevice::label).toList() + ")");
            }
            hits.stream().filter(h -> !out.contains(h)).forEach(out::add);
        }
        return out;
    }

    private static boolean matches(ProbeDevice d, String name) {
        String n = name.startsWith("/dev/dri/") ? name : "/dev/dri/" + name;
        return d.id().equals(name) || d.driver().equals(name)
                || (d.card() != null && d.card().path().equals(n))
                || (d.render() != null && d.render().path().equals(n));
    }
}
