package dev.gemscope.backend.drm.jnr;

import jnr.ffi.Runtime;
import jnr.ffi.Struct;

/**
 * The socket structs of {@code <sys/socket.h>}, {@code <sys/uio.h>} and {@code <sys/un.h>} that
 * passing a descriptor with {@code SCM_RIGHTS} needs (unix(7), cmsg(3)). Pointers and {@code size_t}
 * are 64-bit members here (x86_64, like the DRM structs' {@code __u64} addresses); the ABI test
 * checks every offset and size against the headers.
 */
final class SocketStructs {

    private SocketStructs() {
    }

    @CStruct(value = "struct msghdr", header = "sys/socket.h")
    static final class MsgHdrStruct extends Struct {
        public final Unsigned64 msg_name = new Unsigned64();
        public final Unsigned32 msg_namelen = new Unsigned32();
        public final Unsigned64 msg_iov = new Unsigned64();
        public final Unsigned64 msg_iovlen = new Unsigned64();
        public final Unsigned64 msg_control = new Unsigned64();
        public final Unsigned64 msg_controllen = new Unsigned64();
        public final Signed32 msg_flags = new Signed32();
        private final Padding tail = new Padding(jnr.ffi.NativeType.UINT, 1);

        MsgHdrStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct iovec", header = "sys/uio.h")
    static final class IovecStruct extends Struct {
        public final Unsigned64 iov_base = new Unsigned64();
        public final Unsigned64 iov_len = new Unsigned64();

        IovecStruct(Runtime runtime) {
            super(runtime);
        }
    }

    /**
     * The header of one control message; its data (here one {@code int}) follows at
     * {@code CMSG_DATA} = {@code sizeof(struct cmsghdr)} on x86_64, where the header is already
     * {@code size_t}-aligned, so {@code CMSG_LEN(sizeof(int))} = 16 + 4 and {@code CMSG_SPACE} = 24.
     */
    @CStruct(value = "struct cmsghdr", header = "sys/socket.h")
    static final class CmsgHdrStruct extends Struct {
        public final Unsigned64 cmsg_len = new Unsigned64();
        public final Signed32 cmsg_level = new Signed32();
        public final Signed32 cmsg_type = new Signed32();

        CmsgHdrStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct sockaddr_un", header = "sys/un.h")
    static final class SockaddrUnStruct extends Struct {
        public final Unsigned16 sun_family = new Unsigned16();
        public final Signed8[] sun_path = array(new Signed8[108]);

        SockaddrUnStruct(Runtime runtime) {
            super(runtime);
        }
    }
}
