package io.disponent.apiserver.it;

import io.disponent.apiserver.ApiServerConfig;
import io.disponent.apiserver.EmbeddedApi;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** The embedded store and API server with an {@link Http} client on it; closed by the test. */
public record ServerFixture(EmbeddedApi api, Http http) implements AutoCloseable {

  public static ServerFixture start(Path dir) {
    return start(dir, c -> c);
  }

  public static ServerFixture start(Path dir, UnaryOperator<ApiServerConfig> tune) {
    EmbeddedApi api = EmbeddedApi.onLoopback(dir, tune);
    return new ServerFixture(api, new Http(api.url()));
  }

  @Override
  public void close() {
    api.close();
  }
}
