/**
 * {@code gemscope workload}: builds a known scene of buffer sharing in several processes with the
 * native layer and writes a ground-truth manifest of what it made, for the collector to be checked
 * against ({@link dev.gemscope.backend.workload.ManifestVerifier}).
 *
 * <p>One coordinator ({@link dev.gemscope.backend.workload.Coordinator}) spawns one child JVM per
 * process of the scenario ({@link dev.gemscope.backend.workload.ChildProcess}, on the coordinator's own
 * class path) and drives them step by step over their stdin/stdout (one JSON object a line); the
 * children hand dma-buf descriptors to each other over unix sockets with SCM_RIGHTS. Driving every
 * step from one place keeps the order global (a send happens before the matching receive) and the
 * record exact: each child reports what it holds, the coordinator joins the reports by inode.
 */
package dev.gemscope.backend.workload;
