package io.disponent.crds.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
/** What to run; {@code nodeName} is set by the scheduler. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskSpec(List<String> command, String shell, String image, List<EnvVar> env, Resources resources, List<PortSpec> ports, List<HealthCheck> healthChecks, List<ReadinessCheck> readinessChecks, List<Artifact> artifacts, Integer killGracePeriodSeconds, String user, String nodeName) {}
