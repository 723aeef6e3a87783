package io.disponent.crds.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
/** A readiness check gating rolling upgrades. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReadinessCheck(String type, String portName, String path, List<String> command, Integer intervalSeconds, Integer timeoutSeconds, List<Integer> httpStatusCodesForReady) {}
