package org.vbcsettle.cli;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress bar on stderr, drawn only when the process runs on a terminal (System.console());
 * piped or redirected output gets none, so logs and files stay clean.
 */
final class ProgressBar {
    private final Thread thread;

    private ProgressBar(Thread thread) {
        this.thread = thread;
    }

    static ProgressBar startIfTerminal(AtomicInteger done, long total) {
        if (System.console() == null) {
            return new ProgressBar(null);
        }
        Thread t = new Thread(() -> {
            long start = System.nanoTime();
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    draw(done.get(), total, start);
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                // stopped
            }
            draw(done.get(), total, start);
            System.err.print("\r" + " ".repeat(78) + "\r");
            System.err.flush();
        }, "progress-bar");
        t.setDaemon(true);
        t.start();
        return new ProgressBar(t);
    }

    private static void draw(long done, long total, long start) {
        int width = 40;
        int filled = (int) (done * width / Math.max(1, total));
        double s = (System.nanoTime() - start) / 1e9;
        System.err.printf("\r[%s%s] %3d%%  %,d/%,d trials  %.1f s", "#".repeat(filled), " ".repeat(width - filled),
                done * 100 / Math.max(1, total), done, total, s);
        System.err.flush();
    }

    void stop() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
