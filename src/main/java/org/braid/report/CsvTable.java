package org.braid.report;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV table described once: each column's stable name beside the function that gives its value,
 * so a header can never drift from its values. RFC 4180, with a header row; null is an empty cell.
 */
public final class CsvTable<T> {
    private final List<String> names = new ArrayList<>();
    private final List<Function<T, Object>> values = new ArrayList<>();

    public CsvTable<T> column(String name, Function<T, Object> value) {
        names.add(name);
        values.add(value);
        return this;
    }

    public List<String> names() {
        return List.copyOf(names);
    }

    /** Spreadsheets read plain decimals; Java's default would write 1.79E7 or 8.1E-5. */
    private static Object cell(Object value) {
        return value instanceof Double d && Double.isFinite(d) ? BigDecimal.valueOf(d).toPlainString() : value;
    }

    public void write(Writer out, Iterable<T> rows) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(names.toArray(String[]::new)).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            List<Object> record = new ArrayList<>(values.size());
            for (T row : rows) {
                record.clear();
                for (Function<T, Object> value : values) {
                    record.add(cell(value.apply(row)));
                }
                printer.printRecord(record);
            }
        }
    }
}
