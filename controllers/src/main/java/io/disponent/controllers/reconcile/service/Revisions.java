package io.disponent.controllers.reconcile.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.controllers.plan.upgrade.Revision;
import io.disponent.controllers.plan.upgrade.RevisionHistory;
import io.disponent.controllers.reconcile.Json;
import io.disponent.crds.model.Models;
import io.disponent.crds.vocab.Annotations;
import java.util.List;

/** A Service's {@link RevisionHistory}, kept as JSON in its annotation {@value Annotations#REVISIONS}. */
public final class Revisions {

  private Revisions() {}

  public static RevisionHistory of(JsonNode service) {
    String text = Json.annotation(service, Annotations.REVISIONS);
    if (text == null || text.isBlank()) {
      return RevisionHistory.empty();
    }
    try {
      List<Revision> revs = Models.MAPPER.readValue(text, new TypeReference<List<Revision>>() {});
      return new RevisionHistory(revs, RevisionHistory.DEFAULT_LIMIT);
    } catch (Exception e) {
      return RevisionHistory.empty();
    }
  }

  public static String toJson(RevisionHistory history) {
    try {
      return Models.MAPPER.writeValueAsString(history.revisions());
    } catch (Exception e) {
      throw new IllegalStateException("services: cannot write revisions: " + e.getMessage(), e);
    }
  }
}
