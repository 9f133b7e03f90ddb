package org.markwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortalLoginsTest {
  @Test
  void eachLoginWithoutAConfiguredPasswordGetsAOneTimePasswordPrintedAtOnce() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PortalLogins logins =
        PortalLogins.settle(Map.of(), new PrintStream(console, false, StandardCharsets.UTF_8));

    List<String> lines = console.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(2);
    String analyst = logins.passwords().get("analyst");
    String operator = logins.passwords().get("operator");
    assertThat(analyst).matches("[A-Za-z0-9_-]{16}").isNotEqualTo(operator);
    assertThat(lines.get(0))
        .isEqualTo(
            "Portal login 'analyst' uses the one-time password "
                + analyst
                + " (set MARKWATCH_ANALYST_PASSWORD to choose one)");
    assertThat(lines.get(1))
        .startsWith("Portal login 'operator' uses the one-time password " + operator);
    assertThat(logins.asProperties())
        .containsExactly(
            Map.entry("MARKWATCH_ANALYST_PASSWORD", analyst),
            Map.entry("MARKWATCH_OPERATOR_PASSWORD", operator));
  }

  @Test
  void aConfiguredPasswordIsUsedAndNeverPrinted() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PortalLogins logins =
        PortalLogins.settle(
            Map.of("MARKWATCH_OPERATOR_PASSWORD", "s3cret-from-env"),
            new PrintStream(console, false, StandardCharsets.UTF_8));

    String printed = console.toString(StandardCharsets.UTF_8);
    assertThat(logins.passwords()).containsEntry("operator", "s3cret-from-env");
    assertThat(printed)
        .doesNotContain("s3cret-from-env")
        .doesNotContain("'operator'")
        .contains("'analyst'");
  }
}
