package io.disponent.apiserver.internal.discovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.registry.ResourceType;
import java.util.List;
import java.util.Optional;

/**
 * The discovery documents kubectl reads, as pure functions of the served resources. Only what is
 * passed in is listed: callers leave out anything that must not resolve in the core group.
 */
public final class Discovery {

  private Discovery() {}

  /** {@code GET /api} answered unaggregated: {@code APIVersions} with {@code v1}. */
  public static ObjectNode apiVersions(String serverAddress) {
    return LegacyDiscovery.apiVersions(serverAddress);
  }

  /** {@code GET /apis} answered unaggregated: {@code APIGroupList}, every non-core group with its preferred version. */
  public static ObjectNode apiGroupList(List<ResourceType> types) {
    return LegacyDiscovery.apiGroupList(types);
  }

  /**
   * {@code GET /api/v1} ({@code group} empty) or {@code GET /apis/{group}/{version}}: the
   * {@code APIResourceList} with {@code status} and {@code scale} subresource entries.
   *
   * @return empty when the group version is not served (answer 404); core {@code v1} always exists
   */
  public static Optional<ObjectNode> apiResourceList(List<ResourceType> types, String group, String version) {
    return LegacyDiscovery.apiResourceList(types, group, version);
  }

  /** {@code GET /api} aggregated: an {@code APIGroupDiscoveryList} holding the core group only. */
  public static ObjectNode aggregatedCore(List<ResourceType> types, DiscoveryFormat format) {
    return AggregatedDiscovery.list(types, true, format);
  }

  /** {@code GET /apis} aggregated: an {@code APIGroupDiscoveryList} of every non-core group. */
  public static ObjectNode aggregatedGroups(List<ResourceType> types, DiscoveryFormat format) {
    return AggregatedDiscovery.list(types, false, format);
  }

  /**
   * The format to answer {@code /api} or {@code /apis} in for an Accept header; its
   * {@link DiscoveryFormat#contentType()} is the Content-Type to send.
   *
   * @return empty when nothing acceptable is offered (answer 406)
   */
  public static Optional<DiscoveryFormat> contentTypeFor(String acceptHeader) {
    return DiscoveryNegotiation.negotiate(acceptHeader);
  }
}
