package org.markwatch.storage.tips;

import java.util.List;

/**
 * A tip or complaint as sent, before it is stored.
 *
 * @param kind {@code tip} or {@code complaint}
 * @param url the shop or listing it concerns (http or https), or null
 * @param source {@code public}, or {@code api:<client id>} for a tip an agency pushed
 * @param attachments what was learnt from each attached file (bytes are not kept)
 */
public record NewTip(
    String kind,
    String url,
    String shopName,
    String phone,
    String description,
    String contact,
    String source,
    List<TipAttachment> attachments) {
  public NewTip {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }
}
