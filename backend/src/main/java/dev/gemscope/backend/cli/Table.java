package dev.gemscope.backend.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Rows rendered as aligned columns (like lsfd: upper-case headers, numbers right-aligned, the last
 * column left unpadded) or as CSV.
 */
final class Table<T> {

    /** A column: header, value of a row, and whether it is numeric (right-aligned). */
    record Column<T>(String header, Function<T, Object> value, boolean numeric) {
        static <T> Column<T> text(String header, Function<T, Object> value) {
            return new Column<>(header, value, false);
        }

        static <T> Column<T> number(String header, Function<T, Object> value) {
            return new Column<>(header, value, true);
        }
    }

    private final List<Column<T>> columns;

    Table(List<Column<T>> columns) {
        this.columns = List.copyOf(columns);
    }

    String aligned(List<T> rows) {
        List<String[]> cells = cells(rows);
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = columns.get(c).header().length();
            for (String[] row : cells) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, headers(), widths);
        for (String[] row : cells) {
            appendRow(out, row, widths);
        }
        return out.toString();
    }

    String csv(List<T> rows) {
        StringBuilder out = new StringBuilder(String.join(",", headers())).append('\n');
        for (String[] row : cells(rows)) {
            for (int c = 0; c < row.length; c++) {
                out.append(c == 0 ? "" : ",").append(csvCell(row[c]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private void appendRow(StringBuilder out, String[] row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < row.length; c++) {
            boolean last = c == row.length - 1;
            String cell = row[c];
            if (c > 0) {
                line.append(' ');
            }
            if (columns.get(c).numeric()) {
                line.append(" ".repeat(widths[c] - cell.length())).append(cell);
            } else {
                line.append(cell);
                if (!last) {
                    line.append(" ".repeat(widths[c] - cell.length()));
                }
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private String[] headers() {
        return columns.stream().map(Column::header).toArray(String[]::new);
    }

    private List<String[]> cells(List<T> rows) {
        List<String[]> cells = new ArrayList<>(rows.size());
        for (T row : rows) {
            String[] cell = new String[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                Object v = columns.get(c).value().apply(row);
                // Kernel strings (comm, buffer names) may hold tabs or newlines; keep rows one line.
                cell[c] = v == null ? "-" : v.toString().replace('\t', ' ').replace('\n', ' ');
            }
            cells.add(cell);
        }
        return cells;
    }

    private static String csvCell(String cell) {
        boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n");
        return quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
