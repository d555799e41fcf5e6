/**
 * Pure parsers for procfs: {@code /proc/PID/fdinfo/FD} ({@link dev.gemscope.backend.parse.proc.FdInfoParser}),
 * {@code /proc/PID/maps} ({@link dev.gemscope.backend.parse.proc.MapsParser}), {@code /proc/PID/fd/N} link
 * targets ({@link dev.gemscope.backend.parse.proc.FdLinkParser}) and {@code /proc/PID/status}
 * ({@link dev.gemscope.backend.parse.proc.ProcStatusParser}). They take text, never touch the file system
 * and never throw; reading the files is the collector's job, through {@code SystemRoot}.
 */
package dev.gemscope.backend.parse.proc;
