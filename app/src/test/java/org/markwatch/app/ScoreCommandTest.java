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

/** The fixed command-line contract of {@code markwatch score}, over the real detectors and conf. */
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
  void badLinesAreReportedWithTheirNumberAndTheRunGoesOn() throws Exception {
    List<String> lines = Files.readAllLines(SHARED.resolve("data/dev-listings.jsonl")).subList(0, 3);
    Path in = dir.resolve("mixed.jsonl");
    Files.write(in, List.of(lines.get(0), "{not json", lines.get(1),
        lines.get(2).replaceFirst("\"amount\": ?[0-9.]+", "\"amount\": \"12k\"")));
    Path out = dir.resolve("scored.jsonl");
    Path rejects = dir.resolve("rejects.jsonl");

    Run run = score("--in", in.toString(), "--out", out.toString(), "--rejects", rejects.toString());

    assertThat(run.status).isZero();
    assertThat(Files.readAllLines(out)).hasSize(2);
    assertThat(run.err).contains(in + ":2: not valid JSON")
        .contains(in + ":4: $.price.amount: expected number, got string \"12k\"");
    List<String> rejected = Files.readAllLines(rejects);
    assertThat(rejected).hasSize(2);
    assertThat(JsonCodec.mapper().readTree(rejected.get(1)).get("line").asInt()).isEqualTo(4);
  }

  @Test
  void anUnreadableInputIsAnErrorNamingTheFile() {
    Path missing = dir.resolve("nope.jsonl");
    Run run = score("--in", missing.toString(), "--out", dir.resolve("o.jsonl").toString());
    assertThat(run.status).isNotZero();
    assertThat(run.err).contains(missing.toAbsolutePath().toString());
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
