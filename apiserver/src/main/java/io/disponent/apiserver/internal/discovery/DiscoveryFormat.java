package io.disponent.apiserver.internal.discovery;

/** How a discovery root ({@code /api}, {@code /apis}) is answered, and with which Content-Type. */
public enum DiscoveryFormat {
  /** {@code APIVersions} / {@code APIGroupList} as plain JSON. */
  LEGACY("application/json", "v1"),
  /** {@code APIGroupDiscoveryList} of {@code apidiscovery.k8s.io/v2}. */
  AGGREGATED_V2(
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList", "apidiscovery.k8s.io/v2"),
  /** {@code APIGroupDiscoveryList} of {@code apidiscovery.k8s.io/v2beta1} (kubectl up to 1.29). */
  AGGREGATED_V2BETA1(
      "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList",
      "apidiscovery.k8s.io/v2beta1");

  private final String contentType;
  private final String apiVersion;

  DiscoveryFormat(String contentType, String apiVersion) {
    this.contentType = contentType;
    this.apiVersion = apiVersion;
  }

  /** The exact Content-Type header to answer with; clients match it literally. */
  public String contentType() {
    return contentType;
  }

  /** The body's {@code apiVersion}. */
  public String apiVersion() {
    return apiVersion;
  }

  public boolean aggregated() {
    return this != LEGACY;
  }
}
