package io.disponent.crds.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.ObjectMeta;
/** One agent's machine (nodes.disponent.io/v1, cluster-scoped). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Node(String apiVersion, String kind, ObjectMeta metadata, NodeSpec spec, NodeStatus status) {}
