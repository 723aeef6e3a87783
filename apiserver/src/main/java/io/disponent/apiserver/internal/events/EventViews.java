package io.disponent.apiserver.internal.events;

import io.disponent.apiserver.internal.registry.Registry;
import io.disponent.apiserver.internal.registry.ResourceType;
import io.disponent.apiserver.internal.rest.StorageView;
import java.util.function.Function;

/** Which served resources are views of others: {@code events.k8s.io/v1} Events over the core Events. */
public final class EventViews {

  public static final String GROUP = "events.k8s.io";

  private EventViews() {}

  /** The view a resource is served through, or null when it is served from its own objects. */
  public static Function<ResourceType, StorageView> of(Registry registry) {
    return type -> {
      if (!type.group().equals(GROUP) || !type.plural().equals("events")) {
        return null;
      }
      ResourceType core = registry.snapshot().find("", "v1", "events").orElseThrow();
      return new StorageView(core, EventConversion::toCore, EventConversion::toEventsV1, EventsV1Checks::create);
    };
  }
}
