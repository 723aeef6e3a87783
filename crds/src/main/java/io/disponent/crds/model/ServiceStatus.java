package io.disponent.crds.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
/** What the service controller observed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServiceStatus(Long observedGeneration, Integer instances, Integer runningInstances, Integer healthyInstances, String selector, String currentRevision, String updateRevision, List<Condition> conditions) {}
