package io.disponent.controllers.plan.service;

/**
 * A Task to create from the Service's template of {@code revision} (label {@code disponent.io/revision}).
 *
 * @param replaces the Task it replaces (annotation {@code disponent.io/replaces}), or null
 * @param consecutiveFailures the backoff count to carry (annotation), 0 for a fresh launch
 * @param lastFailure the failure message to carry (annotation), or null
 */
public record TaskCreate(String revision, String replaces, int consecutiveFailures, String lastFailure) {}
