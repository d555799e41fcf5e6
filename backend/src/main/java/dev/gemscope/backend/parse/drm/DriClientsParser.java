package dev.gemscope.backend.parse.drm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.gemscope.backend.parse.Numbers;
import dev.gemscope.backend.parse.ParseWarning;

/**
 * Parses debugfs {@code /sys/kernel/debug/dri/<n>/clients}: one row per open DRM file, oldest first.
 *
 * <p>Producer: {@code drivers/gpu/drm/drm_debugfs.c: drm_clients_info()} (3.x: {@code drm_info.c}).
 * The {@link Variant} is read from the header line:
 * <ul>
 *   <li>{@link Variant#V3_AUTH_FIRST} (3.x, to ≈3.14): header {@code "a dev\tpid    uid\tmagic\t  ioctls"}
 *       and a blank line; rows {@code "%c %3d %5d %5d %10u %10lu"} = authenticated, minor index, pid,
 *       uid, magic, ioctl count. No command column.</li>
 *   <li>{@link Variant#PID} (≈4.8–6.5): header {@code "%20s %5s %3s master a %5s %10s"} with
 *       {@code command pid dev … uid magic}; rows {@code "%20s %5d %3d   %c    %c %5d %10u"} = comm, pid of
 *       the opener (a thread id), minor index, is current master, authenticated, euid, magic.</li>
 *   <li>{@link Variant#TGID} (≈6.6–6.12): the same with the column titled {@code tgid}; the pid follows
 *       the last ioctl caller ("drm: Update file owner during use").</li>
 *   <li>{@link Variant#TGID_NAME} (6.13–≈6.14): adds a 64-wide right-aligned {@code name} column: the
 *       client name set by DRM_IOCTL_SET_CLIENT_NAME (no whitespace: the kernel rejects non-isgraph
 *       characters) or {@code <unset>}.</li>
 *   <li>{@link Variant#TGID_NAME_ID} (≈6.15+, verified 7.2, 7.3): adds {@code %20llu id}, the same
 *       number as fdinfo {@code drm-client-id}.</li>
 * </ul>
 * The command is the task comm (at most 15 bytes, {@code <unknown>} once the task is gone) and may
 * contain spaces, so every row is cut from the right: the fixed columns are the last tokens, and
 * whatever precedes them is the command.
 *
 * <p>Text without a recognised header is parsed by guessing the variant from the first row's shape,
 * with a warning.
 */
public final class DriClientsParser {

    private DriClientsParser() {
    }

    /** The column layout, detected from the header line. */
    public enum Variant {
        /** Nothing to go by: empty text. */
        UNKNOWN(0),
        /** 3.x: {@code a dev pid uid magic ioctls}. */
        V3_AUTH_FIRST(6),
        /** ≈4.8–6.5: {@code command pid dev master a uid magic}. */
        PID(6),
        /** ≈6.6–6.12: {@code command tgid dev master a uid magic}. */
        TGID(6),
        /** 6.13–≈6.14: {@code … magic name}. */
        TGID_NAME(7),
        /** ≈6.15+: {@code … magic name id}. */
        TGID_NAME_ID(8);

        private final int fixedColumns;

        Variant(int fixedColumns) {
            this.fixedColumns = fixedColumns;
        }

        /** Number of whitespace-free columns at the end of a row (after the command, if any). */
        int fixedColumns() {
            return fixedColumns;
        }
    }

    /**
     * One open DRM file.
     *
     * @param command the task comm; empty in 3.x (no such column); {@code <unknown>} if the task is gone
     * @param pid the pid (≤6.5: of the opening thread) or tgid (6.6+) as seen from the reader's pid namespace
     * @param minorIndex the DRM minor the file was opened on (0 = card0, 128 = renderD128)
     * @param master whether this file is the current DRM master; empty in 3.x (no such column)
     * @param authenticated whether the file is authenticated (legacy DRM_AUTH)
     * @param uid effective uid of the task (0 when the task is gone)
     * @param magic the legacy authentication magic (0 if none)
     * @param ioctlCount ioctls issued (3.x only)
     * @param clientName the client name (6.13+); empty when absent or {@code <unset>}
     * @param clientId the DRM client id (≈6.15+), equal to fdinfo {@code drm-client-id}
     */
    public record Client(String command, long pid, long minorIndex, Optional<Boolean> master,
            boolean authenticated, long uid, long magic, OptionalLong ioctlCount, String clientName,
            OptionalLong clientId) {
    }

    /**
     * The parsed clients file.
     *
     * @param variant the detected column layout
     * @param clients the rows, oldest first (kernel order)
     * @param warnings rows or lines not understood
     */
    public record Clients(Variant variant, List<Client> clients, List<ParseWarning> warnings) {
        public Clients {
            clients = List.copyOf(clients);
            warnings = List.copyOf(warnings);
        }
    }

