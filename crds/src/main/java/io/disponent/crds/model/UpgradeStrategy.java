package io.disponent.crds.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Marathon's rolling-upgrade bounds, as fractions of instances (0..1). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpgradeStrategy(Double minimumHealthCapacity, Double maximumOverCapacity) {}
