package org.markwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCheckpointsTest {
  @Test
  void removesTheDirectoriesOfProcessesThatAreGoneAndKeepsTheLivingOnes(@TempDir Path tmp)
      throws Exception {
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    long deadPid = ended.pid();
    Path dead =
        Files.createDirectories(tmp.resolve(LocalCheckpoints.PREFIX + deadPid + "-123/chk-4"));
    Files.writeString(dead.resolve("_metadata"), "state");
    Path mine =
        Files.createDirectories(
            tmp.resolve(LocalCheckpoints.PREFIX + ProcessHandle.current().pid() + "-456"));
    Path unowned = Files.createDirectories(tmp.resolve(LocalCheckpoints.PREFIX + "789"));

    assertThat(LocalCheckpoints.removeOrphans(tmp)).isEqualTo(1);

    assertThat(dead.getParent()).doesNotExist();
    assertThat(mine).isDirectory();
    assertThat(unowned).isDirectory();
  }
}
