package org.markwatch.portal.review;

import java.util.regex.Pattern;

/**
 * Where an action returns to: only a path of this portal's own pages (the queue with its filter, my
 * queue, a listing), never another site, so a crafted form cannot redirect elsewhere.
 */
final class BackLink {
  private static final Pattern LOCAL =
      Pattern.compile("/(queue|mine|listing|team)(\\?[^\\s\\\\]*)?");

  private BackLink() {}

  static String safe(String back) {
    return back != null && back.length() <= 2000 && LOCAL.matcher(back).matches() ? back : "/queue";
  }
}
