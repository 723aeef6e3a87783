package io.disponent.controllers.plan.gc;

/** Where objects of an owner's kind live, as discovery tells; UNKNOWN when the kind is not served (yet). */
public enum OwnerScope { NAMESPACED, CLUSTER, UNKNOWN }
