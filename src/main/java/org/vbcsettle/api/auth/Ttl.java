package org.vbcsettle.api.auth;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Token lifetimes as people write them: {@code 90s}, {@code 30m}, {@code 1h}, {@code 7d}, or ISO-8601 {@code PT1H}. */
public final class Ttl {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*([smhd])");

    private Ttl() {
    }

    public static Duration parse(String text) {
        String t = text.trim().toLowerCase();
        Matcher m = SHORT.matcher(t);
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(text.trim().toUpperCase());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("ttl must look like 90s, 30m, 1h, 7d or PT1H, was '" + text + "'");
            }
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, was '" + text + "'");
        }
        if (d.compareTo(Duration.ofDays(366)) > 0) {
            throw new IllegalArgumentException("ttl must be at most a year, was '" + text + "'");
        }
        return d;
    }
}
