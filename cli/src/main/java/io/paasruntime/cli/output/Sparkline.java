package io.paasruntime.cli.output;

import java.util.List;

/**
 * Draws a series of numbers as a one-line bar chart with the eight block characters
 * ▁▂▃▄▅▆▇█, scaled between the series' minimum and maximum. Missing samples (NaN) show as a
 * space; a series longer than the width is averaged into that many buckets.
 */
public final class Sparkline {
    static final String BARS = "▁▂▃▄▅▆▇█";

    private Sparkline() {
    }

    public static String draw(List<Double> values, int maxWidth) {
        if (maxWidth < 1) {
            throw new IllegalArgumentException("maxWidth must be >= 1");
        }
        double[] points = bucket(values, maxWidth);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : points) {
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        StringBuilder out = new StringBuilder(points.length);
        for (double v : points) {
            if (Double.isNaN(v)) {
                out.append(' ');
            } else if (max == min) {
                // A flat series: low bars for zero (idle), mid bars for a steady non-zero value.
                out.append(BARS.charAt(v == 0 ? 0 : 3));
            } else {
                int level = (int) Math.round((v - min) / (max - min) * (BARS.length() - 1));
                out.append(BARS.charAt(level));
            }
        }
        return out.toString();
    }

    private static double[] bucket(List<Double> values, int width) {
        int n = values.size();
        if (n <= width) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = value(values.get(i));
            }
            return out;
        }
        double[] out = new double[width];
        for (int b = 0; b < width; b++) {
            int from = (int) ((long) b * n / width);
            int to = (int) ((long) (b + 1) * n / width);
            double sum = 0;
            int count = 0;
            for (int i = from; i < to; i++) {
                double v = value(values.get(i));
                if (!Double.isNaN(v)) {
                    sum += v;
                    count++;
                }
            }
            out[b] = count == 0 ? Double.NaN : sum / count;
        }
        return out;
    }

    private static double value(Double v) {
        return v == null ? Double.NaN : v;
    }
}
