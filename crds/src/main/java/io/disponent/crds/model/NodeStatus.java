package io.disponent.crds.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
/** Capacity, allocatable and allocated resources, and conditions (Ready). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record NodeStatus(ResourceList capacity, ResourceList allocatable, ResourceList allocated, String agentVersion, String agentURL, Boolean limitsEnforced, String limitsMessage, List<Condition> conditions) {}
