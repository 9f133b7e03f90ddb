package org.markwatch.crawler.extract.html;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
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
 * HTTP Content-Type header, a meta tag in the first 4 KiB; a page whose bytes are valid UTF-8 is
 * read as UTF-8 whatever its label says (mislabelled pages are common, a false positive is
 * vanishingly rare), else the declared charset; an unlabelled page that is not UTF-8 is guessed by
 * ICU4J's {@link CharsetDetector}. ICU has no recognizer for windows-1258 (Vietnamese written with
 * combining tone marks), which it reads as a Latin-1 family charset, so such a guess is re-checked:
 * when the bytes read as windows-1258 give mostly Vietnamese syllables, windows-1258 is taken.
 */
public final class HtmlDecoder {
  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern HEADER_CHARSET =
      Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);

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
      // Decoding first and looking for U+FFFD is one fast pass for the usual case (the JDK's UTF-8
      // decoder is intrinsic); only a page that holds U+FFFD is checked byte by byte.
      String utf8 = new String(body, StandardCharsets.UTF_8);
      if (utf8.indexOf('\uFFFD') < 0 || isValidUtf8(body)) {
        return new Decoded(nfc(utf8), StandardCharsets.UTF_8.name());
      } else if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
        charset = declared;
      } else {
        charset = guess(body, offset);
      }
    }
    String text = new String(body, offset, body.length - offset, charset);
    return new Decoded(nfc(text), charset.name());
  }

  /** NFC form: Vietnamese text arrives composed and decomposed; matching needs one form. */
  public static String nfc(String s) {
    return Normalizer.isNormalized(s, Normalizer.Form.NFC)
        ? s
        : Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

  /**
   * ICU's best guess the JDK can decode; UTF-8 is skipped (the bytes were just found not to be).
   */
  static Charset guess(byte[] body, int offset) {
    CharsetDetector detector = new CharsetDetector();
    detector.enableInputFilter(
        true); // ignore markup: tag names and attributes are ASCII in every charset
    // ICU reads at most its first 8000 bytes, so the guess is bounded whatever the page size.
    detector.setText(offset == 0 ? body : java.util.Arrays.copyOfRange(body, offset, body.length));
    CharsetMatch[] matches = detector.detectAll();
    for (CharsetMatch m : matches == null ? new CharsetMatch[0] : matches) {
      if (m.getName().toUpperCase(Locale.ROOT).startsWith("UTF-")) {
        continue;
      }
      Charset c = declared(m.getName()); // also maps ISO-8859-1 to windows-1252, as browsers do
      if (c != null && c.canEncode()) {
        return latinFamily(c) && readsAsVietnamese(body, offset) ? WINDOWS_1258 : c;
      }
      // A name the JDK lacks (IBM420_rtl, IBM424_ltr, ...) or a decode-only one: try the next
      // guess.
    }
    return readsAsVietnamese(body, offset) ? WINDOWS_1258 : WINDOWS_1252;
  }

  private static boolean latinFamily(Charset c) {
    String n = c.name().toLowerCase(Locale.ROOT);
    return n.startsWith("windows-125") || n.startsWith("iso-8859-");
  }

  /**
   * True when the bytes, read as windows-1258 and composed, give words with letters of
   * U+1EA0..U+1EF9 in at least a fifth of the lettered words outside tags, and leave almost no
   * combining mark uncomposed. windows-1258 has none of those letters precomposed: they come only
   * from a vowel followed by a tone-mark byte, which Vietnamese has in nearly every other syllable.
   * ă and ơ are not counted, as they are Portuguese ã and õ in windows-1252; an Italian page yields
   * an odd ụ (può).
   */
  static boolean readsAsVietnamese(byte[] body, int offset) {
    int len = Math.min(body.length - offset, 64 * 1024);
    String text =
        Normalizer.normalize(new String(body, offset, len, WINDOWS_1258), Normalizer.Form.NFC);
    int words = 0;
    int vietnameseWords = 0;
    int strayMarks = 0;
    boolean inWord = false;
    boolean wordHasVietnamese = false;
    boolean inTag = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (inTag || ch == '<') {
        inTag = ch != '>';
        inWord = false;
        continue;
      }
      if (Character.getType(ch) == Character.NON_SPACING_MARK) {
        strayMarks++;
        continue;
      }
      if (Character.isLetter(ch)) {
        if (!inWord) {
          inWord = true;
          wordHasVietnamese = false;
          words++;
        }
        if (!wordHasVietnamese && isVietnameseLetter(ch)) {
          wordHasVietnamese = true;
          vietnameseWords++;
        }
      } else {
        inWord = false;
      }
    }
    return vietnameseWords >= 2
        && vietnameseWords * 5 >= words
        && strayMarks * 10 <= vietnameseWords;
  }

  private static boolean isVietnameseLetter(char ch) {
    return ch >= '\u1EA0' && ch <= '\u1EF9';
  }

  private static String headerCharset(Map<String, List<String>> headers) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null
          && e.getKey().equalsIgnoreCase("content-type")
          && e.getValue() != null) {
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
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
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
