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
import org.markwatch.detectors.TestConf;
import org.markwatch.model.Decoded;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Scored;

/**
 * The fixed command-line contract of {@code markwatch score} over the whole dev set, with the real
 * detectors and conf (bad lines and unreadable input: {@link DetectorCommandsTest}).
 */
class ScoreCommandTest {
  static final Path SHARED = Path.of(System.getProperty("markwatch.shared", "../../shared"));
  static final Path CONF = TestConf.withoutRetailCatalog(); // see TestConf

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

  @Test
  void aListingTheDetectorsFailOnIsRejectedWithItsLineAndTheOthersAreScored() throws Exception {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    try (var files = Files.list(CONF.resolve("rules"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        Files.copy(f, rules.resolve(f.getFileName()));
      }
    }
    // a regex that recurses once per character: hostile text of a few KB overflows the stack
    Files.writeString(
        rules.resolve("recursive.yaml"),
        """
        rules:
          - id: misleading.recursive
            violation: misleading
            legalBasis: test
            weight: 0.5
            when: {patterns: {in: [text], any: ["(?:a|b)*c"]}}
        """);
    Path in = dir.resolve("in.jsonl");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      lines.add(
          JsonCodec.encode(
              org.markwatch.model.Listing.builder(
                      "shop:so" + i,
                      "shop",
                      "https://shop.example.vn/so" + i,
                      "2026-11-20T08:00:00Z")
                  .title("Nồi cơm điện " + i)
                  .text(i == 1 ? "ab".repeat(5_000) + "c" : "Hàng mới")
                  .build()));
    }
    Files.write(in, lines);
    Path out = dir.resolve("out.jsonl");
    Path rejects = dir.resolve("rejects.jsonl");
    Run run =
        score(
            "--in",
            in.toString(),
            "--out",
            out.toString(),
            "--rules",
            rules.toString(),
            "--rejects",
            rejects.toString());
    assertThat(run.status).as(run.err).isZero();
    assertThat(run.err)
        .contains(in + ":2: detectors failed: StackOverflowError")
        .contains("2 scored, 1 rejected");
    assertThat(Files.readAllLines(out)).hasSize(2).noneMatch(l -> l.contains("shop:so1"));
    assertThat(Files.readString(rejects)).contains("\"line\":2", "StackOverflowError");
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
