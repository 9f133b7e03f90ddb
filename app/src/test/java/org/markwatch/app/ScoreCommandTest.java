package org.markwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.model.Decoded;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Scored;

/**
 * The fixed command-line contract of {@code markwatch score} over the whole dev set, with the real
 * detectors and conf (bad lines and unreadable input: {@link DetectorCommandsTest}).
 */
class ScoreCommandTest {
  static final Path SHARED = Path.of(System.getProperty("markwatch.shared", "../../shared"));
  static final Path CONF = Path.of(System.getProperty("user.dir")).getParent().resolve("conf");

  @TempDir Path dir;

  @Test
  void writesOneValidVerdictPerDevListingInOrder() throws Exception {
    Path in = SHARED.resolve("data/dev-listings.jsonl");
    Path out = dir.resolve("scored.jsonl");
    Run run = score("--in", in.toString(), "--out", out.toString());
    assertThat(run.status).as(run.err).isZero();

    List<String> inputIds = new ArrayList<>();
    for (String line : Files.readAllLines(in)) {
      inputIds.add(JsonCodec.decodeListing(line).value().id());
    }
    List<String> outputIds = new ArrayList<>();
    for (String line : Files.readAllLines(out)) {
      Decoded<Scored> scored = JsonCodec.decodeScored(line);
      assertThat(scored.errors()).as(line).isEmpty();
      outputIds.add(scored.value().listingId());
    }
    assertThat(outputIds).isEqualTo(inputIds);
    assertThat(run.err).contains(inputIds.size() + " scored, 0 rejected");
  }

  @Test
  void missingOptionsAreRefused() {
    Run run = score("--in", "x.jsonl");
    assertThat(run.status).isNotZero();
    assertThat(run.err).contains("--out");
  }

  record Run(int status, String err) {}

  private Run score(String... args) {
    PrintStream savedErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      String[] all = new String[args.length + 3];
      all[0] = "score";
      all[1] = "--conf";
      all[2] = CONF.toString();
      System.arraycopy(args, 0, all, 3, args.length);
      return new Run(Main.run(all), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(savedErr);
    }
  }
}
