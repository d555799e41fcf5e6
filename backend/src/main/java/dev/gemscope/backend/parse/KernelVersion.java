package dev.gemscope.backend.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The major.minor of a kernel release string ({@code uname -r}), for rules that depend on the
 * kernel era. Patch levels and distribution suffixes are ignored: behaviour changes that matter
 * here landed in a major.minor release (backports are noted where the rule is written down).
 */
public record KernelVersion(int major, int minor) implements Comparable<KernelVersion> {

    private static final Pattern LEADING = Pattern.compile("^(\\d+)\\.(\\d+)");

    /** Parses "6.12.118+deb13-amd64", "7.2" or "3.10.0-1160.el7.x86_64"; null if it does not start with N.N. */
    public static KernelVersion parse(String release) {
        if (release == null) {
            return null;
        }
        Matcher m = LEADING.matcher(release.trim());
        if (!m.find()) {
            return null;
        }
        try {
            return new KernelVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public boolean atLeast(int otherMajor, int otherMinor) {
        return compareTo(new KernelVersion(otherMajor, otherMinor)) >= 0;
    }

    @Override
    public int compareTo(KernelVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
