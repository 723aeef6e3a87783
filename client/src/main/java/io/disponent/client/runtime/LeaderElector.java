package io.disponent.client.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.client.ApiException;
import io.disponent.client.ConflictException;
import io.disponent.client.Gvr;
import io.disponent.client.NotFoundException;
import io.disponent.client.ResourceClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election on a coordination.k8s.io/v1 Lease, as client-go's leaderelection: the holder
 * renews every retryPeriod; another candidate takes the lease once it has seen no change to it for
 * leaseDuration (measured on its own clock, so clock skew between machines does not matter) or
 * once it is released. Every write is a PUT with the read resourceVersion, so of two racing
 * candidates one gets 409 and stays a follower. A leader that cannot renew within renewDeadline
 * stops leading. {@link #close} releases the lease (empty holder) so a successor need not wait.
 */
public final class LeaderElector implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LeaderElector.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter MICRO_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final ResourceClient client;
  private final LeaderElectionConfig config;
  private final LeaderCallbacks callbacks;
  private final Clock clock;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Thread thread;

  // fields below are touched by the elector thread only, except the volatile ones
  private volatile boolean leading;
  private volatile String observedHolder = "";
  private String observedVersion = "";
  private Instant observedAt = Instant.EPOCH;
  private Instant lastRenew = Instant.EPOCH;
  private JsonNode lastLease;

  public LeaderElector(ResourceClient client, LeaderElectionConfig config, LeaderCallbacks callbacks, Clock clock) {
    this.client = client;
    this.config = config;
    this.callbacks = callbacks;
    this.clock = clock;
    this.thread = new Thread(this::run, "leader-elector-" + config.name());
    this.thread.setDaemon(true);
  }

  public LeaderElector start() {
    thread.start();
    return this;
  }

  public boolean isLeader() {
    return leading;
  }

  /** The holder last seen on the lease ("" for none). */
  public String leader() {
    return observedHolder;
  }

  /** Stops campaigning; a leader releases the lease and is told onStoppedLeading. */
  @Override
  public void close() {
    closing.countDown();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      while (closing.getCount() > 0) {
        boolean ok;
        try {
          ok = tryAcquireOrRenew();
        } catch (ApiException e) {
          log.warn("lease {}/{}: {}", config.namespace(), config.name(), e.getMessage());
          ok = false;
        }
        Instant now = clock.instant();
        if (ok && !leading) {
          leading = true;
          log.info("lease {}/{}: {} started leading", config.namespace(), config.name(), config.identity());
          callbacks.onStartedLeading();
        } else if (!ok && leading && (!observedHolder.equals(config.identity())
            || Duration.between(lastRenew, now).compareTo(config.renewDeadline()) > 0)) {
          stopLeading("lost the lease");
        }
        closing.await(config.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (leading) {
        release();
        stopLeading("closed");
      }
    }
  }

  private void stopLeading(String why) {
    leading = false;
    log.info("lease {}/{}: {} stopped leading ({})", config.namespace(), config.name(), config.identity(), why);
    callbacks.onStoppedLeading();
  }

  /** One round: answers whether this candidate holds the lease afterwards. */
  boolean tryAcquireOrRenew() {
    Instant now = clock.instant();
    JsonNode lease;
    try {
      lease = client.get(Gvr.LEASES, config.namespace(), config.name());
    } catch (NotFoundException e) {
      ObjectNode fresh = JSON.createObjectNode().put("apiVersion", "coordination.k8s.io/v1").put("kind", "Lease");
      fresh.putObject("metadata").put("name", config.name()).put("namespace", config.namespace());
      fill(fresh.putObject("spec"), now, now, 0);
      try {
        lastLease = client.create(Gvr.LEASES, config.namespace(), fresh);
      } catch (ConflictException lost) {
        return false;
      }
      observe(lastLease, now);
      lastRenew = now;
      return true;
    }
    observe(lease, now);
    JsonNode spec = lease.path("spec");
    String holder = spec.path("holderIdentity").asText("");
    boolean mine = holder.equals(config.identity());
    Duration duration = Duration.ofSeconds(spec.path("leaseDurationSeconds").asLong(config.leaseDuration().toSeconds()));
    if (!holder.isEmpty() && !mine && observedAt.plus(duration).isAfter(now)) {
      return false;
    }
    ObjectNode next = lease.deepCopy();
    ObjectNode s = next.has("spec") ? (ObjectNode) next.get("spec") : next.putObject("spec");
    int transitions = spec.path("leaseTransitions").asInt(0);
    Instant acquired = mine && spec.hasNonNull("acquireTime") ? Instant.parse(spec.path("acquireTime").asText()) : now;
    fill(s, acquired, now, mine ? transitions : transitions + 1);
    try {
      lastLease = client.update(Gvr.LEASES, next);
    } catch (ConflictException lost) {
      return false;
    }
    observe(lastLease, now);
    lastRenew = now;
    return true;
  }

  private void fill(ObjectNode spec, Instant acquired, Instant renewed, int transitions) {
    spec.put("holderIdentity", config.identity())
        .put("leaseDurationSeconds", (int) config.leaseDuration().toSeconds())
        .put("acquireTime", MICRO_TIME.format(acquired))
        .put("renewTime", MICRO_TIME.format(renewed))
        .put("leaseTransitions", transitions);
  }

  private void observe(JsonNode lease, Instant now) {
    String version = lease.path("metadata").path("resourceVersion").asText("");
    if (!version.equals(observedVersion)) {
      observedVersion = version;
      observedAt = now;
    }
    String holder = lease.path("spec").path("holderIdentity").asText("");
    if (!holder.equals(observedHolder)) {
      observedHolder = holder;
      callbacks.onNewLeader(holder);
    }
  }

  /** Gives the lease up so that a successor need not wait out the duration. */
  private void release() {
    if (lastLease == null) {
      return;
    }
    try {
      JsonNode current = client.get(Gvr.LEASES, config.namespace(), config.name());
      if (!config.identity().equals(current.path("spec").path("holderIdentity").asText())) {
        return;
      }
      ObjectNode next = current.deepCopy();
      Instant now = clock.instant();
      ((ObjectNode) next.get("spec")).put("holderIdentity", "").put("leaseDurationSeconds", 1)
          .put("renewTime", MICRO_TIME.format(now));
      client.update(Gvr.LEASES, next);
    } catch (ApiException e) {
      log.warn("lease {}/{}: release failed ({}); successors wait out the duration", config.namespace(),
          config.name(), e.getMessage());
    }
  }
}
