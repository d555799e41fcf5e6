package dev.gemscope.backend.drm.jnr;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.gemscope.backend.drm.DmaBufUapi;
import dev.gemscope.backend.drm.DrmUapi;
import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.drm.I915Uapi;
import dev.gemscope.backend.drm.KnownIoctl;
import dev.gemscope.backend.drm.LinuxUapi;
import dev.gemscope.backend.drm.VgemUapi;
import dev.gemscope.backend.drm.jnr.I915Structs.DrmI915MemoryRegionInfoStruct;
import dev.gemscope.backend.drm.jnr.I915Structs.DrmI915QueryMemoryRegionsStruct;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import jnr.ffi.Type;

/**
 * Every ABI fact the Java side relies on, as (C expression, Java value) pairs for the ABI test to
 * compile against the system's uapi headers. Nothing here is typed a second time: names come from
 * the Java identifiers (which are the C names), values from the constants, the {@link KnownIoctl}
 * numbers and the jnr struct layouts themselves ({@code Struct.size}, each member's
 * {@code offset()} and type size).
 *
 * <p>Covered: every {@link KnownIoctl} number; for every struct in {@link Structs#ALL} its
 * {@code sizeof}, and each public member's {@code offsetof} and {@code sizeof} (recursing into
 * nested structs); every constant of {@link DrmUapi}, {@link I915Uapi}, {@link VgemUapi},
 * {@link DmaBufUapi} and {@link LinuxUapi}; every user-visible {@link Errno}.
 */
public final class AbiTable {

    /**
     * One fact.
     *
     * @param expression a C expression, e.g. {@code offsetof(struct drm_version, name_len)}
     * @param value the Java side's value (non-negative)
     * @param origin where the Java value comes from, for messages
     */
    public record Entry(String expression, long value, String origin) {
    }

    private static final List<Class<?>> CONSTANT_CLASSES =
            List.of(DrmUapi.class, I915Uapi.class, VgemUapi.class, DmaBufUapi.class, LinuxUapi.class);

    private AbiTable() {
    }

    /** All entries, in a stable order. */
    public static List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (KnownIoctl ioctl : KnownIoctl.values()) {
            out.add(new Entry(ioctl.name(), ioctl.number(), "KnownIoctl." + ioctl.name()));
        }
        Runtime runtime = Native.runtime();
        for (Class<? extends Struct> type : Structs.ALL) {
            structEntries(type, runtime, out);
        }
        flexibleArrayEntries(runtime, out);
        for (Class<?> constants : CONSTANT_CLASSES) {
            constantEntries(constants, out);
        }
        for (Errno e : Errno.values()) {
            if (!e.internal()) {
                out.add(new Entry(e.name(), e.number(), "Errno." + e.name()));
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static void structEntries(Class<? extends Struct> type, Runtime runtime, List<Entry> out) {
        String c = Structs.cType(type);
        String origin = type.getSimpleName();
        Struct s = Native.alloc(Structs.instance(type, runtime));
        out.add(new Entry("sizeof(" + c + ")", Struct.size(s), origin));
        members(c, "", s, 0, origin, out);
    }

    /** Public member fields; their Java names are the C member names. Padding is not public. */
    private static void members(String c, String prefix, Struct s, long base, String origin, List<Entry> out) {
        for (Field f : s.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || !Modifier.isPublic(f.getModifiers())) {
                continue;
            }
            Object value = get(f, s);
            String member = prefix + f.getName();
            String where = origin + "." + f.getName();
            if (value instanceof Struct inner) {
                long offset = base + address(inner) - address(s);
                out.add(offsetof(c, member, offset, where));
                out.add(sizeofMember(c, member, Struct.size(inner), where));
                members(c, member + ".", inner, offset, origin + "." + f.getName(), out);
            } else if (value instanceof Struct.NumberField[] array && array.length > 0) {
                out.add(offsetof(c, member, base + array[0].offset(), where));
                out.add(sizeofMember(c, member, (long) array.length * size(array[0]), where));
            } else if (value instanceof Struct.NumberField field) {
                out.add(offsetof(c, member, base + field.offset(), where));
                out.add(sizeofMember(c, member, size(field), where));
            } else {
                throw new IllegalStateException("unsupported member type for the ABI table: " + where);
            }
        }
    }

    /** {@code regions[]} has no jnr field: the code reads records at this struct's size, with this stride. */
    private static void flexibleArrayEntries(Runtime runtime, List<Entry> out) {
        String c = Structs.cType(DrmI915QueryMemoryRegionsStruct.class);
        String origin = "JnrI915File.regions";
        out.add(offsetof(c, "regions", Structs.size(DrmI915QueryMemoryRegionsStruct.class, runtime), origin));
        out.add(sizeofMember(c, "regions[0]", Structs.size(DrmI915MemoryRegionInfoStruct.class, runtime), origin));
    }

    private static void constantEntries(Class<?> type, List<Entry> out) {
        for (Field f : type.getDeclaredFields()) {
            int m = f.getModifiers();
            if (!Modifier.isStatic(m) || !Modifier.isPublic(m) || !Modifier.isFinal(m)) {
                continue;
            }
            Object v = get(f, null);
            if (!(v instanceof Number n)) {
                throw new IllegalStateException("not a numeric constant: " + type.getSimpleName() + "." + f.getName());
            }
            out.add(new Entry(f.getName(), n.longValue(), type.getSimpleName() + "." + f.getName()));
        }
    }

    private static Entry offsetof(String c, String member, long offset, String origin) {
        return new Entry("offsetof(" + c + ", " + member + ")", offset, origin);
    }

    private static Entry sizeofMember(String c, String member, long size, String origin) {
        return new Entry("sizeof(((" + c + " *)0)->" + member + ")", size, origin);
    }

    private static long address(Struct s) {
        return Struct.getMemory(s).address();
    }

    /** A member's width, from the jnr type it was declared with. */
    private static long size(Struct.NumberField field) {
        try {
            Field type = Struct.NumberField.class.getDeclaredField("type");
            type.setAccessible(true);
            return ((Type) type.get(field)).size();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read the jnr type of a struct member", e);
        }
    }

    private static Object get(Field f, Object instance) {
        try {
            f.setAccessible(true);
            return f.get(instance);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
