package dev.gemscope.backend.drm.jnr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.gemscope.backend.drm.I915MemoryRegion;
import dev.gemscope.backend.drm.Ioc;
import dev.gemscope.backend.drm.KnownIoctl;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;

/**
 * Cheap, compiler-free checks of the jnr layouts: sizes against kernel-interfaces.md §5 and against
 * the size field of each ioctl number. {@code AbiHeaderTest} does the real check against gcc.
 */
class StructLayoutTest {

    private final Runtime rt = Native.runtime();

    @Test
    void everyStructIoctlEncodesItsJnrSize() {
        Map<String, Class<? extends Struct>> byC = Structs.ALL.stream()
                .collect(Collectors.toMap(Structs::cType, Function.identity()));
        for (KnownIoctl k : KnownIoctl.values()) {
            if (k.argType().startsWith("struct ")) {
                Class<? extends Struct> s = byC.get(k.argType());
                assertTrue(s != null, k + ": no jnr struct for " + k.argType());
                assertEquals(Ioc.size(k.number()), Structs.size(s, rt), k.name());
            } else {
                assertEquals(rt.addressSize(), Ioc.size(k.number()), k + " carries a pointer");
            }
        }
    }

    @Test
    void sizesMatchTheDocumentedLayouts() {
        assertEquals(64, Structs.size(DrmStructs.DrmVersionStruct.class, rt));
        assertEquals(12, Structs.size(DrmStructs.DrmPrimeHandleStruct.class, rt));
        assertEquals(32, Structs.size(DrmStructs.DrmModeCreateDumbStruct.class, rt));
        assertEquals(4, Structs.size(DrmStructs.DrmModeDestroyDumbStruct.class, rt));
        assertEquals(16, Structs.size(I915Structs.DrmI915GetparamStruct.class, rt));
        assertEquals(40, Structs.size(I915Structs.DrmI915GemMmapStruct.class, rt));
        assertEquals(24, Structs.size(I915Structs.DrmI915QueryItemStruct.class, rt));
        assertEquals(16, Structs.size(I915Structs.DrmI915QueryMemoryRegionsStruct.class, rt));
        assertEquals(88, Structs.size(I915Structs.DrmI915MemoryRegionInfoStruct.class, rt));
        assertEquals(24, Structs.size(DmaBufStructs.UdmabufCreateStruct.class, rt));
        assertEquals(24, Structs.size(DmaBufStructs.DmaHeapAllocationDataStruct.class, rt));
        assertEquals(8, Structs.size(LibcStructs.PollFdStruct.class, rt));
    }

    @Test
    void offsetsMatchTheDocumentedLayouts() {
        DrmStructs.DrmVersionStruct v = new DrmStructs.DrmVersionStruct(rt);
        assertEquals(16, v.name_len.offset());
        assertEquals(24, v.name.offset());
        assertEquals(56, v.desc.offset());
        I915Structs.DrmI915GetparamStruct g = new I915Structs.DrmI915GetparamStruct(rt);
        assertEquals(8, g.value.offset(), "pointer aligned past the unnamed padding");
        I915Structs.DrmI915MemoryRegionInfoStruct r = new I915Structs.DrmI915MemoryRegionInfoStruct(rt);
        assertEquals(24, r.probed_cpu_visible_size.offset());
        assertEquals(32, r.unallocated_cpu_visible_size.offset());
    }

    @Test
    void everyStructClassIsListed() {
        Set<Class<?>> declared = new HashSet<>();
        for (Class<?> holder : List.of(DrmStructs.class, I915Structs.class, VgemStructs.class, DmaBufStructs.class,
                LibcStructs.class, SocketStructs.class)) {
            declared.addAll(Arrays.asList(holder.getDeclaredClasses()));
        }
        assertEquals(declared, new HashSet<>(Structs.ALL));
    }

    @Test
    void memoryRegionsAreDecodedFromTheQueryAnswer() {
        // A two-region answer laid out by hand from the documented offsets.
        Pointer data = Native.allocate(16 + 2 * 88);
        data.putInt(0, 2);
        long r1 = 16 + 88;
        data.putShort(r1, (short) 1);
        data.putShort(r1 + 2, (short) 3);
        data.putLong(r1 + 8, 8L << 30);
        data.putLong(r1 + 16, 6L << 30);
        data.putLong(r1 + 24, 256L << 20);
        data.putLong(r1 + 32, 128L << 20);
        List<I915MemoryRegion> regions = JnrI915File.regions(data, 16 + 2 * 88);
        assertEquals(2, regions.size());
        assertEquals(new I915MemoryRegion(0, 0, 0, 0, 0, 0), regions.get(0));
        assertEquals(new I915MemoryRegion(1, 3, 8L << 30, 6L << 30, 256L << 20, 128L << 20), regions.get(1));
    }

    @Test
    void regionDecodingNeverReadsPastTheAnswer() {
        Pointer data = Native.allocate(16 + 88);
        data.putInt(0, 5);
        assertEquals(1, JnrI915File.regions(data, 16 + 88).size());
        assertEquals(0, JnrI915File.regions(data, 8).size());
    }
}
