package dev.gemscope.app.live;

import dev.gemscope.app.index.SnapshotIndex;
import dev.gemscope.backend.model.DrmClient;
import dev.gemscope.backend.model.DrmDevice;
import dev.gemscope.backend.model.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Memory over time in live mode: per refresh, the dma-bufs (each once) and each device's clients'
 * {@code drm-total} from fdinfo; and what appeared or went since the previous refresh.
 */
public final class MemoryHistory {

    /** Samples kept: two minutes at the fastest interval. */
    public static final int CAPACITY = 120;
    public static final String DMA_BUFS = "dma-bufs";

    /**
     * One refresh.
     *
     * @param seconds since the first sample
     * @param bytes per series name
     */
    public record Sample(double seconds, Map<String, Long> bytes) {
    }

    private final ObservableList<Sample> samples = FXCollections.observableArrayList();
    private final ObservableList<String> series = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper changeText = new ReadOnlyStringWrapper(this, "changeText", "");
    private Instant start;
    private Snapshot previous;
    private Set<String> freshBuffers = Set.of();
    private Set<String> freshObjects = Set.of();

    /** Adds a refresh; returns false (and records nothing) for the same snapshot twice. */
    public boolean add(Snapshot s) {
        if (s == previous) {
            return false;
        }
        Instant at = instant(s);
        if (start == null) {
            start = at;
        }
        Map<String, Long> bytes = new LinkedHashMap<>();
        bytes.put(DMA_BUFS, s.totals().dmaBufBytes());
        for (DrmDevice d : s.devices()) {
            long sum = 0;
            boolean any = false;
            for (DrmClient c : s.clients()) {
                Long t = d.id().equals(c.deviceId()) ? SnapshotIndex.totalMemory(c) : null;
                if (t != null) {
                    sum += t;
                    any = true;
                }
            }
            if (any) {
                bytes.put(seriesName(d, s) + " clients", sum);
            }
        }
        Set<String> names = new LinkedHashSet<>(series);
        names.addAll(bytes.keySet());
        if (!names.equals(new LinkedHashSet<>(series))) {
            series.setAll(names);
        }
        samples.add(new Sample(Math.max(0, Duration.between(start, at).toMillis() / 1000.0), bytes));
        if (samples.size() > CAPACITY) {
            samples.remove(0, samples.size() - CAPACITY);
        }
        diff(previous, s);
        previous = s;
        return true;
    }

    /** The driver name, or driver and id where two devices share a driver. */
    private static String seriesName(DrmDevice d, Snapshot s) {
        if (d.driver() == null) {
            return d.id();
        }
        long same = s.devices().stream().filter(o -> d.driver().equals(o.driver())).count();
        return same > 1 ? d.driver() + " " + d.id() : d.driver();
    }

    private void diff(Snapshot before, Snapshot now) {
        if (before == null) {
            freshBuffers = Set.of();
            freshObjects = Set.of();
            changeText.set("Collecting: the chart grows with each refresh.");
            return;
        }
        Set<String> was = new LinkedHashSet<>();
        before.dmaBufs().forEach(b -> was.add(b.key()));
        Set<String> is = new LinkedHashSet<>();
        now.dmaBufs().forEach(b -> is.add(b.key()));
        Set<String> added = new LinkedHashSet<>(is);
        added.removeAll(was);
        Set<String> gone = new LinkedHashSet<>(was);
        gone.removeAll(is);
        Set<String> objWas = new LinkedHashSet<>();
        before.gemObjects().forEach(o -> objWas.add(o.id()));
        Set<String> objAdded = new LinkedHashSet<>();
        now.gemObjects().forEach(o -> {
            if (!objWas.contains(o.id())) {
                objAdded.add(o.id());
            }
        });
        long objGone = objWas.stream().filter(id -> now.gemObjects().stream().noneMatch(o -> o.id().equals(id))).count();
        freshBuffers = added;
        freshObjects = objAdded;
        changeText.set("Last refresh: +" + added.size() + " / −" + gone.size() + " dma-bufs, +" + objAdded.size()
                + " / −" + objGone + " GEM objects");
    }

    private static Instant instant(Snapshot s) {
        try {
            return Instant.parse(s.capturedAt());
        } catch (DateTimeParseException | NullPointerException e) {
            return Instant.now();
        }
    }

    public void clear() {
        samples.clear();
        series.clear();
        start = null;
        previous = null;
        freshBuffers = Set.of();
        freshObjects = Set.of();
        changeText.set("");
    }

    public ObservableList<Sample> samples() {
        return samples;
    }

    /** Series names in first-seen order. */
    public ObservableList<String> series() {
        return series;
    }

    /** dma-buf keys that appeared with the last refresh. */
    public Set<String> freshBuffers() {
        return freshBuffers;
    }

    /** GEM object ids that appeared with the last refresh. */
    public Set<String> freshObjects() {
        return freshObjects;
    }

    public ReadOnlyStringProperty changeTextProperty() {
        return changeText.getReadOnlyProperty();
    }

    /** The values of one series, oldest first (for tests and the chart). */
    public List<Long> values(String name) {
        List<Long> out = new ArrayList<>();
        samples.forEach(s -> out.add(s.bytes().get(name)));
        return out;
    }
}
