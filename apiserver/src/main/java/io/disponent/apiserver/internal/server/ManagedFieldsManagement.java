package io.disponent.apiserver.internal.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.apply.ApplyResult;
import io.disponent.apiserver.internal.apply.ManagedFieldsEntry;
import io.disponent.apiserver.internal.apply.ServerSideApply;
import io.disponent.apiserver.internal.apply.UpdateTracker;
import io.disponent.apiserver.internal.registry.ResourceType;
import io.disponent.apiserver.internal.rest.FieldManagement;
import java.time.Clock;

/** {@code managedFields} through {@link UpdateTracker} and {@link ServerSideApply}. */
public final class ManagedFieldsManagement implements FieldManagement {

  private final Clock clock;

  public ManagedFieldsManagement(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void trackUpdate(ResourceType type, ObjectNode old, ObjectNode obj, String manager, String subresource) {
    ManagedFieldsEntry.write(obj,
        UpdateTracker.track(old, obj, manager, type.schema(), type.apiVersion(), clock.instant(), subresource));
  }

  @Override
  public ObjectNode apply(ResourceType type, ObjectNode live, ObjectNode config, String manager, boolean force,
      String subresource) {
    ApplyResult r = ServerSideApply.apply(live, config, manager, force, type.schema(), type.apiVersion(),
        clock.instant(), subresource);
    ObjectNode out = r.object();
    ManagedFieldsEntry.write(out, r.managedFields());
    return out;
  }
}
