package io.disponent.crds.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Cordon flag, address, attributes and the host-port range of a node. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record NodeSpec(Boolean unschedulable, String address, java.util.Map<String, String> attributes, PortRange portRange) {}
