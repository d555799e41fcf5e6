package dev.gemscope.backend.parse.dmabuf;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A buffer being read by {@link BufinfoParser}: its buffer line, then fences and attachments as they
 * come, until its {@code Total N devices attached} trailer. A null {@code line} marks a buffer line
 * that could not be read: the buffer still soaks up its own fence and device lines, then is dropped.
 */
final class BufinfoBuilder {

    private final int no;
    private final BufferLine line;
    private final List<BufinfoFence> fences = new ArrayList<>();
    private final List<String> attachments = new ArrayList<>();
    private OptionalInt declared = OptionalInt.empty();
    private boolean complete;

    BufinfoBuilder(int no, BufferLine line) {
        this.no = no;
        this.line = line;
    }

    int no() {
        return no;
    }

    BufferLine line() {
        return line;
    }

    List<BufinfoFence> fences() {
        return fences;
    }

    List<String> attachments() {
        return attachments;
    }

    boolean complete() {
        return complete;
    }

    /** The trailer was read; {@code declared} is its count, empty when it was not a number. */
    void finish(OptionalInt declared) {
        this.declared = declared;
        this.complete = true;
    }

    BufinfoBuffer build() {
        return new BufinfoBuffer(no, line.size(), line.flags(), line.mode(), line.count(),
                line.expName(), line.ino(), line.name(), fences, attachments, declared, complete);
    }
}
