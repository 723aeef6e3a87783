package io.disponent.crds.vocab;

/** The label keys Disponent sets on its objects. */
public final class Labels {
  /** On a Task: the template hash of the Service's {@code spec.template} it was created from. */
  public static final String REVISION = "disponent.io/revision";
  /** On a Task: the name of the Service that owns it (also the Service's selector). */
  public static final String SERVICE = "disponent.io/service";

  private Labels() {}
}
