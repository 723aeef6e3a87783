package io.disponent.crds.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.ObjectMeta;
/** One instance of a task template, bound to a node (tasks.disponent.io/v1). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Task(String apiVersion, String kind, ObjectMeta metadata, TaskSpec spec, TaskStatus status) {}
