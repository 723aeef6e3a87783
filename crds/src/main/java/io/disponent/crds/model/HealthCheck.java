package io.disponent.crds.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
/** A liveness check run by the agent: HTTP, TCP or COMMAND. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HealthCheck(String type, String portName, String path, List<String> command, Integer gracePeriodSeconds, Integer intervalSeconds, Integer timeoutSeconds, Integer maxConsecutiveFailures) {}
