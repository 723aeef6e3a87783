package io.disponent.store;

import java.util.List;

/**
 * @param succeeded whether every compare held (so the success branch was applied)
 * @param revision the store's revision after the transaction: the new revision if it wrote
 *     anything, else the revision it was evaluated at
 * @param results one result per op of the applied branch
 */
public record TxnResponse(boolean succeeded, long revision, List<OpResult> results) {
  public TxnResponse {
    results = List.copyOf(results);
  }
}