    /** Parses the text of a {@code clients} file; never throws. */
    public static Clients parse(String text, String source) {
        List<ParseWarning> warnings = new ArrayList<>();
        List<String> lines = DrmText.completeLines(text, source, warnings);
        List<Client> clients = new ArrayList<>();
        Variant variant = Variant.UNKNOWN;
        boolean headerSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Optional<Variant> header = headerVariant(line);
            if (header.isPresent()) {
                if (headerSeen) {
                    warnings.add(new ParseWarning(source, i + 1, line, "second header line ignored"));
                } else {
                    variant = header.get();
                    headerSeen = true;
                }
                continue;
            }
            if (variant == Variant.UNKNOWN) {
                variant = guessFromRow(line);
                warnings.add(new ParseWarning(source, i + 1, line,
                        "no header line; column layout guessed as " + variant));
                if (variant == Variant.UNKNOWN) {
                    continue;
                }
            }
            Optional<Client> client = row(line, variant);
            if (client.isPresent()) {
                clients.add(client.get());
            } else {
                warnings.add(new ParseWarning(source, i + 1, line, "row does not match the " + variant + " layout"));
            }
        }
        return new Clients(variant, clients, warnings);
    }

    private static Optional<Variant> headerVariant(String line) {
        List<String> words = DrmText.tokens(line);
        if (words.size() >= 2 && words.get(0).equals("a") && words.get(1).equals("dev") && words.contains("ioctls")) {
            return Optional.of(Variant.V3_AUTH_FIRST);
        }
        if (words.size() < 2 || !words.get(0).equals("command") || !words.contains("master")) {
            return Optional.empty();
        }
        String last = words.get(words.size() - 1);
        if (last.equals("id") && words.contains("name")) {
            return Optional.of(Variant.TGID_NAME_ID);
        }
        if (last.equals("name")) {
            return Optional.of(Variant.TGID_NAME);
        }
        return Optional.of(words.get(1).equals("tgid") ? Variant.TGID : Variant.PID);
    }

    /** For header-less text: find where the two y/n flag columns sit, counted from the right. */
    private static Variant guessFromRow(String line) {
        List<String> t = DrmText.tokens(line);
        int n = t.size();
        if (n == 6 && DrmText.yesNo(t.get(0)).isPresent() && DrmText.allDecimal(t.subList(1, 6))) {
            return Variant.V3_AUTH_FIRST;
        }
        for (Variant v : List.of(Variant.PID, Variant.TGID_NAME, Variant.TGID_NAME_ID)) {
            int flags = n - v.fixedColumns() + 2;
            if (flags >= 0 && flags + 1 < n && DrmText.yesNo(t.get(flags)).isPresent()
                    && DrmText.yesNo(t.get(flags + 1)).isPresent()) {
                return v;
            }
        }
        return Variant.UNKNOWN;
    }

    private static Optional<Client> row(String line, Variant variant) {
        if (variant == Variant.V3_AUTH_FIRST) {
            return legacyRow(line);
        }
        Optional<DrmText.RightSplit> split = DrmText.splitFromRight(line, variant.fixedColumns());
        if (split.isEmpty()) {
            return Optional.empty();
        }
        List<String> c = split.get().tail();
        OptionalLong pid = Numbers.decimal(c.get(0));
        OptionalLong minor = Numbers.decimal(c.get(1));
        Optional<Boolean> master = DrmText.yesNo(c.get(2));
        Optional<Boolean> auth = DrmText.yesNo(c.get(3));
        OptionalLong uid = Numbers.decimal(c.get(4));
        OptionalLong magic = Numbers.unsignedDecimal(c.get(5));
        String name = "";
        OptionalLong id = OptionalLong.empty();
        if (variant == Variant.TGID_NAME || variant == Variant.TGID_NAME_ID) {
            name = c.get(6).equals("<unset>") ? "" : c.get(6);
        }
        if (variant == Variant.TGID_NAME_ID) {
            id = Numbers.unsignedDecimal(c.get(7));
            if (id.isEmpty()) {
                return Optional.empty();
            }
        }
        if (pid.isEmpty() || minor.isEmpty() || master.isEmpty() || auth.isEmpty() || uid.isEmpty()
                || magic.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Client(split.get().head().strip(), pid.getAsLong(), minor.getAsLong(), master,
                auth.get(), uid.getAsLong(), magic.getAsLong(), OptionalLong.empty(), name, id));
    }

    private static Optional<Client> legacyRow(String line) {
        List<String> t = DrmText.tokens(line);
        if (t.size() != 6) {
            return Optional.empty();
        }
        Optional<Boolean> auth = DrmText.yesNo(t.get(0));
        OptionalLong minor = Numbers.decimal(t.get(1));
        OptionalLong pid = Numbers.decimal(t.get(2));
        OptionalLong uid = Numbers.decimal(t.get(3));
        OptionalLong magic = Numbers.unsignedDecimal(t.get(4));
        OptionalLong ioctls = Numbers.unsignedDecimal(t.get(5));
        if (auth.isEmpty() || minor.isEmpty() || pid.isEmpty() || uid.isEmpty() || magic.isEmpty()
                || ioctls.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Client("", pid.getAsLong(), minor.getAsLong(), Optional.empty(), auth.get(),
                uid.getAsLong(), magic.getAsLong(), ioctls, "", OptionalLong.empty()));
    }
}
