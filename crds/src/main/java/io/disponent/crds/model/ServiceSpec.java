package io.disponent.crds.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
/** What a Service wants; field meanings in the CRD. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServiceSpec(Integer instances, TaskTemplate template, List<Constraint> constraints, UpgradeStrategy upgradeStrategy, Integer backoffSeconds, Double backoffFactor, Integer maxLaunchDelaySeconds, String killSelection, UnreachableStrategy unreachableStrategy) {}
