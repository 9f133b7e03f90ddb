package org.markwatch.portal.publicsite;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.markwatch.storage.tips.TipAttachment;

/**
 * Reads what a tip's attachment says with Apache Tika, bounded: the bytes are capped before Tika
 * sees them (the upload limit), the parse runs at most {@link #TIME_LIMIT_MS} on its own thread,
 * the text it may produce is capped, and Tika's secure handler refuses a suspected zip bomb (output
 * far larger than the input) and archives nested too deep. The file is never served back to anyone:
 * an SVG with a script is only text here.
 */
final class AttachmentInspector implements AutoCloseable {
  static final long TIME_LIMIT_MS = 5_000;
  static final int MAX_CHARS = 200_000;

  private final AutoDetectParser parser;
  private final ExecutorService pool =
      Executors.newFixedThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "tip-attachment");
            t.setDaemon(true);
            return t;
          });

  AttachmentInspector() {
    parser = new AutoDetectParser(TikaConfig.getDefaultConfig());
    // output above 100,000 characters at more than 100 characters per input byte is a bomb;
    // archives inside archives at most 3 deep
    AutoDetectParserConfig limits = new AutoDetectParserConfig();
    limits.setOutputThreshold(100_000L);
    limits.setMaximumCompressionRatio(100L);
    limits.setMaximumDepth(100);
    limits.setMaximumPackageEntryDepth(3);
    parser.setAutoDetectParserConfig(limits);
  }

  TipAttachment inspect(String fileName, byte[] bytes) {
    String sha = sha256(bytes);
    String name = fileName == null ? null : fileName.replaceAll("[\\p{Cntrl}]", "");
    Metadata metadata = new Metadata();
    if (name != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    }
    Future<String> parse =
        pool.submit(
            () -> {
              BodyContentHandler handler = new BodyContentHandler(MAX_CHARS);
              try (TikaInputStream in = TikaInputStream.get(new ByteArrayInputStream(bytes))) {
                parser.parse(in, handler, metadata, new ParseContext());
              } catch (WriteLimitReachedException e) {
                // enough text: keep what was read
              }
              return handler.toString();
            });
    try {
      String text = parse.get(TIME_LIMIT_MS, TimeUnit.MILLISECONDS);
      return new TipAttachment(
          name, type(metadata), bytes.length, sha, "parsed", null, text.strip());
    } catch (TimeoutException e) {
      parse.cancel(true);
      return refused(
          name, metadata, bytes, sha, "took longer than " + TIME_LIMIT_MS + " ms to read");
    } catch (ExecutionException e) {
      String why = "unreadable: " + e.getCause().getClass().getSimpleName();
      for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
        String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (t.getClass().getSimpleName().contains("ZipBomb") || m.contains("zip bomb")) {
          why = "suspected zip bomb";
          break;
        }
      }
      if (why.startsWith("unreadable")) {
        org.slf4j.LoggerFactory.getLogger(AttachmentInspector.class)
            .info("attachment {} unreadable: {}", name, e.getCause().toString());
      }
      return refused(name, metadata, bytes, sha, why);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      parse.cancel(true);
      return refused(name, metadata, bytes, sha, "interrupted");
    }
  }

  private static TipAttachment refused(
      String name, Metadata metadata, byte[] bytes, String sha, String why) {
    return new TipAttachment(name, type(metadata), bytes.length, sha, "refused", why, null);
  }

  private static String type(Metadata metadata) {
    String t = metadata.get(Metadata.CONTENT_TYPE);
    return t == null ? "application/octet-stream" : t;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
