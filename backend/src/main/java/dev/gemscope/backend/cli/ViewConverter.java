package dev.gemscope.backend.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.TreeSet;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a view name case-insensitively, with a helpful list on a typo. */
final class ViewConverter implements ITypeConverter<View> {

    @Override
    public View convert(String value) {
        View view = View.byName().get(value.toLowerCase());
        if (view == null) {
            throw new TypeConversionException("unknown list '" + value + "'; choose one of " + String.join(", ", new Names()));
        }
        return view;
    }

    /** The view names, for help and completion. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return new ArrayList<>(new TreeSet<>(View.byName().keySet())).iterator();
        }
    }
}
