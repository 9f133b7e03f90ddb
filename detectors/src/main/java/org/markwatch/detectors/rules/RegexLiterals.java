package org.markwatch.detectors.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Groups of literal strings such that every match of a regular expression contains at least one
 * literal of each group: {"rượu"} for {@code (^|[^\p{L}])rượu(?![\p{L}]).*}, {"1:1", "1-1"} and
 * {"auth", "chính hãng", "real"} for {@code (1:1|1-1)\s*(hàng\s*)?(auth|chính hãng|real)}. A field
 * lacking a group cannot match, so the regex is not run on it: {@link String#contains} is many
 * times cheaper than an unanchored search that tries every position of a long description. The
 * reading is conservative: any construct it does not know (flags, {@code \Q}, an unknown escape)
 * gives no groups, and the regex is always run.
 */
final class RegexLiterals {
  private RegexLiterals() {}

  /** The groups, most selective first, or null when no literal is certain to be in every match. */
  static String[][] required(Pattern p) {
    if (p.flags() != 0) {
      return null; // case-insensitive or comments mode: a literal would not be compared as written
    }
    try {
      Reader r = new Reader(p.pattern());
      List<Set<String>> groups = r.alternation();
      if (r.i != r.s.length()) {
        return null;
      }
      List<Set<String>> useful = new ArrayList<>();
      for (Set<String> g : groups) {
        if (!g.isEmpty() && !g.contains("") && !useful.contains(g)) {
          useful.add(g);
        }
      }
      if (useful.isEmpty()) {
        return null;
      }
      useful.sort(Reader.SELECTIVE);
      return useful.stream().map(g -> g.toArray(String[]::new)).toArray(String[][]::new);
    } catch (Unknown e) {
      return null;
    }
  }

  /** False when {@code text} lacks every literal of some group (null: nothing known, so maybe). */
  static boolean mayMatch(String text, String[][] groups) {
    if (groups == null) {
      return true;
    }
    for (String[] group : groups) {
      boolean any = false;
      for (String l : group) {
        if (text.contains(l)) {
          any = true;
          break;
        }
      }
      if (!any) {
        return false;
      }
    }
    return true;
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

    /** The most selective first: the longest shortest literal, then the fewest literals. */
    static final java.util.Comparator<Set<String>> SELECTIVE =
        java.util.Comparator.comparingInt((Set<String> g) -> -shortest(g))
            .thenComparingInt(Set::size);

    /**
     * Alternatives up to ')' or the end. One alternative: its groups. Several: one group, the union
     * of each alternative's most selective group, when every alternative has one.
     */
    List<Set<String>> alternation() {
      List<Set<String>> first = sequence();
      if (i >= s.length() || s.charAt(i) != '|') {
        return first;
      }
      Set<String> union = first.isEmpty() ? null : new LinkedHashSet<>(best(first));
      while (i < s.length() && s.charAt(i) == '|') {
        i++;
        List<Set<String>> next = sequence();
        if (union != null && !next.isEmpty()) {
          union.addAll(best(next));
        } else {
          union = null; // keep reading to stay in step, but this alternation promises nothing
        }
      }
      return union == null ? List.of() : List.of(union);
    }

    private static Set<String> best(List<Set<String>> groups) {
      return groups.stream().min(SELECTIVE).orElseThrow();
    }

    /**
     * Items up to '|', ')' or the end: the groups its required items give, each of them required.
     */
    List<Set<String>> sequence() {
      List<Set<String>> out = new ArrayList<>();
      StringBuilder run = new StringBuilder();
      while (i < s.length() && s.charAt(i) != '|' && s.charAt(i) != ')') {
        Atom a = atom();
        int min = quantifier();
        if (a.literal != null && min == 1) {
          run.append(a.literal);
          continue;
        }
        flush(run, out);
        if (min == 0 || a.zeroWidth) {
          continue;
        }
        if (a.literal != null) {
          out.add(Set.of(a.literal));
        } else if (a.groups != null) {
          out.addAll(a.groups);
        }
      }
      flush(run, out);
      return out;
    }

    private static void flush(StringBuilder run, List<Set<String>> out) {
      if (!run.isEmpty()) {
        out.add(Set.of(run.toString()));
        run.setLength(0);
      }
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
        } else if (s.startsWith("?<", i)
            && i + 2 < s.length()
            && Character.isLetter(s.charAt(i + 2))) {
          int close = s.indexOf('>', i);
          if (close < 0) {
            throw new Unknown();
          }
          i = close + 1; // a named group
        } else {
          throw new Unknown(); // inline flags and the like
        }
      }
      List<Set<String>> inner = alternation();
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
        case 's',
            'S',
            'd',
            'D',
            'w',
            'W',
            'h',
            'H',
            'v',
            'V',
            'R',
            'X',
            't',
            'n',
            'r',
            'f',
            'a',
            'e' -> {
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
          i +=
              switch (e) {
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

    /**
     * Reads a quantifier after an atom: 0 when the atom may be absent, 1 when it is there once, 2
     * when repeated.
     */
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

  /** A literal character (or surrogate pair), a group's literal groups, or neither. */
  private record Atom(String literal, List<Set<String>> groups, boolean zeroWidth) {
    static final Atom OTHER = new Atom(null, null, false);
    static final Atom ZERO_WIDTH = new Atom(null, null, true);
  }
}
