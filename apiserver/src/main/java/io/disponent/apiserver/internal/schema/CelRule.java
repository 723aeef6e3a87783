package io.disponent.apiserver.internal.schema;

import dev.cel.runtime.CelRuntime;

/**
 * One {@code x-kubernetes-validations} rule, compiled. Exactly one of {@code program} and {@code
 * compileError} is set.
 *
 * @param transition whether the rule references {@code oldSelf} (evaluated only on updates, where an
 *     old value exists)
 * @param message the compiled {@code messageExpression}, or null (absent or failed to compile)
 */
record CelRule(
    Schema.ValidationRule source,
    CelRuntime.Program program,
    boolean transition,
    CelRuntime.Program message,
    String compileError) {

  boolean compiled() {
    return program != null;
  }
}
