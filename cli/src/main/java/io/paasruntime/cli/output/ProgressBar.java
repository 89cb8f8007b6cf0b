package io.paasruntime.cli.output;

import java.io.PrintStream;
import java.util.Locale;

/**
 * An upload progress bar redrawn in place with carriage returns, e.g.
 * {@code Uploading  [########            ]  40%  1.2 MB / 3.0 MB}. Redraws at most every 100 ms.
 */
public final class ProgressBar {
    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final String label;
    private final long total;
    private long lastDraw;

    public ProgressBar(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    /** Called with the bytes sent so far; cheap when called often. */
    public synchronized void update(long done) {
        long now = System.nanoTime();
        if (done < total && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        out.print('\r' + line(label, done, total));
        out.flush();
    }

    /** Draws the final state and ends the line. */
    public synchronized void finish() {
        out.print('\r' + line(label, total, total) + '\n');
        out.flush();
    }

    static String line(String label, long done, long total) {
        double fraction = total <= 0 ? 1 : Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format(Locale.ROOT, "%s  [%s%s] %3d%%  %s / %s", label, "#".repeat(filled),
                " ".repeat(WIDTH - filled), Math.round(fraction * 100), Sizes.human(done), Sizes.human(total));
    }
}
