package io.disponent.crds.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
/** What the agent reports of a task. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskStatus(Long observedGeneration, String state, String health, Boolean ready, List<PortStatus> ports, Long pid, Integer exitCode, Integer signal, String reason, String message, String startedAt, String finishedAt, Integer restarts, List<Condition> conditions) {}
