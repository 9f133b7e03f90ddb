package org.markwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.detectors.TestConf;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Scored;

/** score, rules and brands commands run through {@link Main#run}, on real files. */
class DetectorCommandsTest {
  private static final Path CONF = TestConf.withoutRetailCatalog(); // see TestConf
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream oldErr;
  private PrintStream oldOut;

  @BeforeEach
  void capture() {
    oldErr = System.err;
    oldOut = System.out;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(oldErr);
    System.setOut(oldOut);
  }

  private static Path shared() {
    return Path.of(System.getProperty("markwatch.shared", "../../shared"));
  }

  @Test
  void scoreWritesOneVerdictPerValidLineAndReportsInvalidOnes(@TempDir Path dir) throws Exception {
    List<String> dev = Files.readAllLines(shared().resolve("data/dev-listings.jsonl"));
    Path in = dir.resolve("in.jsonl");
    List<String> lines = new java.util.ArrayList<>(dev.subList(0, 20));
    lines.add(3, "{\"schema\":\"markwatch.listing/1\",\"platform\":\"shopee\"}");
    lines.add(7, "not json");
    Files.write(in, lines);
    Path outFile = dir.resolve("out.jsonl");
    Path rejects = dir.resolve("rejects.jsonl");
    int code =
        Main.run(
            "score",
            "--in",
            in.toString(),
            "--out",
            outFile.toString(),
            "--rejects",
            rejects.toString(),
            "--conf",
            CONF.toString());
    assertThat(code).isEqualTo(0);
    List<String> verdicts = Files.readAllLines(outFile);
    assertThat(verdicts).hasSize(20);
    Scored first = JsonCodec.decodeScored(verdicts.get(0)).value();
    assertThat(first.schema()).isEqualTo("markwatch.scored/1");
    assertThat(first.listingId()).isEqualTo(JsonCodec.decodeListing(dev.get(0)).value().id());
    String e = err.toString(StandardCharsets.UTF_8);
    assertThat(e).contains(in + ":4: ").contains(in + ":8: ").contains("20 scored, 2 rejected");
    List<String> rej = Files.readAllLines(rejects);
    assertThat(rej).hasSize(2);
    assertThat(rej.get(0)).contains("\"line\":4");
  }

  @Test
  void scoreFailsOnUnreadableInputOrBadConf(@TempDir Path dir) throws Exception {
    assertThat(
            Main.run(
                "score",
                "--in",
                dir.resolve("nope.jsonl").toString(),
                "--out",
                dir.resolve("o").toString(),
                "--conf",
                CONF.toString()))
        .isEqualTo(2);
    Path badRules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(
        badRules.resolve("x.yaml"),
        "rules:\n  - id: a.b\n    violation: counterfeit\n    wieght: 1\n");
    Path in = Files.writeString(dir.resolve("in.jsonl"), "");
    assertThat(
            Main.run(
                "score",
                "--in",
                in.toString(),
                "--out",
                dir.resolve("o").toString(),
                "--conf",
                CONF.toString(),
                "--rules",
                badRules.toString()))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("rules/x.yaml:4:5")
        .contains("wieght");
  }

  @Test
  void rulesCheckAndTestPassOnTheDefaultRulesetAndRefuseABadOne(@TempDir Path dir)
      throws Exception {
    assertThat(Main.run("rules", "check", "--conf", CONF.toString())).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("ok: ");
    assertThat(Main.run("rules", "test", "--conf", CONF.toString(), "--report")).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("0 failed")
        .contains("counterfeit.admission");
    Path bad = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(
        bad.resolve("bad.yaml"),
        """
        rules:
          - id: bad.regex
            violation: misleading
            legalBasis: test
            weight: 0.5
            when: {patterns: {any: ["giảm (kg"]}}
        """);
    assertThat(Main.run("rules", "check", bad.toString(), "--conf", CONF.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("rules/bad.yaml:6")
        .contains("bad regular expression");
  }

  @Test
  void brandsImportWritesAValidatedCatalogFile(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("owner.csv");
    Files.writeString(
        csv,
        """
        brand_id,name,category,aliases,product_line,product_type,min_price_vnd,max_price_vnd,store_platform,store_name,store_seller_id
        bitis,Biti's,fashion,Bitis,,,,,,,
        bitis,,,,Hunter X,shoes,700000,1200000,,,
        bitis,,,,,,,,shopee,Biti's Official Store,shopee:shop:1
        """);
    Path target = dir.resolve("bitis.yaml");
    assertThat(
            Main.run(
                "brands",
                "import",
                csv.toString(),
                "--out",
                target.toString(),
                "--conf",
                CONF.toString()))
        .isEqualTo(0);
    assertThat(Files.readString(target)).contains("id: \"bitis\"").contains("Hunter X");
    Files.writeString(csv, Files.readString(csv) + "nike,Nike,sport,,,,,,,,\n");
    assertThat(
            Main.run(
                "brands",
                "import",
                csv.toString(),
                "--out",
                dir.resolve("x.yaml").toString(),
                "--conf",
                CONF.toString()))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("'nike' already defined");
    Files.writeString(csv, Files.readString(csv).replace("700000", "seven"));
    assertThat(
            Main.run(
                "brands",
                "import",
                csv.toString(),
                "--out",
                dir.resolve("y.yaml").toString(),
                "--conf",
                CONF.toString()))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("owner.csv:3:")
        .contains("min_price_vnd");
  }
}
