package io.disponent.crds.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** When unreachable instances are replaced, and when forgotten. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnreachableStrategy(Integer inactiveAfterSeconds, Integer expungeAfterSeconds) {}
