/**
 * Live tests of the native layer against real DRM drivers (vgem and virtio-gpu) inside the QEMU
 * bench, on Debian's 6.1, 6.12 and 7.x kernels.
 *
 * <p>Selection: the classes are named {@code *Live} (not {@code *Test}/{@code *IT}), so Surefire's
 * default includes never run them in {@code mvn verify}, and they carry {@code @Tag("live")}. Run
 * them in the guest with the JUnit Platform console launcher, e.g.
 * {@code java -jar junit-platform-console-standalone.jar execute --class-path <test-classes:classes:deps>
 * --select-package dev.gemscope.backend.drm.live --include-classname '.*Live' --include-tag live}
 * (the launcher's default class-name filter would skip {@code *Live}). They need root (bufinfo in
 * debugfs, mounted on {@code /sys/kernel/debug}) and fail, never skip, without
 * {@code /dev/dri/renderD*}.
 *
 * <p>Each line they print starts with {@code [live <major.minor>]}; absent features print
 * {@code NOT AVAILABLE on <major.minor>: <what>} after the test asserted the absence.
 */
package dev.gemscope.backend.drm.live;
