package dev.gemscope.backend.drm.jnr;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

import jnr.ffi.Runtime;
import jnr.ffi.Struct;

/** Every jnr struct class of this package, for the ABI table and layout tests. */
final class Structs {

    static final List<Class<? extends Struct>> ALL = List.of(
            DrmStructs.DrmVersionStruct.class,
            DrmStructs.DrmUniqueStruct.class,
            DrmStructs.DrmGemCloseStruct.class,
            DrmStructs.DrmGemFlinkStruct.class,
            DrmStructs.DrmGemOpenStruct.class,
            DrmStructs.DrmGetCapStruct.class,
            DrmStructs.DrmSetClientCapStruct.class,
            DrmStructs.DrmPrimeHandleStruct.class,
            DrmStructs.DrmModeCreateDumbStruct.class,
            DrmStructs.DrmModeMapDumbStruct.class,
            DrmStructs.DrmModeDestroyDumbStruct.class,
            I915Structs.DrmI915GetparamStruct.class,
            I915Structs.DrmI915GemCreateStruct.class,
            I915Structs.DrmI915GemPreadStruct.class,
            I915Structs.DrmI915GemPwriteStruct.class,
            I915Structs.DrmI915GemMmapStruct.class,
            I915Structs.DrmI915GemMmapGttStruct.class,
            I915Structs.DrmI915GemMmapOffsetStruct.class,
            I915Structs.DrmI915GemSetDomainStruct.class,
            I915Structs.DrmI915GemBusyStruct.class,
            I915Structs.DrmI915GemGetTilingStruct.class,
            I915Structs.DrmI915GemCachingStruct.class,
            I915Structs.DrmI915GemMadviseStruct.class,
            I915Structs.DrmI915GemGetApertureStruct.class,
            I915Structs.DrmI915QueryStruct.class,
            I915Structs.DrmI915QueryItemStruct.class,
            I915Structs.DrmI915GemMemoryClassInstanceStruct.class,
            I915Structs.DrmI915QueryMemoryRegionsStruct.class,
            I915Structs.DrmI915MemoryRegionInfoStruct.class,
            VgemStructs.DrmVgemFenceAttachStruct.class,
            VgemStructs.DrmVgemFenceSignalStruct.class,
            DmaBufStructs.DmaBufSyncStruct.class,
            DmaBufStructs.DmaBufExportSyncFileStruct.class,
            DmaBufStructs.UdmabufCreateStruct.class,
            DmaBufStructs.DmaHeapAllocationDataStruct.class,
            LibcStructs.PollFdStruct.class,
            SocketStructs.MsgHdrStruct.class,
            SocketStructs.IovecStruct.class,
            SocketStructs.CmsgHdrStruct.class,
            SocketStructs.SockaddrUnStruct.class);

    private Structs() {
    }

    /** The C type a struct class mirrors. */
    static String cType(Class<? extends Struct> type) {
        CStruct c = type.getAnnotation(CStruct.class);
        if (c == null) {
            throw new IllegalStateException(type.getName() + " has no @CStruct");
        }
        return c.value();
    }

    /** A new instance, without memory attached. */
    static <T extends Struct> T instance(Class<T> type, Runtime runtime) {
        try {
            var ctor = type.getDeclaredConstructor(Runtime.class);
            ctor.setAccessible(true);
            return ctor.newInstance(runtime);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException e) {
            throw new IllegalStateException("cannot instantiate " + type.getName(), e);
        }
    }

    /** {@code sizeof} as jnr lays the struct out. */
    static int size(Class<? extends Struct> type, Runtime runtime) {
        return Struct.size(instance(type, runtime));
    }
}
