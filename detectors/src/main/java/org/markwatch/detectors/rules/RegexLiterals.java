package org.markwatch.detectors.rules;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Literal strings of which every match of a regular expression contains at least one: "rượu" for
 * {@code (^|[^\p{L}])rượu(?![\p{L}]).*}, {"auth", "authentic", ...} for a pattern that must end in
 * one of those words. A field without any of them cannot match, so the regex is not run on it:
 * {@link String#contains} is many times cheaper than an unanchored search that tries every
 * position of a long description. The reading is conservative: any construct it does not know
 * (flags, {@code \Q}, an unknown escape) gives no literals, and the regex is always run.
 */
final class RegexLiterals {
  private RegexLiterals() {}

  /** The literals, or null when none is certain to be in every match. */
  static String[] required(Pattern p) {
    if (p.flags() != 0) {
      return null; // case-insensitive or comments mode: a literal would not be compared as written
    }
    try {
      Reader r = new Reader(p.pattern());
      Set<String> out = r.alternation();
      if (r.i != r.s.length() || out == null || out.isEmpty() || out.contains("")) {
        return null;
      }
      return out.toArray(String[]::new);
    } catch (Unknown e) {
      return null;
    }
  }

  /** True when {@code text} contains one of {@code literals} (null: no literal known, so maybe). */
  static boolean mayMatch(String text, String[] literals) {
    if (literals == null) {
      return true;
    }
    for (String l : literals) {
      if (text.contains(l)) {
        return true;
      }
    }
    return false;
  }

  /** A construct this reader does not model: no literals for the whole pattern. */
  private static final class Unknown extends RuntimeException {
    Unknown() {
      super(null, null, false, false);
    }
  }

  private static final class Reader {
    final String s;
    int i;

    Reader(String s) {
      this.s = s;
    }

    /** Alternatives up to ')' or the end: each must have literals, and any of them may occur. */
    Set<String> alternation() {
      Set<String> first = sequence();
      if (i >= s.length() || s.charAt(i) != '|') {
        return first;
      }
      Set<String> union = first == null ? null : new LinkedHashSet<>(first);
      while (i < s.length() && s.charAt(i) == '|') {
        i++;
        Set<String> next = sequence();
        if (union != null && next != null) {
          union.addAll(next);
        } else {
          union = null; // keep reading to stay in step, but this alternation promises nothing
        }
      }
      return union;
    }

    /** Items up to '|', ')' or the end; the best set of literals one of its required items gives. */
    Set<String> sequence() {
      Set<String> best = null;
      StringBuilder run = new StringBuilder();
      while (i < s.length() && s.charAt(i) != '|' && s.charAt(i) != ')') {
        Atom a = atom();
        int min = quantifier();
        if (a.literal != null && min == 1) {
          run.append(a.literal);
          continue;
        }
        best = better(best, run);
        run.setLength(0);
        if (min == 0 || a.zeroWidth) {
          continue;
        }
        if (a.literal != null) {
          best = better(best, Set.of(a.literal));
        } else if (a.literals != null) {
          best = better(best, a.literals);
        }
      }
      return better(best, run);
    }

    private static Set<String> better(Set<String> best, StringBuilder run) {
      return run.isEmpty() ? best : better(best, Set.of(run.toString()));
    }

    /** The set whose shortest literal is longest (fewer literals on a tie): the most selective. */
    private static Set<String> better(Set<String> a, Set<String> b) {
      if (a == null) {
        return b;
      }
      int ma = shortest(a);
      int mb = shortest(b);
      return mb > ma || (mb == ma && b.size() < a.size()) ? b : a;
    }

    private static int shortest(Set<String> set) {
      int m = Integer.MAX_VALUE;
      for (String x : set) {
        m = Math.min(m, x.length());
      }
      return m;
    }

    /** One atom: a literal character, a group (with its literals), or anything else. */
    Atom atom() {
      char c = s.charAt(i);
      switch (c) {
        case '(' -> {
          return group();
        }
        case '[' -> {
          skipClass();
          return Atom.OTHER;
        }
        case '\\' -> {
          return escape();
        }
        case '.' -> {
          i++;
          return Atom.OTHER;
        }
        case '^', '$' -> {
          i++;
          return Atom.ZERO_WIDTH;
        }
        case '*', '+', '?', '{', '}', ']' -> throw new Unknown();
        default -> {
          int n = Character.isHighSurrogate(c) && i + 1 < s.length() ? 2 : 1;
          String lit = s.substring(i, i + n);
          i += n;
          return new Atom(lit, null, false);
        }
      }
    }

    private Atom group() {
      i++; // (
      boolean lookaround = false;
      if (s.startsWith("?", i)) {
        if (s.startsWith("?:", i) || s.startsWith("?>", i)) {
          i += 2;
        } else if (s.startsWith("?=", i) || s.startsWith("?!", i)) {
          i += 2;
          lookaround = true;
        } else if (s.startsWith("?<=", i) || s.startsWith("?<!", i)) {
          i += 3;
          lookaround = true;
        } else if (s.startsWith("?<", i) && i + 2 < s.length() && Character.isLetter(s.charAt(i + 2))) {
          int close = s.indexOf('>', i);
          if (close < 0) {
            throw new Unknown();
          }
          i = close + 1; // a named group
        } else {
          throw new Unknown(); // inline flags and the like
        }
      }
      Set<String> inner = alternation();
      if (i >= s.length() || s.charAt(i) != ')') {
        throw new Unknown();
      }
      i++;
      return lookaround ? Atom.ZERO_WIDTH : new Atom(null, inner, false);
    }

    private Atom escape() {
      if (i + 1 >= s.length()) {
        throw new Unknown();
      }
      char c = s.charAt(i + 1);
      i += 2;
      if (!Character.isLetterOrDigit(c)) {
        return new Atom(String.valueOf(c), null, false); // an escaped symbol stands for itself
      }
      switch (c) {
        case 's', 'S', 'd', 'D', 'w', 'W', 'h', 'H', 'v', 'V', 'R', 'X', 't', 'n', 'r', 'f', 'a', 'e' -> {
          return Atom.OTHER;
        }
        case 'b' -> {
          skipBraces();
          return Atom.ZERO_WIDTH;
        }
        case 'B', 'A', 'z', 'Z', 'G' -> {
          return Atom.ZERO_WIDTH;
        }
        case 'p', 'P', 'N' -> {
          if (!skipBraces()) {
            i++;
          }
          return Atom.OTHER;
        }
        case 'x' -> {
          if (!skipBraces()) {
            i += 2;
          }
          return Atom.OTHER;
        }
        case 'u' -> {
          i += 4;
          return Atom.OTHER;
        }
        case 'c' -> {
          i++;
          return Atom.OTHER;
        }
        case 'k' -> {
          int close = s.indexOf('>', i);
          if (close < 0) {
            throw new Unknown();
          }
          i = close + 1;
          return Atom.OTHER;
        }
        default -> {
          if (c >= '0' && c <= '9') {
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
              i++; // an octal escape or a back reference: either way not a literal here
            }
            return Atom.OTHER;
          }
          throw new Unknown(); // \Q...\E and escapes not modelled
        }
      }
    }

    /** Skips "{...}" at the position, if there is one. */
    private boolean skipBraces() {
      if (i < s.length() && s.charAt(i) == '{') {
        int close = s.indexOf('}', i);
        if (close < 0) {
          throw new Unknown();
        }
        i = close + 1;
        return true;
      }
      return false;
    }

    private void skipClass() {
      i++; // [
      if (i < s.length() && s.charAt(i) == '^') {
        i++;
      }
      if (i < s.length() && s.charAt(i) == ']') {
        throw new Unknown();
      }
      int depth = 1;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '\\') {
          if (i + 1 >= s.length() || s.charAt(i + 1) == 'Q') {
            throw new Unknown();
          }
          char e = s.charAt(i + 1);
          i += 2;
          if ((e == 'p' || e == 'P' || e == 'x' || e == 'N') && skipBraces()) {
            continue;
          }
          i += switch (e) {
            case 'p', 'P', 'c' -> 1;
            case 'x' -> 2;
            case 'u' -> 4;
            default -> 0;
          };
          if (e == '0') {
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7') {
              i++;
            }
          }
          continue;
        }
        i++;
        if (c == '[') {
          depth++;
        } else if (c == ']' && --depth == 0) {
          return;
        }
      }
      throw new Unknown();
    }

    /** Reads a quantifier after an atom: 0 when the atom may be absent, 1 when it is there once, 2 when repeated. */
    int quantifier() {
      if (i >= s.length()) {
        return 1;
      }
      int min;
      switch (s.charAt(i)) {
        case '?', '*' -> {
          i++;
          min = 0;
        }
        case '+' -> {
          i++;
          min = 2;
        }
        case '{' -> {
          int close = s.indexOf('}', i);
          if (close < 0) {
            throw new Unknown();
          }
          String body = s.substring(i + 1, close);
          String lo = body.contains(",") ? body.substring(0, body.indexOf(',')) : body;
          if (lo.isEmpty() || !lo.chars().allMatch(Character::isDigit)) {
            throw new Unknown();
          }
          min = Integer.parseInt(lo) == 0 ? 0 : 2;
          i = close + 1;
        }
        default -> {
          return 1;
        }
      }
      if (i < s.length() && (s.charAt(i) == '?' || s.charAt(i) == '+')) {
        i++; // lazy or possessive
      }
      return min;
    }
  }

  /** A literal character (or surrogate pair), a group's literal set, or neither. */
  private record Atom(String literal, Set<String> literals, boolean zeroWidth) {
    static final Atom OTHER = new Atom(null, null, false);
    static final Atom ZERO_WIDTH = new Atom(null, null, true);
  }
}
