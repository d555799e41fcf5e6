package dev.gemscope.backend.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gemscope.backend.model.Snapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads and writes the snapshot file format: JSON with {@code "format": "gemscope-snapshot"},
 * {@code formatVersion} and {@code writtenBy} first, then the snapshot's fields in alphabetical
 * order. Lists keep the collector's deterministic order, so files of the same state are identical.
 *
 * <p>Reading is defensive because support engineers open files from customers' machines: the size
 * is checked before parsing, nesting and string lengths are bounded, the format and version are
 * checked with a message that names the problem, and unknown fields are ignored (newer writers).
 */
public final class SnapshotCodec {

    public static final String FORMAT = "gemscope-snapshot";
    public static final int FORMAT_VERSION = 1;
    /** Larger than any real snapshot (the 50×200-buffer scale scenario is a few MB). */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

    private final ObjectMapper mapper;
    private final long maxBytes;

    public SnapshotCodec() {
        this(DEFAULT_MAX_BYTES);
    }

    public SnapshotCodec(long maxBytes) {
        this.maxBytes = maxBytes;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(64)
                        .maxStringLength(1 << 20)
                        .maxNumberLength(40)
                        .maxDocumentLength(maxBytes)
                        .build())
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    /** The snapshot as a JSON document, ending in a newline. */
    public String toJson(Snapshot snapshot) {
        try {
            return mapper.writeValueAsString(toTree(snapshot)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a snapshot is always serialisable", e);
        }
    }

    /** Any model value (a list of rows, a graph) as indented JSON with the same conventions. */
    public String valueToJson(Object value) {
        try {
            return mapper.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable: " + value.getClass(), e);
        }
    }

    /** Any model value as one line of JSON (no trailing newline): for JSON-lines streams. */
    public String valueToJsonLine(Object value) {
        try {
            return mapper.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable: " + value.getClass(), e);
        }
    }

    /** One line of JSON: for {@code collect --stream}, one snapshot per line. */
    public String toJsonLine(Snapshot snapshot) {
        try {
            return mapper.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toTree(snapshot));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a snapshot is always serialisable", e);
        }
    }

    public void write(Snapshot snapshot, OutputStream out) {
        try {
            out.write(toJson(snapshot).getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(Snapshot snapshot, Path file) throws IOException {
        Files.writeString(file, toJson(snapshot), StandardCharsets.UTF_8);
    }

    /** Reads a snapshot file, checking its size first. */
    public Snapshot read(Path file) throws SnapshotFormatException {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new SnapshotFormatException(file + ": " + size + " bytes is larger than the "
                        + maxBytes + "-byte limit for snapshot files");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, file.toString());
            }
        } catch (NoSuchFileException e) {
            throw new SnapshotFormatException(file + ": no such file");
        } catch (IOException e) {
            throw new SnapshotFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a snapshot from a stream; at most the size limit is consumed. */
    public Snapshot read(InputStream in, String name) throws SnapshotFormatException {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new SnapshotFormatException(name + ": cannot read: " + e.getMessage(), e);
        }
        if (bytes.length > maxBytes) {
            throw new SnapshotFormatException(name + ": larger than the " + maxBytes + "-byte limit");
        }
        checkHeader(bytes, name);
        // Straight from the bytes into the records: no intermediate JSON tree (for a 100k-object capture
        // the tree cost more than the records themselves). The header fields are unknown to Snapshot
        // and ignored here.
        try {
            return mapper.readValue(bytes, Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new SnapshotFormatException(name + ": malformed snapshot: " + e.getOriginalMessage()
                    + fieldPath(e) + location(e), e);
        } catch (IllegalArgumentException e) {
            throw new SnapshotFormatException(name + ": malformed snapshot: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SnapshotFormatException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses a snapshot from JSON text (e.g. one line of a stream). */
    public Snapshot fromJson(String json, String name) throws SnapshotFormatException {
        return read(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), name);
    }

    /**
     * Checks format and version with a streaming scan of the top-level fields. The writer puts them and
     * writtenBy first, so the scan normally stops after three fields; a file edited by hand may have
     * them anywhere (or lack writtenBy: then the scan skips through the whole document).
     */
    private void checkHeader(byte[] bytes, String name) throws SnapshotFormatException {
        String format = null;
        JsonNode version = null;
        String writtenBy = null;
        try (JsonParser p = mapper.getFactory().createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new SnapshotFormatException(name + ": not a gemscope snapshot (expected a JSON object)");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME && (format == null || version == null || writtenBy == null)) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "format" -> format = p.currentToken() == JsonToken.VALUE_STRING ? p.getText()
                            : p.readValueAsTree().toString();
                    case "formatVersion" -> version = mapper.readTree(p);
                    case "writtenBy" -> writtenBy = p.getValueAsString();
                    default -> p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new SnapshotFormatException(name + ": not valid JSON: " + e.getOriginalMessage() + location(e), e);
        } catch (IOException e) {
            throw new SnapshotFormatException(name + ": cannot read: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(format)) {
            throw new SnapshotFormatException(name + ": not a gemscope snapshot (\"format\" is "
                    + (format == null ? "missing" : "\"" + format + "\"") + ", expected \"" + FORMAT + "\")");
        }
        if (version == null || !version.canConvertToInt()) {
            throw new SnapshotFormatException(name + ": \"formatVersion\" is missing or not a number");
        }
        if (version.intValue() > FORMAT_VERSION || version.intValue() < 1) {
            throw new SnapshotFormatException(name + ": formatVersion " + version.intValue()
                    + " is not supported (this gemscope reads version " + FORMAT_VERSION
                    + "; the file says it was written by " + (writtenBy == null ? "unknown" : writtenBy) + ")");
        }
    }

    private ObjectNode toTree(Snapshot snapshot) {
        ObjectNode body = mapper.valueToTree(snapshot);
        // Only probe runs have probe results; leaving the empty list out keeps collect's files as they were.
        JsonNode probe = body.get("probeResults");
        if (probe != null && probe.isArray() && probe.isEmpty()) {
            body.remove("probeResults");
        }
        ObjectNode file = mapper.createObjectNode();
        file.put("format", FORMAT);
        file.put("formatVersion", FORMAT_VERSION);
        file.put("writtenBy", BuildInfo.writtenBy());
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            file.set(field.getKey(), field.getValue());
        }
        return file;
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String fieldPath(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException jme && !jme.getPath().isEmpty()) {
            return " at " + jme.getPathReference();
        }
        return "";
    }
}
