package io.disponent.controllers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.client.ApiClient;
import io.disponent.client.ConflictException;
import io.disponent.client.Gvr;
import io.disponent.controllers.plan.upgrade.Revision;
import io.disponent.controllers.plan.upgrade.RevisionHistory;
import io.disponent.controllers.plan.upgrade.UpgradePlanner;
import io.disponent.controllers.reconcile.service.Revisions;
import io.disponent.crds.model.Models;
import java.util.List;

/**
 * {@code disponent rollback services/NAME [--to-revision N]}: writes a stored template back into the Service's
 * {@code spec.template} (compare-and-swap, retried on conflict); the service controller then rolls to it.
 */
public final class Rollback {
  private Rollback() {}

  /**
   * Rolls {@code namespace/name} back to {@code toRevision}, or to the revision before the current one when
   * null. Returns the revision number rolled back to.
   *
   * @throws IllegalArgumentException when the history has no such revision
   */
  public static int to(ApiClient client, String namespace, String name, Integer toRevision) {
    for (int attempt = 0; ; attempt++) {
      JsonNode service = client.get(Gvr.SERVICES, namespace, name);
      RevisionHistory history = Revisions.of(service);
      int target;
      if (toRevision != null) {
        target = toRevision;
      } else {
        List<Revision> revs = history.revisions();
        if (revs.size() < 2) {
          throw new IllegalArgumentException("rollback: service " + name + " has no previous revision (kept: "
              + history.numbers() + ")");
        }
        target = revs.get(revs.size() - 2).revision();
      }
      ObjectNode updated = service.deepCopy();
      ((ObjectNode) updated.path("spec")).set("template", Models.tree(UpgradePlanner.rollback(history, target)));
      try {
        client.update(Gvr.SERVICES, updated);
        return target;
      } catch (ConflictException e) {
        if (attempt >= 5) {
          throw e;
        }
      }
    }
  }
}
