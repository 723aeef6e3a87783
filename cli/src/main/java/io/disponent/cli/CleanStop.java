package io.disponent.cli;

import ch.qos.logback.classic.LoggerContext;
import java.util.concurrent.CountDownLatch;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Runs a long-lived command until SIGTERM (or Ctrl-C) and exits 0 once it has stopped cleanly.
 *
 * <p>The stop runs in a shutdown hook. Without more, the JVM would exit 143 (128 + SIGTERM) even
 * after a clean stop: {@code System.exit} from {@code main} cannot finish while the signal's
 * shutdown is under way. So after a clean stop the hook flushes the console, stops logback (halt
 * skips logback's own hook, if any) and halts with 0. A stop that throws, or a command that failed
 * before it got to {@link #awaitStop} (main's {@code System.exit(1)} runs the hook too), leaves the
 * JVM's status as it is.
 */
final class CleanStop {
  private static volatile boolean serving;

  private CleanStop() {}

  /**
   * Runs {@code stop} in a shutdown hook named {@code name}, then halts with 0 if it returned while serving. A
   * SIGTERM that came while the command was starting (the JVM's shutdown already under way, so no hook can be
   * added) stops it here and now, and the process exits 0 as after any clean stop.
   */
  static void onStop(String name, Runnable stop) {
    try {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        stop.run();
        if (serving) {
          halt();
        }
      }, name));
    } catch (IllegalStateException shuttingDown) {
      stop.run();
      halt();
    }
  }

  private static void halt() {
    System.out.flush();
    System.err.flush();
    stopLogging();
    Runtime.getRuntime().halt(0);
  }

  /** Blocks the command's thread until the hook ends the process. */
  static int awaitStop() throws InterruptedException {
    serving = true;
    new CountDownLatch(1).await();
    return 0;
  }

  private static void stopLogging() {
    ILoggerFactory f = LoggerFactory.getILoggerFactory();
    if (f instanceof LoggerContext logback) {
      logback.stop();
    }
  }
}
