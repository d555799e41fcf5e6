package dev.gemscope.backend.parse.proc;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import dev.gemscope.backend.parse.Lines;
import dev.gemscope.backend.parse.Numbers;
import dev.gemscope.backend.parse.ParseWarning;

/**
 * Reads Name, Tgid, Pid, PPid and the real and effective Uid from {@code /proc/PID/status}. The
 * file has some sixty other lines, which are ignored without warnings.
 */
public final class ProcStatusParser {

    private ProcStatusParser() {
    }

    /** Parses status text; {@code source} names it in warnings (e.g. {@code /proc/42/status}). */
    public static ProcStatus parse(String text, String source) {
        List<ParseWarning> warnings = new ArrayList<>();
        List<String> lines = Lines.of(text);
        int usable = lines.size();
        if (Lines.lastLineCut(text)) {
            usable--;
            warnings.add(new ParseWarning(source, usable + 1, lines.get(usable), "last line cut off (truncated read)"));
        }
        String name = null;
        OptionalLong tgid = null;
        OptionalLong pid = null;
        OptionalLong ppid = null;
        OptionalLong uidReal = null;
        OptionalLong uidEffective = OptionalLong.empty();
        for (int i = 0; i < usable && (name == null || tgid == null || pid == null || ppid == null || uidReal == null);
                i++) {
            String line = lines.get(i);
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String value = line.substring(colon + 1);
            switch (line.substring(0, colon)) {
                // "Name:\t%s": the comm may begin or end with spaces, so only the tab is removed.
                case "Name" -> name = name != null ? name : value.startsWith("\t") ? value.substring(1) : value.strip();
                case "Tgid" -> tgid = tgid != null ? tgid : number(value, i + 1, line, source, warnings);
                case "Pid" -> pid = pid != null ? pid : number(value, i + 1, line, source, warnings);
                case "PPid" -> ppid = ppid != null ? ppid : number(value, i + 1, line, source, warnings);
                case "Uid" -> {
                    if (uidReal != null) {
                        break;
                    }
                    // "Uid:\t%u\t%u\t%u\t%u": real, effective, saved, filesystem.
                    String[] ids = value.strip().split("\\s+");
                    uidReal = number(ids[0], i + 1, line, source, warnings);
                    uidEffective = ids.length > 1 ? number(ids[1], i + 1, line, source, warnings) : OptionalLong.empty();
                    if (ids.length < 2) {
                        warnings.add(new ParseWarning(source, i + 1, line, "Uid line without an effective uid"));
                    }
                }
                default -> {
                    // not needed
                }
            }
        }
        String[] required = {"Name", "Tgid", "Pid", "PPid", "Uid"};
        Object[] found = {name, tgid, pid, ppid, uidReal};
        for (int k = 0; k < required.length; k++) {
            if (found[k] == null) {
                warnings.add(new ParseWarning(source, 0, "", "no " + required[k] + ": line"));
            }
        }
        return new ProcStatus(name == null ? "" : name, orEmpty(tgid), orEmpty(pid), orEmpty(ppid), orEmpty(uidReal),
                uidEffective, warnings);
    }

    private static OptionalLong number(String value, int lineNo, String line, String source,
            List<ParseWarning> warnings) {
        OptionalLong n = Numbers.unsignedDecimal(value.strip());
        if (n.isEmpty()) {
            warnings.add(new ParseWarning(source, lineNo, line, "not an unsigned number"));
        }
        return n;
    }

    private static OptionalLong orEmpty(OptionalLong v) {
        return v == null ? OptionalLong.empty() : v;
    }
}
