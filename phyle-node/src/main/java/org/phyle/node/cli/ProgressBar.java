package org.phyle.node.cli;

import java.io.PrintStream;

/**
 * A progress bar on standard error: redrawn in place on a terminal, a line every few seconds otherwise (logs, CI).
 * Shows the fraction done, the rate and the time left.
 */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    private final String label;
    private final String unit;
    private final PrintStream out;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long lastDraw;
    private long lastDone;
    private long lastTotal;

    ProgressBar(String label, String unit) {
        this.label = label;
        this.unit = unit;
        this.out = System.err;
        this.terminal = System.console() != null;
    }

    synchronized void update(long done, long total) {
        lastDone = done;
        lastTotal = total;
        long now = System.nanoTime();
        long interval = terminal ? 100_000_000L : 5_000_000_000L;
        if (now - lastDraw < interval && done < total) {
            return;
        }
        lastDraw = now;
        draw(done, total, now);
    }

    private void draw(long done, long total, long now) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double rate = done / seconds;
        double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        String eta = rate > 0 && total > done ? String.format(" · %ds left", Math.round((total - done) / rate)) : "";
        String line = String.format("%s [%s%s] %3d%% %,d/%,d %s · %,.0f %s/s%s", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), Math.round(fraction * 100), done, total, unit, rate, unit, eta);
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
        } else {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public synchronized void close() {
        draw(lastDone, lastTotal, System.nanoTime());
        if (terminal) {
            out.println();
        }
    }
}
