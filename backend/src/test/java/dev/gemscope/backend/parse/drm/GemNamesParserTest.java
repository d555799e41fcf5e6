package dev.gemscope.backend.parse.drm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.gemscope.backend.parse.drm.GemNamesParser.Form;
import dev.gemscope.backend.parse.drm.GemNamesParser.GemName;
import dev.gemscope.backend.parse.drm.GemNamesParser.GemNames;

class GemNamesParserTest {

    private static final String SRC = "dri/0/gem_names";

    @Test
    void parsesTableRows() {
        String text = """
                  name     size handles refcount
                     1  8294400       2        3
                    17     4096       1        1
                """;
        GemNames g = GemNamesParser.parse(text, SRC);
        assertEquals(Form.TABLE, g.form());
        assertEquals(2, g.objects().size());
        assertEquals(new GemName(1, 8294400, OptionalLong.of(2), OptionalLong.of(3)), g.objects().get(0));
        assertEquals(17, g.objects().get(1).name());
        assertTrue(g.warnings().isEmpty());
    }

    @Test
    void headerOnlyIsAnEmptyTable() {
        GemNames g = GemNamesParser.parse("  name     size handles refcount\n", SRC);
        assertEquals(Form.TABLE, g.form());
        assertTrue(g.objects().isEmpty());
    }

    @Test
    void emptyTextIsEmpty() {
        GemNames g = GemNamesParser.parse("", SRC);
        assertEquals(Form.EMPTY, g.form());
        assertTrue(g.objects().isEmpty());
    }

    @Test
    void mergesThreeXNameSizeLineWithItsRow() {
        String text = """
                  name     size handles refcount
                name 1 size 8294400
                     1  8294400       2        3
                name 2 size 4096
                     2     4096       1        1
                """;
        GemNames g = GemNamesParser.parse(text, SRC);
        assertEquals(Form.TABLE_WITH_NAME_SIZE_LINES, g.form());
        assertEquals(2, g.objects().size());
        assertEquals(OptionalLong.of(2), g.objects().get(0).handleCount());
        assertEquals(OptionalLong.of(1), g.objects().get(1).refcount());
    }

    @Test
    void keepsLoneNameSizeLines() {
        String text = """
                name 5 size 65536
                name 6 size 131072
                """;
        GemNames g = GemNamesParser.parse(text, SRC);
        assertEquals(Form.NAME_SIZE_ONLY, g.form());
        assertEquals(2, g.objects().size());
        assertEquals(new GemName(6, 131072, OptionalLong.empty(), OptionalLong.empty()), g.objects().get(1));
    }

    @Test
    void keepsNameSizeLineWhoseRowIsForAnotherName() {
        String text = """
                name 5 size 65536
                     6   131072       1        2
                """;
        GemNames g = GemNamesParser.parse(text, SRC);
        assertEquals(2, g.objects().size());
        assertEquals(5, g.objects().get(0).name());
        assertEquals(OptionalLong.empty(), g.objects().get(0).handleCount());
        assertEquals(6, g.objects().get(1).name());
    }

    @Test
    void reportsUnknownLinesAndHugeValues() {
        String text = """
                  name     size handles refcount
                     1 99999999999999999999999       2        3
                garbage here
                     2     4096       1        1
                """;
        GemNames g = GemNamesParser.parse(text, SRC);
        assertEquals(1, g.objects().size());
        assertEquals(2, g.objects().get(0).name());
        assertEquals(2, g.warnings().size());
        assertEquals(2, g.warnings().get(0).line());
    }

    @Test
    void dropsTruncatedLastRow() {
        String text = "  name     size handles refcount\n     1     4096       1        1\n     2     40";
        GemNames g = GemNamesParser.parse(text, SRC);
        assertEquals(1, g.objects().size());
        assertEquals(1, g.warnings().size());
    }
}
