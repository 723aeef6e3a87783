package io.disponent.apiserver.internal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.auth.Authenticator;
import io.disponent.apiserver.internal.auth.ReviewTypes;
import io.disponent.apiserver.internal.auth.Reviews;
import io.disponent.apiserver.internal.json.Json;
import io.disponent.apiserver.internal.registry.ResourceType;
import io.disponent.apiserver.internal.rest.ObjectRules;
import io.javalin.http.Context;
import java.util.function.BiFunction;

/**
 * {@code POST} of the review APIs (SelfSubjectAccessReview, SelfSubjectRulesReview,
 * SelfSubjectReview): answered at once, 201, nothing stored. Discovery lists them from the
 * registry, where they are defined as create-only resources.
 */
public final class ReviewRoutes {

  private final Authenticator authenticator;

  public ReviewRoutes(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  public void install(ApiHttp http) {
    route(http, ReviewTypes.ACCESS_REVIEWS, (body, ctx) -> Reviews.access(body));
    route(http, ReviewTypes.RULES_REVIEWS, (body, ctx) -> Reviews.rules(body));
    route(http, ReviewTypes.SELF_REVIEWS, (body, ctx) -> Reviews.self(body, authenticator.user(ctx::header)));
  }

  private static void route(ApiHttp http, ResourceType type, BiFunction<ObjectNode, Context, ObjectNode> answer) {
    http.postRoute(ReviewTypes.path(type), ctx -> {
      Negotiation.requireJson(ctx.header("Accept"));
      ObjectNode body = ResourceHandler.objectBody(ctx);
      ObjectRules.checkTypeMeta(type, body);
      ResourceHandler.json(ctx, 201, Json.bytes(answer.apply(body, ctx)));
      return true;
    });
  }
}
