package dev.gemscope.backend.watch;

/** Looks up what an fd of a thread is. */
public interface FdResolver {

    /** Never throws: a vanished thread or fd comes back as {@link FdTarget.Kind#UNKNOWN} with a note. */
    FdTarget resolve(int tid, long fd);
}
