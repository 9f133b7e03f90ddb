package org.markwatch.detectors.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.markwatch.detectors.Detectors;
import org.markwatch.detectors.TestData;
import org.markwatch.model.Listing;

/** The literals a regex match must contain: exact when known, none when the reader is unsure. */
class RegexLiteralsTest {
  /** The most selective group. */
  private static List<String> literals(String regex) {
    String[][] r = RegexLiterals.required(Pattern.compile(regex));
    return r == null ? null : List.of(r[0]);
  }

  private static List<java.util.Set<String>> groups(String regex) {
    String[][] r = RegexLiterals.required(Pattern.compile(regex));
    return r == null ? null : java.util.Arrays.stream(r).map(java.util.Set::of).toList();
  }

  @Test
  void theMostSelectiveRequiredLiteralOrAlternation() {
    assertThat(literals("giảm\\s*\\d+\\s*(kg|ký)")).containsExactly("giảm");
    assertThat(literals("(?<![\\p{L}\\d])rep\\s*$")).containsExactly("rep");
    assertThat(literals("(chuẩn|y)\\s*\\d{2}(\\.\\d)?\\s*%\\s*(hàng\\s*)?(auth|chính hãng)"))
        .containsExactlyInAnyOrder("auth", "chính hãng");
    assertThat(literals("(?<!\\d)(\\+?84|0)[\\s.-]?\\d{2,3}")).containsExactlyInAnyOrder("84", "0");
    assertThat(literals("\\d{3,6}/\\d{2}/cbmp")).containsExactly("/cbmp");
    assertThat(literals("(?:foo|bar)x+")).containsExactlyInAnyOrder("foo", "bar");
    assertThat(literals("lbs?")).containsExactly("lb");
    assertThat(literals("(ab)?cd")).containsExactly("cd");
    assertThat(literals("(?<name>hello)")).containsExactly("hello");
  }

  @Test
  void everyRequiredGroupMostSelectiveFirst() {
    List<java.util.Set<String>> g =
        groups("(1:1|1-1)\\s*(so với|với)\\s*(hàng\\s*)?(auth|chính hãng|real)");
    assertThat(g.get(0)).containsExactlyInAnyOrder("auth", "chính hãng", "real");
    assertThat(g)
        .containsExactlyInAnyOrder(
            java.util.Set.of("auth", "chính hãng", "real"),
            java.util.Set.of("so với", "với"),
            java.util.Set.of("1:1", "1-1"));
    assertThat(groups("(?:abc(de|fg)h?)+"))
        .containsExactly(java.util.Set.of("abc"), java.util.Set.of("de", "fg"));
    assertThat(
            RegexLiterals.mayMatch(
                "hàng 1:1 chính hãng",
                RegexLiterals.required(
                    Pattern.compile("(1:1|1-1)\\s*(so với|với)\\s*(auth|chính hãng)"))))
        .isFalse();
  }

  @Test
  void noLiteralsWhenAnAlternativeOrTheFlagsPromiseNothing() {
    assertThat(literals("(a|)xyz")).containsExactly("xyz");
    assertThat(literals("(a|\\d)")).isNull();
    assertThat(literals("\\d+\\s*")).isNull();
    assertThat(literals("(?i)abc")).isNull();
    assertThat(literals("a\\Qb\\E")).isNull();
    assertThat(RegexLiterals.required(Pattern.compile("abc", Pattern.CASE_INSENSITIVE))).isNull();
  }

  /**
   * Every match of every shipped pattern on the dev listings and on the rules' examples contains a
   * literal.
   */
  @Test
  void neverSkipsAFieldThatMatches() {
    List<Pattern> patterns = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    {
      Detectors d = TestData.defaultDetectors(); // shared, never closed
      for (Rule r : d.rules()) {
        collect(r.when(), patterns);
        r.unless().forEach(c -> collect(c, patterns));
        if (r.examples() != null) {
          r.examples().fire().forEach(e -> texts.add(e.title() + "\n" + e.text()));
        }
      }
    }
    for (Listing l : TestData.devListings()) {
      texts.add(l.title() + "\n" + l.text());
    }
    assertThat(patterns).hasSizeGreaterThan(5);
    int matched = 0;
    for (Pattern p : patterns) {
      String[][] lits = RegexLiterals.required(p);
      for (String t : texts) {
        String lower = t.toLowerCase(Locale.ROOT);
        if (p.matcher(lower).find()) {
          matched++;
          assertThat(RegexLiterals.mayMatch(lower, lits)).as(p + " on " + t).isTrue();
        }
      }
    }
    assertThat(matched).isGreaterThan(10);
  }

  private static void collect(Condition c, List<Pattern> out) {
    switch (c) {
      case Conditions.All a -> a.parts().forEach(x -> collect(x, out));
      case Conditions.Any a -> a.parts().forEach(x -> collect(x, out));
      case Conditions.Patterns p -> out.addAll(p.patterns());
      default -> {}
    }
  }
}
