package io.disponent.apiserver.internal.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.http.TableRenderer;
import io.disponent.apiserver.internal.registry.ResourceType;
import io.disponent.apiserver.internal.storage.StoredObject;
import io.disponent.apiserver.internal.table.IncludeObject;
import io.disponent.apiserver.internal.table.TableBuilder;
import java.time.Clock;
import java.util.List;

/** Tables from each kind's printer columns, through {@link TableBuilder}. */
public final class CrdTables implements TableRenderer {

  private final Clock clock;

  public CrdTables(Clock clock) {
    this.clock = clock;
  }

  @Override
  public ObjectNode table(ResourceType type, List<StoredObject> items, long revision, String continueToken,
      String includeObject) {
    IncludeObject include;
    try {
      include = IncludeObject.parse(includeObject);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    return TableBuilder.list(type, items.stream().map(StoredObject::object).toList(), Long.toString(revision),
        continueToken, include, false, clock);
  }
}
