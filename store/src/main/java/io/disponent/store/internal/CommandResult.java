package io.disponent.store.internal;

import io.disponent.store.LeaseGrant;
import io.disponent.store.StoreException;
import io.disponent.store.TxnResponse;

/** The outcome of one {@link Command}, in the same position of the batch's result list. */
public sealed interface CommandResult {

  record TxnDone(TxnResponse response) implements CommandResult {}

  record Granted(LeaseGrant grant) implements CommandResult {}

  /** A compact or revoke that succeeded; {@code revision} is the store's revision after it. */
  record Done(long revision) implements CommandResult {}

  /** The command was refused and changed nothing. */
  record Failed(StoreException error) implements CommandResult {}
}
