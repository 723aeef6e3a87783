package io.disponent.client;

/** A query string; null values are left out. */
final class Query {
  private final StringBuilder sb = new StringBuilder();

  Query add(String key, String value) {
    if (value != null && !value.isEmpty()) {
      sb.append(sb.length() == 0 ? '?' : '&').append(key).append('=').append(Gvr.enc(value));
    }
    return this;
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
