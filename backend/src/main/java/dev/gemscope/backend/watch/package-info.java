/**
 * {@code gemscope watch}: failed DRM and dma-buf ioctls on the whole system, live, from tracefs
 * (kernel-interfaces.md §6.1, docs/watch.md). tracefs access is behind {@link dev.gemscope.backend.watch.TraceFs}
 * and the fd lookups behind {@link dev.gemscope.backend.watch.FdResolver}, so pairing, decoding and the
 * session's setup and teardown run offline on recorded lines.
 */
package dev.gemscope.backend.watch;
