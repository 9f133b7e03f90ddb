package org.markwatch.storage.tips;

/**
 * One attachment of a tip as inspected: its detected type, size, hash and extracted text, or the
 * reason it was refused.
 *
 * @param outcome {@code parsed} or {@code refused}
 * @param extractedText at most 20,000 characters, null when refused
 */
public record TipAttachment(
    String fileName,
    String mediaType,
    long sizeBytes,
    String sha256,
    String outcome,
    String outcomeNote,
    String extractedText) {
  public static final int MAX_TEXT = 20_000;

  public TipAttachment {
    if (extractedText != null && extractedText.length() > MAX_TEXT) {
      extractedText = extractedText.substring(0, MAX_TEXT);
    }
    if (fileName != null && fileName.length() > 300) {
      fileName = fileName.substring(0, 300);
    }
    if (outcomeNote != null && outcomeNote.length() > 500) {
      outcomeNote = outcomeNote.substring(0, 500);
    }
  }

  public boolean refused() {
    return "refused".equals(outcome);
  }
}
