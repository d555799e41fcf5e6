package dev.gemscope.backend.collect;

import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.source.SystemRoot;

/** Reads every source under a {@link SystemRoot} and joins them into one {@link Snapshot}. */
public final class Collector {

    private final SystemRoot root;

    public Collector(SystemRoot root) {
        this.root = root;
    }

    public Snapshot collect() {
        throw new UnsupportedOperationException("collector not written yet");
    }
}
