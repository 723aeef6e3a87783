package io.disponent.controllers.plan.upgrade;

import io.disponent.controllers.plan.TemplateHash;
import io.disponent.crds.model.TaskTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The revisions of one Service, oldest first, at most {@code limit} kept (default
 * {@value #DEFAULT_LIMIT}). Like Kubernetes' ControllerRevisions: recording the current template again does
 * nothing; recording a template seen before (a rollback) moves it to a new, highest number. Immutable; the
 * reconciler stores it (for example as JSON in a Service annotation).
 */
public record RevisionHistory(List<Revision> revisions, int limit) {
  public static final int DEFAULT_LIMIT = 10;

  public RevisionHistory {
    if (limit < 1) {
      throw new IllegalArgumentException("upgrade: a revision history keeps at least 1 revision, not " + limit);
    }
    revisions = List.copyOf(revisions);
  }

  public static RevisionHistory empty() {
    return new RevisionHistory(List.of(), DEFAULT_LIMIT);
  }

  /** The newest revision, if any. */
  public Optional<Revision> current() {
    return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(revisions.size() - 1));
  }

  public Optional<Revision> find(int revision) {
    return revisions.stream().filter(r -> r.revision() == revision).findFirst();
  }

  public List<Integer> numbers() {
    return revisions.stream().map(Revision::revision).toList();
  }

  /** This history with {@code template} (of Service {@code generation}) as the current revision. */
  public RevisionHistory record(TaskTemplate template, long generation) {
    String hash = TemplateHash.of(template);
    if (current().map(r -> r.templateHash().equals(hash)).orElse(false)) {
      return this;
    }
    int next = current().map(r -> r.revision() + 1).orElse(1);
    List<Revision> out = new ArrayList<>();
    for (Revision r : revisions) {
      if (!r.templateHash().equals(hash)) {
        out.add(r);
      }
    }
    out.add(new Revision(next, hash, generation, template));
    while (out.size() > limit) {
      out.remove(0);
    }
    return new RevisionHistory(out, limit);
  }
}
