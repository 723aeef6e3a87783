package io.disponent.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A Service object; by default one instance of {@code sleep 100}, no constraints. */
public final class ServiceBuilder extends TaskSpecBuilder<ServiceBuilder> {
  private final ObjectNode service;

  private ServiceBuilder(ObjectNode service) {
    super(service.putObject("spec").put("instances", 1).putObject("template").putObject("spec")
        .put("shell", "sleep 100"));
    this.service = service;
  }

  public static ServiceBuilder service(String namespace, String name) {
    return new ServiceBuilder(Manifests.object("disponent.io/v1", "Service", namespace, name));
  }

  @Override
  ServiceBuilder self() {
    return this;
  }

  public ServiceBuilder instances(int instances) {
    serviceSpec().put("instances", instances);
    return this;
  }

  /** A Marathon constraint: {@code field operator value}. */
  public ServiceBuilder constraint(String field, String operator, String value) {
    constraints().addObject().put("field", field).put("operator", operator).put("value", value);
    return this;
  }

  /** A Marathon constraint without a value, such as {@code hostname UNIQUE}. */
  public ServiceBuilder constraint(String field, String operator) {
    constraints().addObject().put("field", field).put("operator", operator);
    return this;
  }

  private ObjectNode serviceSpec() {
    return (ObjectNode) service.get("spec");
  }

  private ArrayNode constraints() {
    ObjectNode spec = serviceSpec();
    return spec.has("constraints") ? spec.withArray("constraints") : spec.putArray("constraints");
  }

  public ObjectNode build() {
    return service.deepCopy();
  }
}
