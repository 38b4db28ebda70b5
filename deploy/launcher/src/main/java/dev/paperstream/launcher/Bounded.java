package dev.paperstream.launcher;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs a shutdown step on a daemon thread and waits for it only so long, so a hang cannot hold Ctrl-C. */
final class Bounded {
    private Bounded() {
    }

    /** Returns whether {@code step} finished in time; says so when it did not or when it failed. */
    static boolean run(String what, Duration limit, Runnable step, Consumer<String> say) {
        CountDownLatch done = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                say.accept(what + " did not stop cleanly: " + e.getMessage());
            } finally {
                done.countDown();
            }
        }, "paperstream-stop");
        t.setDaemon(true);
        t.start();
        try {
            if (done.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        say.accept(what + " did not stop within " + limit.toMillis() / 1000.0 + " s; leaving it to the exit");
        return false;
    }
}
