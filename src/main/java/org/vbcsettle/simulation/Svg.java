package org.vbcsettle.simulation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts for the report: well-formed XML (it is parsed in tests), no scripts, no external
 * references. Coordinates are doubles: this is drawing, the amounts themselves stay in cents elsewhere.
 */
final class Svg {
    private static final int W = 720;
    private static final int LEFT = 80;
    private static final int RIGHT = 70;
    private static final int PLOT_W = W - LEFT - RIGHT;
    private static final int H = 340;
    private static final int TOP = 46;
    private static final int BOTTOM = 50;
    private static final int PLOT_H = H - TOP - BOTTOM;

    private Svg() {
    }

    /** An axis range; a single value is widened by one either side so that the scale has a width to divide by. */
    private record Span(double lo, double hi) {
        static Span of(double lo, double hi) {
            return hi == lo ? new Span(lo - 1, hi + 1) : new Span(lo, hi);
        }
    }

    /** Histogram of amounts in cents, {@code bins} equal-width bins over [min, max]. */
    static String histogram(String title, long[] cents, int bins) {
        long[] sorted = cents.clone();
        Arrays.sort(sorted);
        Span range = Span.of(sorted[0] / 100.0, sorted[sorted.length - 1] / 100.0);
        double lo = range.lo();
        double hi = range.hi();
        long[] counts = new long[bins];
        for (long c : cents) {
            int b = (int) ((c / 100.0 - lo) / (hi - lo) * bins);
            counts[Math.min(bins - 1, Math.max(0, b))]++;
        }
        long maxCount = Arrays.stream(counts).max().orElse(1);
        StringBuilder sb = open(title);
        axes(sb, lo, hi, 0, maxCount, "provider payout", "trials", false);
        double bw = (double) PLOT_W / bins;
        for (int b = 0; b < bins; b++) {
            double h = (double) counts[b] / maxCount * PLOT_H;
            sb.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4a78b5\"><title>%s to %s: %d trials</title></rect>%n",
                    LEFT + b * bw + 0.5, H - BOTTOM - h, Math.max(0.5, bw - 1), h,
                    esc(dollars(lo + b * (hi - lo) / bins)), esc(dollars(lo + (b + 1) * (hi - lo) / bins)), counts[b]));
        }
        zeroLine(sb, lo, hi);
        return close(sb);
    }

    /** Empirical cumulative distribution of amounts in cents. */
    static String cdf(String title, long[] cents) {
        long[] sorted = cents.clone();
        Arrays.sort(sorted);
        Span range = Span.of(sorted[0] / 100.0, sorted[sorted.length - 1] / 100.0);
        double lo = range.lo();
        double hi = range.hi();
        StringBuilder sb = open(title);
        axes(sb, lo, hi, 0, 1, "provider payout", "share of trials at or below", true);
        int n = sorted.length;
        int points = Math.min(n, 400);
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < points; i++) {
            int idx = points == 1 ? n - 1 : (int) ((long) i * (n - 1) / (points - 1));
            double x = sx(sorted[idx] / 100.0, lo, hi);
            double y = sy((idx + 1.0) / n, 0, 1);
            pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        sb.append("<polyline fill=\"none\" stroke=\"#4a78b5\" stroke-width=\"2\" points=\"").append(pts.toString().trim()).append("\"/>\n");
        zeroLine(sb, lo, hi);
        return close(sb);
    }

    /** Expected payout (left axis) and probability of savings (right axis) against a swept parameter. */
    static String sweep(String parameter, List<Sweep.Point> points) {
        Span range = Span.of(points.get(0).value().doubleValue(), points.get(points.size() - 1).value().doubleValue());
        double xlo = range.lo();
        double xhi = range.hi();
        double ylo = Double.MAX_VALUE;
        double yhi = -Double.MAX_VALUE;
        for (Sweep.Point p : points) {
            double v = p.meanPayout().cents() / 100.0;
            ylo = Math.min(ylo, v);
            yhi = Math.max(yhi, v);
        }
        ylo = Math.min(ylo, 0);
        yhi = Math.max(yhi, 0);
        if (yhi == ylo) {
            yhi = ylo + 1;
        }
        StringBuilder sb = open("Expected payout and probability of savings against " + parameter);
        // frame and x axis by parameter value
        frame(sb);
        for (double xv : niceTicks(xlo, xhi)) {
            double x = sx(xv, xlo, xhi);
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\">%s</text>%n",
                    x, H - BOTTOM + 16, esc(trim(xv))));
        }
        for (double yv : niceTicks(ylo, yhi)) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\" fill=\"#4a78b5\">%s</text>%n",
                    LEFT - 6, sy(yv, ylo, yhi) + 4, esc(dollars(yv))));
        }
        for (int i = 0; i <= 4; i++) {
            double y = sy(i / 4.0, 0, 1);
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"start\" font-size=\"11\" fill=\"#d9822b\">%s</text>%n",
                    W - RIGHT + 6, y + 4, esc(String.format(Locale.ROOT, "%.2f", i / 4.0))));
        }
        if (ylo < 0 && yhi > 0) {
            double y0 = sy(0, ylo, yhi);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#c0392b\" stroke-dasharray=\"4 3\"/>%n",
                    LEFT, y0, W - RIGHT, y0));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">%s</text>%n",
                (LEFT + W - RIGHT) / 2, H - 12, esc(parameter)));
        StringBuilder pay = new StringBuilder();
        StringBuilder prob = new StringBuilder();
        for (Sweep.Point p : points) {
            double x = sx(p.value().doubleValue(), xlo, xhi);
            double y1 = sy(p.meanPayout().cents() / 100.0, ylo, yhi);
            double y2 = sy(p.probabilitySavingsEarned().doubleValue(), 0, 1);
            pay.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y1));
            prob.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y2));
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#4a78b5\"><title>%s = %s: expected payout %s</title></circle>%n",
                    x, y1, esc(parameter), esc(p.value().toPlainString()), esc(p.meanPayout().toString())));
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#d9822b\"><title>%s = %s: probability of savings %s</title></circle>%n",
                    x, y2, esc(parameter), esc(p.value().toPlainString()), esc(p.probabilitySavingsEarned().toPlainString())));
        }
        sb.append("<polyline fill=\"none\" stroke=\"#4a78b5\" stroke-width=\"2\" points=\"").append(pay.toString().trim()).append("\"/>\n");
        sb.append("<polyline fill=\"none\" stroke=\"#d9822b\" stroke-width=\"2\" stroke-dasharray=\"6 3\" points=\"").append(prob.toString().trim()).append("\"/>\n");
        // legend in the top margin, clear of the lines
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#4a78b5\" stroke-width=\"2\"/>%n", LEFT, TOP - 12, LEFT + 24, TOP - 12));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">expected payout (left axis)</text>%n", LEFT + 30, TOP - 8));
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#d9822b\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>%n", LEFT + 220, TOP - 12, LEFT + 244, TOP - 12));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">probability of savings (right axis)</text>%n", LEFT + 250, TOP - 8));
        return close(sb);
    }

    private static StringBuilder open(String title) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">%n", W, H, W, H));
        sb.append("<title>").append(esc(title)).append("</title>\n");
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"13\" font-weight=\"bold\">%s</text>%n", LEFT, esc(title)));
        return sb;
    }

    private static String close(StringBuilder sb) {
        return sb.append("</svg>\n").toString();
    }

    private static void frame(StringBuilder sb) {
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
                LEFT, TOP, PLOT_W, PLOT_H));
    }

    private static void axes(StringBuilder sb, double xlo, double xhi, double ylo, double yhi, String xLabel, String yLabel, boolean yFraction) {
        frame(sb);
        for (double xv : niceTicks(xlo, xhi)) {
            double x = sx(xv, xlo, xhi);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\"/>%n",
                    x, H - BOTTOM, x, H - BOTTOM + 4));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\">%s</text>%n",
                    x, H - BOTTOM + 16, esc(dollars(xv))));
        }
        for (int i = 0; i <= 4; i++) {
            double yv = ylo + (yhi - ylo) * i / 4;
            String label = yFraction ? String.format(Locale.ROOT, "%.2f", yv) : String.valueOf(Math.round(yv));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\">%s</text>%n",
                    LEFT - 6, sy(yv, ylo, yhi) + 4, esc(label)));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">%s</text>%n",
                (LEFT + W - RIGHT) / 2, H - 12, esc(xLabel)));
        sb.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" font-size=\"12\" transform=\"rotate(-90 14 %d)\" text-anchor=\"middle\">%s</text>%n",
                (TOP + H - BOTTOM) / 2, (TOP + H - BOTTOM) / 2, esc(yLabel)));
    }

    private static void zeroLine(StringBuilder sb, double lo, double hi) {
        if (lo < 0 && hi > 0) {
            double x = sx(0, lo, hi);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c0392b\" stroke-dasharray=\"4 3\"/>%n",
                    x, TOP, x, H - BOTTOM));
        }
    }

    /** Tick values at a round step (1, 2 or 5 × 10^k) giving about five ticks inside [lo, hi]. */
    static double[] niceTicks(double lo, double hi) {
        double raw = (hi - lo) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        double first = Math.ceil(lo / step) * step;
        int n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        double[] out = new double[Math.max(0, Math.min(n, 20))];
        for (int i = 0; i < out.length; i++) {
            double v = first + i * step;
            out[i] = Math.abs(v) < step * 1e-9 ? 0.0 : v; // no "-$0"
        }
        return out;
    }

    private static double sx(double v, double lo, double hi) {
        return LEFT + (v - lo) / (hi - lo) * PLOT_W;
    }

    private static double sy(double v, double lo, double hi) {
        return H - BOTTOM - (v - lo) / (hi - lo) * PLOT_H;
    }

    /** Axis label: $1.23M, -$450K, $12. */
    static String dollars(double v) {
        double a = Math.abs(v);
        String s;
        if (a >= 1e9) {
            s = String.format(Locale.ROOT, "$%.2fB", a / 1e9);
        } else if (a >= 1e6) {
            s = String.format(Locale.ROOT, "$%.2fM", a / 1e6);
        } else if (a >= 1e3) {
            s = String.format(Locale.ROOT, "$%.1fK", a / 1e3);
        } else {
            s = String.format(Locale.ROOT, "$%.0f", a);
        }
        return v < 0 ? "-" + s : s;
    }

    private static String trim(double v) {
        return new BigDecimal(String.format(Locale.ROOT, "%.6f", v)).stripTrailingZeros().toPlainString();
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#39;"); break;
                default: b.append(c);
            }
        }
        return b.toString();
    }
}
