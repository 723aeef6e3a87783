package io.disponent.apiserver.internal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.registry.ResourceType;
import io.disponent.apiserver.internal.storage.StoredObject;
import java.util.List;

/** Renders {@code meta.k8s.io/v1} Tables, as kubectl asks for them. */
public interface TableRenderer {

  /**
   * @param includeObject {@code None}, {@code Metadata} (the default) or {@code Object}
   */
  ObjectNode table(ResourceType type, List<StoredObject> items, long revision, String continueToken,
      String includeObject);
}
