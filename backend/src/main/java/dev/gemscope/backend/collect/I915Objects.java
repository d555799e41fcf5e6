package dev.gemscope.backend.collect;

import dev.gemscope.backend.model.GemObject;
import dev.gemscope.backend.parse.i915.DescribedObject;
import dev.gemscope.backend.parse.i915.FramebufferRow;
import dev.gemscope.backend.parse.i915.I915ObjectList;
import java.util.stream.Collectors;

/**
 * Adds the objects of i915's debugfs lists to the GEM objects. The same object appears in several
 * lists; it is merged by flink name (which also joins {@code gem_names}) or by its {@code %pK}
 * pointer, which is stable within a boot. With kptr_restrict the pointer prints as zeros and an
 * unnamed object cannot be merged across lists, so it is added once per line and says so.
 */
final class I915Objects {

    static final String RULE_LIST = "§4.5.1: listed by i915 describe_obj";
    static final String RULE_STOLEN = "§4.5.1: in i915_gem_stolen or printed with a stolen offset: stolen memory";

    private I915Objects() {
    }

    static void add(GemObjectBuilder gem, String deviceId, I915Debugfs i915) {
        for (I915ObjectList list : i915.lists()) {
            for (DescribedObject o : list.objects()) {
                addObject(gem, deviceId, o, list.list());
            }
        }
        i915.framebuffers().ifPresent(fbs -> {
            for (FramebufferRow row : fbs.framebuffers()) {
                row.object().ifPresent(o -> {
                    GemDraft d = addObject(gem, deviceId, o, "i915_gem_framebuffer");
                    d.attributes.put("framebuffer", row.kind().name().toLowerCase() + " " + row.width() + "x" + row.height());
                });
            }
        });
    }

    private static GemDraft addObject(GemObjectBuilder gem, String deviceId, DescribedObject o, String list) {
        String id;
        if (o.flinkName().isPresent()) {
            id = deviceId + "/flink:" + o.flinkName().getAsLong();
        } else if (o.mergeKey().isPresent()) {
            id = deviceId + "/i915:" + o.mergeKey().get();
        } else {
            id = deviceId + "/i915:" + list + ":" + o.line();
        }
        GemDraft d = gem.draftFor(id, deviceId).known(o.source(), RULE_LIST);
        o.flinkName().ifPresent(n -> d.flinkName = (int) n);
        o.sizeBytes().ifPresent(d::size);
        if (o.stolenOffset().isPresent() || "i915_gem_stolen".equals(list)) {
            d.backing(GemObject.Backing.STOLEN).known(o.source(), RULE_STOLEN);
            o.stolenOffset().ifPresent(s -> d.attributes.put("stolenOffset", "0x" + Long.toHexString(s)));
        }
        d.attributes.merge("lists", list, (a, b) -> a.contains(b) ? a : a + "," + b);
        d.attributes.put("domains", String.format("read %02x write %02x", o.readDomains(), o.writeDomain()));
        if (!o.cacheLevel().isBlank()) {
            d.attributes.put("cache", o.cacheLevel().strip());
        }
        d.attributes.put("tiling", o.flags().tiling().name());
        o.pinCount().ifPresent(p -> d.attributes.put("pinCount", Long.toString(p)));
        if (!o.bindings().isEmpty()) {
            d.attributes.put("bindings", o.bindings().stream()
                    .map(b -> b.space().name().toLowerCase() + "@0x" + Long.toHexString(b.offset()))
                    .collect(Collectors.joining(",")));
        }
        if (o.pointerHidden()) {
            d.attributes.put("pointer", "hidden by kptr_restrict");
        }
        return d;
    }
}
