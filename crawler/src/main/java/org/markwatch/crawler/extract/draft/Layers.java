package org.markwatch.crawler.extract.draft;

/**
 * Names of the extraction layers, as written in the {@code extractedBy.<field>} attributes of a
 * listing. In order of trust: structured data first, free text last.
 */
public final class Layers {
  /** schema.org JSON-LD. */
  public static final String JSONLD = "jsonld";

  /** schema.org microdata (and RDFa-lite property/typeof attributes). */
  public static final String MICRODATA = "microdata";

  /** OpenGraph, product and twitter meta tags, the title element, link rel=canonical. */
  public static final String META = "meta";

  /**
   * JSON state embedded by the page's application (__NEXT_DATA__, window.__INITIAL_STATE__, ...).
   */
  public static final String APPSTATE = "appstate";

  /** A site profile's CSS selectors. */
  public static final String PROFILE = "profile";

  /** The generic fallback: page heuristics (main price near the title and buy button, h1, ...). */
  public static final String FALLBACK = "fallback";

  /** Patterns over the visible text (prices and contacts in a post, business information). */
  public static final String TEXT = "text";

  /** The page URL (a profile's id pattern). */
  public static final String URL = "url";

  /** A hash of the canonical URL, when nothing else gave an id. */
  public static final String HASH = "hash";

  private Layers() {}
}
