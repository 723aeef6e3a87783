package io.disponent.agent.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.agent.runtime.TaskHandle;
import io.disponent.client.ApiException;
import io.disponent.client.runtime.DaemonThreads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The per-task step of a pass: applies one {@link TaskAction} of the planner to one task. Reports,
 * releases and forgets run inline; launches and kills block, so they go to a worker pool with the
 * task marked busy (the planner leaves a busy task alone) and wake the loop when done. An API
 * failure is logged: the next pass decides again.
 */
final class TaskReconciler<H extends TaskHandle> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TaskReconciler.class);
  private static final int WORKERS = 16;

  private final LocalTasks<H> locals;
  private final Launcher<H> launcher;
  private final Killer<H> killer;
  private final Releaser<H> releaser;
  private final StatusReporter<H> reporter;
  private final Runnable wake;
  // launches and kills mostly wait for the API server and for processes, not for a CPU
  private final ExecutorService pool = Executors.newFixedThreadPool(WORKERS, DaemonThreads.named("task-worker"));

  TaskReconciler(LocalTasks<H> locals, Launcher<H> launcher, Killer<H> killer, Releaser<H> releaser,
      StatusReporter<H> reporter, Runnable wake) {
    this.locals = locals;
    this.launcher = launcher;
    this.killer = killer;
    this.releaser = releaser;
    this.reporter = reporter;
    this.wake = wake;
  }

  /** @param task the Task the action is about, or null when it is gone from the API */
  void apply(TaskAction a, JsonNode task) {
    MDC.put("task", task == null ? a.uid() : TaskJson.ns(task) + "/" + TaskJson.name(task));
    try {
      if (a instanceof TaskAction.Launch) {
        submit(a.uid(), () -> launcher.launch(task));
      } else if (a instanceof TaskAction.Kill k) {
        submit(a.uid(), () -> killer.kill(locals.get(a.uid()), task, k.deleted()));
      } else if (a instanceof TaskAction.Report) {
        reporter.report(locals.get(a.uid()), task);
      } else if (a instanceof TaskAction.Release) {
        releaser.release(a.uid(), task);
      } else if (a instanceof TaskAction.Forget) {
        releaser.forget(a.uid());
      } else if (a instanceof TaskAction.MarkLost) {
        reporter.markLost(task);
      }
    } catch (ApiException e) {
      LOG.info("tasks: {} of {} not done ({}); retrying", a.getClass().getSimpleName(), a.uid(), e.getMessage());
    } finally {
      MDC.remove("task");
    }
  }

  private void submit(String uid, Job job) {
    locals.markBusy(uid);
    pool.execute(() -> {
      try {
        job.run();
      } catch (ApiException e) {
        LOG.info("tasks: {} not done ({}); retrying", uid, e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        LOG.error("tasks: {} failed", uid, e);
      } finally {
        locals.markIdle(uid);
        wake.run();
      }
    });
  }

  @FunctionalInterface
  private interface Job {
    void run() throws InterruptedException;
  }

  /** Interrupts the launches and kills in progress; see {@link #awaitClosed}. */
  @Override
  public void close() {
    pool.shutdownNow();
  }

  void awaitClosed(long seconds) throws InterruptedException {
    pool.awaitTermination(seconds, TimeUnit.SECONDS);
  }
}
