package org.markwatch.crawler.extract.html;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a page into NFC text. The charset comes from, in order: a byte-order mark, the
 * HTTP Content-Type header, a meta tag in the first 4 KiB; a page whose bytes are valid UTF-8 is read
 * as UTF-8 whatever its label says (mislabelled pages are common, a false positive is vanishingly
 * rare), else windows-1258 for Vietnamese pages labelled so, else windows-1252.
 */
public final class HtmlDecoder {
  private static final Pattern META_CHARSET = Pattern.compile(
      "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)",
      Pattern.CASE_INSENSITIVE);

  private HtmlDecoder() {}

  /** The decoded text and the charset it was read with. */
  public record Decoded(String text, String charset) {}

  /** Decodes {@code body}; {@code headers} (nullable) are the HTTP response headers. */
  public static Decoded decode(byte[] body, Map<String, List<String>> headers) {
    int offset = 0;
    Charset charset = null;
    if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
      charset = StandardCharsets.UTF_8;
      offset = 3;
    } else if (startsWith(body, 0xFE, 0xFF)) {
      charset = StandardCharsets.UTF_16BE;
      offset = 2;
    } else if (startsWith(body, 0xFF, 0xFE)) {
      charset = StandardCharsets.UTF_16LE;
      offset = 2;
    }
    if (charset == null) {
      Charset declared = declared(headerCharset(headers));
      if (declared == null) {
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        declared = m.find() ? declared(m.group(1)) : null;
      }
      if (isValidUtf8(body)) {
        charset = StandardCharsets.UTF_8;
      } else if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
        charset = declared;
      } else {
        charset = Charset.forName("windows-1252");
      }
    }
    String text = new String(body, offset, body.length - offset, charset);
    return new Decoded(nfc(text), charset.name());
  }

  /** NFC form: Vietnamese text arrives composed and decomposed; matching needs one form. */
  public static String nfc(String s) {
    return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  private static String headerCharset(Map<String, List<String>> headers) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase("content-type") && e.getValue() != null) {
        for (String v : e.getValue()) {
          Matcher m = HEADER_CHARSET.matcher(v == null ? "" : v);
          if (m.find()) {
            return m.group(1);
          }
        }
      }
    }
    return null;
  }

  private static Charset declared(String name) {
    if (name == null) {
      return null;
    }
    String n = name.toLowerCase(Locale.ROOT);
    // HTML's encoding standard: these labels mean windows-1252.
    if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) {
      n = "windows-1252";
    }
    try {
      return Charset.forName(n);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isValidUtf8(byte[] body) {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      ByteBuffer in = ByteBuffer.wrap(body);
      CharBuffer out = CharBuffer.allocate(8192);
      while (true) {
        var r = d.decode(in, out, true);
        if (r.isError()) {
          // A multi-byte sequence cut by a size limit at the very end is still UTF-8.
          return r.isMalformed() && in.remaining() <= 3 && in.position() >= body.length - 3;
        }
        out.clear();
        if (r.isUnderflow()) {
          return true;
        }
      }
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

}
