package io.disponent.apiserver.it;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** One embedded store and API server per test class, with an {@link Http} client on it; stopped after the class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerPerClassIT {

  ServerFixture fixture;
  Http http;

  @BeforeAll
  void startServer(@TempDir Path dir) {
    fixture = ServerFixture.start(dir);
    http = fixture.http();
  }

  @AfterAll
  void stopServer() {
    if (fixture != null) {
      fixture.close();
    }
  }
}
