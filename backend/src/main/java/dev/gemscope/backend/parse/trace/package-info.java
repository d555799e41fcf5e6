/**
 * Pure parser for the text tracefs prints in {@code trace_pipe} and {@code trace}: the
 * per-line header ({@code kernel/trace/trace_output.c}) and the bodies of the events gemscope
 * enables — the ioctl syscall pair ({@code kernel/trace/trace_syscalls.c}), the 7.x
 * {@code dma_buf} events and {@code trace_marker} writes. Takes text, never touches the file
 * system, never throws.
 */
package dev.gemscope.backend.parse.trace;
