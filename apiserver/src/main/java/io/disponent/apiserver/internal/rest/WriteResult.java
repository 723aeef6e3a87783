package io.disponent.apiserver.internal.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What a write answers: its HTTP code, the object as stored (or as it would be, on a dry run), warnings. */
public record WriteResult(int code, ObjectNode object, List<String> warnings) {
  public WriteResult {
    warnings = List.copyOf(warnings);
  }
}
