package dev.gemscope.app.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.app.details.Details;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TableModelTest {

    record Row(int pid, String comm, long size) {
    }

    private TableModel<Row> model;

    @BeforeEach
    void setUp() {
        model = new TableModel<>("rows", List.of(
                Column.number("PID", Row::pid, 50),
                Column.text("Command", Row::comm, 100),
                Column.bytes("Size", Row::size, 80)),
                r -> Details.builder(r.comm()).build());
        model.setRows(List.of(new Row(2190, "sway", 8294400), new Row(2301, "prime-render", 262144),
                new Row(2185, "seatd", 0)));
    }

    @Test
    void everyWordMustMatchSomeCell() {
        model.filterProperty().set("prime 2301");
        assertEquals(List.of("prime-render"), comms());
        model.filterProperty().set("prime 2190");
        assertEquals(List.of(), comms());
    }

    @Test
    void filterIsCaseInsensitiveAndSearchesShownText() {
        model.filterProperty().set("SWAY");
        assertEquals(List.of("sway"), comms());
        model.filterProperty().set("7.9 mib");
        assertEquals(List.of("sway"), comms());
    }

    @Test
    void columnPrefixRestrictsAWord() {
        model.filterProperty().set("pid=218");
        assertEquals(List.of("seatd"), comms());
        model.filterProperty().set("command=2190");
        assertEquals(List.of(), comms());
    }

    @Test
    void countSaysHowManyOfHowMany() {
        assertEquals("3 rows", model.countTextProperty().get());
        model.filterProperty().set("sway");
        assertEquals("1 of 3 rows", model.countTextProperty().get());
    }

    @Test
    void scopeNarrowsBesidesTheFilter() {
        model.scopeProperty().set(r -> r.size() > 0);
        assertEquals(List.of("sway", "prime-render"), comms());
        model.filterProperty().set("s");
        assertEquals(List.of("sway"), comms());
        assertEquals("1 of 3 rows", model.countTextProperty().get());
    }

    @Test
    void copyIsTabSeparatedWithHeader() {
        assertEquals("PID\tCommand\tSize\n2190\tsway\t7.9 MiB\n", model.copyText(List.of(model.rows().get(0))));
    }

    @Test
    void revealClearsAFilterThatHidesTheRow() {
        model.filterProperty().set("sway");
        assertTrue(model.reveal(r -> r.pid() == 2185));
        assertEquals("", model.filterProperty().get());
        assertEquals("seatd", model.getSelected().comm());
        assertEquals("seatd", model.selectionRequestProperty().get().comm());
        assertFalse(model.reveal(r -> r.pid() == 1));
    }

    @Test
    void selectionSurvivesARefreshWithAnEqualRow() {
        model.reveal(r -> r.pid() == 2190);
        model.setRows(List.of(new Row(2190, "sway", 8294400), new Row(9, "new", 1)));
        assertEquals(2190, model.selectionRequestProperty().get().pid());
    }

    private List<String> comms() {
        return model.visibleRows().stream().map(Row::comm).toList();
    }
}
