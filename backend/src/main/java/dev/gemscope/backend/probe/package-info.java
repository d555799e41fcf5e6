/**
 * {@code gemscope probe}: the PRIME lifetime and access rules of kernel-interfaces.md §7, checked
 * on the running kernel with objects the probe creates itself (dumb buffers, vgem objects, i915
 * objects, udmabuf and dma-heap buffers) and releases again.
 *
 * <ul>
 *   <li>{@link dev.gemscope.backend.probe.Rule}: one §7 statement, with its expectation per kernel
 *       era and driver (pure, tested offline) and the check itself.</li>
 *   <li>{@link dev.gemscope.backend.probe.ProbeBattery}: runs every rule on every chosen
 *       {@link dev.gemscope.backend.probe.ProbeDevice} and checks that descriptors and dma-bufs are
 *       back to the baseline afterwards.</li>
 *   <li>Every expected refusal the kernel gives becomes a {@code FailedOperation} explained by
 *       {@code explain.Explanations}.</li>
 * </ul>
 */
package dev.gemscope.backend.probe;
