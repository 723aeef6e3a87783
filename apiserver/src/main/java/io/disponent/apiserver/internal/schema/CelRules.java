package io.disponent.apiserver.internal.schema;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles {@code x-kubernetes-validations} rules with cel-java, once per distinct rule text.
 *
 * <p>{@code self} and {@code oldSelf} are declared {@code dyn}: the checker then catches syntax
 * errors, unknown functions and non-boolean literals, but not misspelt field names (Kubernetes
 * types them from the schema and would).
 */
final class CelRules {

  /** A crude bound: the cache is dropped whole when a churn of CRD edits fills it. */
  private static final int MAX_CACHED = 10_000;

  private static final CelOptions OPTIONS = CelOptions.current()
      .enableHeterogeneousNumericComparisons(true)
      .build();
  private static final Cel RULES = environment(SimpleType.BOOL);
  private static final Cel MESSAGES = environment(SimpleType.STRING);

  private static final Map<Schema.ValidationRule, CelRule> CACHE = new ConcurrentHashMap<>();

  private CelRules() {}

  private static Cel environment(CelType result) {
    return CelFactory.standardCelBuilder()
        .setOptions(OPTIONS)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addCompilerLibraries(CelExtensions.strings())
        .addRuntimeLibraries(CelExtensions.strings())
        .addVar("self", SimpleType.DYN)
        .addVar("oldSelf", SimpleType.DYN)
        .setResultType(result)
        .build();
  }

  /** The compiled form of {@code rule}; compilation failures are returned, not thrown. */
  static CelRule compile(Schema.ValidationRule rule) {
    CelRule cached = CACHE.get(rule);
    if (cached != null) {
      return cached;
    }
    if (CACHE.size() >= MAX_CACHED) {
      CACHE.clear();
    }
    CelRule compiled = doCompile(rule);
    CACHE.put(rule, compiled);
    return compiled;
  }

  private static CelRule doCompile(Schema.ValidationRule rule) {
    if (rule.rule() == null || rule.rule().isBlank()) {
      return new CelRule(rule, null, false, null, "rule is not specified");
    }
    try {
      CelAbstractSyntaxTree ast = check(RULES, rule.rule());
      boolean transition = ast.getReferenceMap().values().stream().anyMatch(r -> r.name().equals("oldSelf"));
      CelRuntime.Program message = null;
      if (rule.messageExpression() != null && !rule.messageExpression().isBlank()) {
        try {
          message = MESSAGES.createProgram(check(MESSAGES, rule.messageExpression()));
        } catch (CelValidationException | CelEvaluationException e) {
          message = null; // the static message (or the default) is used instead
        }
      }
      return new CelRule(rule, RULES.createProgram(ast), transition, message, null);
    } catch (CelValidationException e) {
      return new CelRule(rule, null, false, null, "compilation failed: " + e.getMessage());
    } catch (CelEvaluationException | RuntimeException e) {
      return new CelRule(rule, null, false, null, "compilation failed: " + e.getMessage());
    }
  }

  /** Compiles {@code messageExpression} alone, for CRD validation; null when it compiles. */
  static String messageExpressionError(String expression) {
    try {
      check(MESSAGES, expression);
      return null;
    } catch (CelValidationException e) {
      return "messageExpression compilation failed: " + e.getMessage();
    }
  }

  private static CelAbstractSyntaxTree check(Cel cel, String expression) throws CelValidationException {
    CelValidationResult result = cel.compile(expression);
    return result.getAst();
  }
}
