package org.markwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.app.ErrorMessagesTest.Run;

/**
 * The busy-port message of {@code serve}: an integration test because the port is only found taken
 * once the whole portal (Spring Boot) has started, which takes 10-30 s on a loaded machine.
 */
class ServeBusyPortIT {
  @TempDir Path dir;

  @Test
  void aBusyPortIsNamedWithTheOptionThatChangesIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Run run =
          ErrorMessagesTest.run("serve", "--data", dir.toString(), "--port", String.valueOf(port));
      assertThat(run.status()).isEqualTo(1);
      assertThat(run.errLines()).as(run.err()).hasSize(2);
      assertThat(run.errLines().get(0))
          .startsWith("markwatch serve: port " + port + " on 127.0.0.1 is already in use")
          .contains("--port " + (port + 1), "--port 0");
      assertThat(run.err()).doesNotContain("\tat ", "Exception");
    }
  }
}
