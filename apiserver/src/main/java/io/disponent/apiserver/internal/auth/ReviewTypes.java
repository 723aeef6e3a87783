package io.disponent.apiserver.internal.auth;

import io.disponent.apiserver.internal.registry.ResourceType;
import java.util.List;
import java.util.Locale;

/** The review APIs as served resources: cluster-scoped, create only, nothing stored. */
public final class ReviewTypes {

  public static final ResourceType ACCESS_REVIEWS =
      type("authorization.k8s.io", "SelfSubjectAccessReview", "selfsubjectaccessreviews");
  public static final ResourceType RULES_REVIEWS =
      type("authorization.k8s.io", "SelfSubjectRulesReview", "selfsubjectrulesreviews");
  public static final ResourceType SELF_REVIEWS =
      type("authentication.k8s.io", "SelfSubjectReview", "selfsubjectreviews");

  public static final List<ResourceType> ALL = List.of(ACCESS_REVIEWS, RULES_REVIEWS, SELF_REVIEWS);

  private ReviewTypes() {}

  /** Where the review is posted: {@code /apis/authorization.k8s.io/v1/selfsubjectaccessreviews}. */
  public static String path(ResourceType type) {
    return type.groupVersionPath() + "/" + type.plural();
  }

  private static ResourceType type(String group, String kind, String plural) {
    return new ResourceType(group, "v1", kind, kind + "List", plural, kind.toLowerCase(Locale.ROOT), List.of(),
        List.of(), false, null, null, false, null, List.of(), List.of(), true, plural + "." + group,
        List.of("create"));
  }
}
