package org.markwatch.crawler.filter;

import java.net.URI;
import java.util.Set;
import org.markwatch.crawler.source.Source;

/**
 * Keeps URLs whose {@code host[:port]} is in the source's allow-list (exact match, no subdomains).
 */
public final class HostAllowListFilter implements UrlFilter {
  private final Set<String> hosts;

  public HostAllowListFilter(Set<String> hosts) {
    this.hosts = Set.copyOf(hosts);
  }

  @Override
  public String filter(String url) {
    try {
      return hosts.contains(Source.hostKey(new URI(url))) ? url : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }
}
