package dev.gemscope.backend.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the names in a snapshot (its JSON tree, as the codec writes it) by pseudonyms, for a
 * support bundle that leaves the machine.
 *
 * <p>Two passes. First the fields that ARE names are replaced whole: {@code comm} and
 * {@code cmdline} anywhere, {@code clientName}, a dma-buf's {@code name}, the {@code host}; the user
 * names of every uid seen (looked up in the collecting machine's {@code /etc/passwd}) join the list.
 * Then every other string (kernel lines kept as warnings, paths, details, evidence, attributes) has
 * each of those originals replaced where it stands as a whole token (not inside a longer word, so
 * a process called {@code sh} leaves {@code shmem} alone). Fields that hold only kernel identifiers
 * (drivers, nodes, keys, enum values) are left as they are: a process named like a kernel driver
 * is the one case this cannot hide, and the bundle test checks the fixtures for it.
 */
public final class Redactor {

    /** Keys whose values are kernel identifiers, never user data: not rewritten in the second pass. */
    private static final Set<String> STRUCTURAL = Set.of("format", "writtenBy", "capturedAt", "kernelRelease",
            "driver", "node", "deviceId", "exporterDeviceId", "deviceName", "key", "dmaBufKey", "id",
            "importedObjectId", "kind", "status", "backing", "role", "usage", "perms", "region", "engine",
            "errnoName", "operation", "busId", "debugfsDir", "address", "vendor", "device", "subsystemVendor",
            "subsystemDevice", "revision", "pciClass", "exporter", "time");

    private final Pseudonyms pseudonyms = new Pseudonyms();
    private final Map<Integer, String> userNames;

    /** @param userNames uid → user name on the collecting machine (from its /etc/passwd) */
    public Redactor(Map<Integer, String> userNames) {
        this.userNames = Map.copyOf(userNames);
    }

    public Pseudonyms pseudonyms() {
        return pseudonyms;
    }

    /** Redacts the snapshot tree in place. */
    public void redact(ObjectNode snapshot) {
        names(snapshot, null);
        if (snapshot.hasNonNull("origin") && !"live".equals(snapshot.get("origin").asText())) {
            // The captured tree's path says where on someone's disk it was (often a home directory).
            snapshot.put("origin", "captured tree (path redacted)");
        }
        text(snapshot, null, tokenRules());
    }

    /** Whole-token replacement of every original seen so far, longest first (so "sway" cannot split "swaybg"). */
    private TokenRules tokenRules() {
        List<Map.Entry<String, String>> replacements = new ArrayList<>(pseudonyms.all().entrySet());
        replacements.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        List<Pattern> patterns = new ArrayList<>();
        for (Map.Entry<String, String> e : replacements) {
            patterns.add(Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(e.getKey()) + "(?![\\p{L}\\p{N}])"));
        }
        return new TokenRules(replacements, patterns);
    }

    private record TokenRules(List<Map.Entry<String, String>> replacements, List<Pattern> patterns) {

        String apply(String s) {
            String out = s;
            for (int i = 0; i < patterns.size(); i++) {
                if (out.contains(replacements.get(i).getKey())) {
                    out = patterns.get(i).matcher(out).replaceAll(Matcher.quoteReplacement(replacements.get(i).getValue()));
                }
            }
            return out;
        }
    }

    /** First pass: fields that are names; also collects the user names of the uids seen. */
    private void names(JsonNode node, String parentKey) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = field.getKey();
                JsonNode value = field.getValue();
                Pseudonyms.Category category = categoryOf(key, parentKey);
                if (category != null && value.isTextual()) {
                    field.setValue(TextNode.valueOf(pseudonyms.of(category, value.asText())));
                } else if (key.equals("uid") && value.canConvertToInt() && userNames.containsKey(value.intValue())) {
                    pseudonyms.of(Pseudonyms.Category.USER, userNames.get(value.intValue()));
                } else {
                    names(value, key);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                names(element, parentKey);
            }
        }
    }

    private static Pseudonyms.Category categoryOf(String key, String parentKey) {
        return switch (key) {
            case "comm" -> Pseudonyms.Category.PROCESS;
            case "cmdline" -> Pseudonyms.Category.CMDLINE;
            case "clientName" -> Pseudonyms.Category.CLIENT;
            case "host" -> parentKey == null ? Pseudonyms.Category.HOST : null;
            case "name" -> "dmaBufs".equals(parentKey) ? Pseudonyms.Category.BUFFER : null;
            default -> null;
        };
    }

    /** Second pass: names inside any other text. */
    private void text(JsonNode node, String parentKey, TokenRules rules) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isTextual()) {
                    // Pseudonyms from the first pass are final; identifiers are not user data.
                    if (!STRUCTURAL.contains(field.getKey()) && categoryOf(field.getKey(), parentKey) == null) {
                        field.setValue(TextNode.valueOf(rules.apply(field.getValue().asText())));
                    }
                } else {
                    text(field.getValue(), field.getKey(), rules);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(rules.apply(array.get(i).asText())));
                } else {
                    text(array.get(i), parentKey, rules);
                }
            }
        }
    }

    /** Free text that never went through a snapshot (e.g. /proc/version): the same token rule. */
    public String redactText(String s) {
        return tokenRules().apply(s);
    }
}
