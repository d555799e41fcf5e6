package dev.gemscope.app.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestOnlyTest {

    @Test
    void whileBusyOnlyTheNewestValueWaits() {
        List<Integer> handled = new ArrayList<>();
        LatestOnly<Integer> feed = new LatestOnly<>(handled::add);
        feed.offer(1);
        feed.offer(2);
        feed.offer(3);
        assertEquals(List.of(1), handled, "1 is being handled; 2 was replaced by 3");
        feed.done();
        assertEquals(List.of(1, 3), handled);
        feed.done();
        feed.offer(4);
        assertEquals(List.of(1, 3, 4), handled);
    }

    @Test
    void aHandlerThatFinishesAtOnceSeesEveryValue() {
        List<Integer> handled = new ArrayList<>();
        LatestOnly<Integer>[] feed = new LatestOnly[1];
        feed[0] = new LatestOnly<>(v -> {
            handled.add(v);
            feed[0].done();
        });
        for (int i = 0; i < 5; i++) {
            feed[0].offer(i);
        }
        assertEquals(List.of(0, 1, 2, 3, 4), handled);
    }
}
