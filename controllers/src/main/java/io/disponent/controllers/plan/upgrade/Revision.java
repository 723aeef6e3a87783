package io.disponent.controllers.plan.upgrade;

import io.disponent.crds.model.TaskTemplate;

/**
 * One rolled-out template of a Service: a sequence number (1, 2, ...), its {@code TemplateHash}, the
 * Service generation that introduced it, and the template itself (so rollback can restore it).
 */
public record Revision(int revision, String templateHash, long generation, TaskTemplate template) {}
