package dev.gemscope.backend.drm.jnr;

import jnr.ffi.Runtime;
import jnr.ffi.Struct;

/** libc structs ({@code <poll.h>}). */
final class LibcStructs {

    private LibcStructs() {
    }

    @CStruct(value = "struct pollfd", header = "poll.h")
    static final class PollFdStruct extends Struct {
        public final Signed32 fd = new Signed32();
        public final Signed16 events = new Signed16();
        public final Signed16 revents = new Signed16();

        PollFdStruct(Runtime runtime) {
            super(runtime);
        }
    }
}
