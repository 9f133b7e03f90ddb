package org.markwatch.app.casepack;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.markwatch.model.JsonCodec;
import org.markwatch.storage.Database;
import org.markwatch.storage.ListingStore;
import org.markwatch.storage.StoredListing;
import org.markwatch.storage.audit.AuditAction;
import org.markwatch.storage.audit.AuditLog;
import org.markwatch.storage.cases.CaseAction;
import org.markwatch.storage.cases.CaseRecord;
import org.markwatch.storage.cases.CaseStore;
import org.markwatch.storage.jurisdiction.Jurisdiction;
import org.markwatch.storage.review.Decision;
import org.markwatch.storage.review.ReviewStore;
import tools.jackson.databind.JsonNode;

/**
 * A case's evidence pack for a referral: one zip with {@code summary.pdf} (listings, sellers,
 * signals, decisions, actions; rendered by openhtmltopdf), the raw pages ({@code
 * pages/<sha256>.html}) and screenshots ({@code screenshots/<sha256>.png}) as the crawler stored
 * them, each named by the SHA-256 of its bytes, and {@code manifest.json} listing every file with
 * its SHA-256 and size. {@link #verify} checks a pack against its manifest.
 */
public final class CasePack {
  private static final DateTimeFormatter VN_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

  /** Vietnamese needs a font with its diacritics; the PDF base fonts have none. */
  private static final List<Path> FONTS =
      List.of(
          Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
          Path.of("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
          Path.of("/usr/share/fonts/TTF/DejaVuSans.ttf"));

  /** What was packed. */
  public record Result(
      Path file, int listings, int pages, int screenshots, int missingEvidence, String sha256) {}

  private CasePack() {}

  /**
   * Writes the pack of case {@code caseId} to {@code out}.
   *
   * @param evidenceDir the crawler's evidence directory ({@code DATA/evidence})
   */
  public static Result write(
      Database db, Jurisdiction who, String caseId, Path evidenceDir, Path out, Instant now) {
    CaseRecord k =
        new CaseStore(db.dataSource())
            .find(who, caseId)
            .orElseThrow(() -> new IllegalArgumentException("no case '" + caseId + "'"));
    ListingStore listings = new ListingStore(db.dataSource());
    ReviewStore reviews = new ReviewStore(db.dataSource());
    List<StoredListing> stored = new ArrayList<>();
    Map<String, List<Decision>> decisions = new LinkedHashMap<>();
    for (String id : k.listingIds()) {
      listings.find(id).ifPresent(stored::add);
      decisions.put(id, reviews.decisions(who, id));
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    int pages = 0;
    int shots = 0;
    int missing = 0;
    for (StoredListing l : stored) {
      JsonNode evidence = JsonCodec.mapper().readTree(l.listingJson()).path("evidence");
      String html = evidence.path("htmlSha256").asString(null);
      String png = evidence.path("screenshotSha256").asString(null);
      if (html != null) {
        Optional<byte[]> bytes =
            readGz(evidenceDir.resolve(html.substring(0, 2)).resolve(html + ".html.gz"));
        if (bytes.isPresent()) {
          files.put("pages/" + html + ".html", bytes.get());
          pages++;
        } else {
          missing++;
        }
      }
      if (png != null) {
        Path p = evidenceDir.resolve(png.substring(0, 2)).resolve(png + ".png");
        if (Files.isRegularFile(p)) {
          files.put("screenshots/" + png + ".png", read(p));
          shots++;
        } else {
          missing++;
        }
      }
    }
    byte[] pdf = pdf(SummaryHtml.render(k, stored, decisions, now, VN_TIME));
    Map<String, byte[]> all = new LinkedHashMap<>();
    all.put("summary.pdf", pdf);
    all.putAll(files);
    all.put("manifest.json", manifest(k, all, now));
    try {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".pack-", ".tmp");
      try (OutputStream o = Files.newOutputStream(tmp);
          ZipOutputStream zip = new ZipOutputStream(o)) {
        for (Map.Entry<String, byte[]> e : all.entrySet()) {
          ZipEntry entry = new ZipEntry(e.getKey());
          entry.setTime(now.toEpochMilli());
          zip.putNextEntry(entry);
          zip.write(e.getValue());
          zip.closeEntry();
        }
      }
      Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      String sha = sha256(Files.readAllBytes(out));
      new AuditLog()
          .appendNow(
              db.dataSource(),
              who.username(),
              AuditAction.EXPORT,
              caseId,
              "case pack "
                  + out.getFileName()
                  + " sha256="
                  + sha
                  + " pages="
                  + pages
                  + " screenshots="
                  + shots);
      return new Result(out, stored.size(), pages, shots, missing, sha);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the pack " + out + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks every file of a pack against its manifest.
   *
   * @return the problems, one per line (empty: the pack is intact)
   */
  public static List<String> verify(Path pack) {
    List<String> problems = new ArrayList<>();
    try (ZipFile zip = new ZipFile(pack.toFile())) {
      ZipEntry m = zip.getEntry("manifest.json");
      if (m == null) {
        return List.of(pack + ": no manifest.json");
      }
      JsonNode manifest;
      try (InputStream in = zip.getInputStream(m)) {
        manifest = JsonCodec.mapper().readTree(in);
      }
      List<String> listed = new ArrayList<>();
      for (JsonNode f : manifest.path("files")) {
        String name = f.path("path").asString();
        listed.add(name);
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
          problems.add(name + ": listed in the manifest, missing from the pack");
          continue;
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(e)) {
          bytes = in.readAllBytes();
        }
        String sha = sha256(bytes);
        if (!sha.equals(f.path("sha256").asString())) {
          problems.add(
              name
                  + ": SHA-256 "
                  + sha
                  + " differs from the manifest's "
                  + f.path("sha256").asString());
        }
      }
      zip.stream()
          .map(ZipEntry::getName)
          .filter(n -> !n.equals("manifest.json") && !listed.contains(n))
          .forEach(n -> problems.add(n + ": in the pack but not in the manifest"));
    } catch (IOException e) {
      problems.add(pack + ": not a readable zip: " + e.getMessage());
    }
    return problems;
  }

  private static byte[] manifest(CaseRecord k, Map<String, byte[]> files, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema", "markwatch.case-pack/1");
    m.put("caseId", k.id());
    m.put("title", k.title());
    m.put("generatedAt", now.toString());
    m.put("listingIds", k.listingIds());
    m.put("sellerIds", k.sellerIds());
    List<Map<String, Object>> list = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("path", e.getKey());
      f.put("sha256", sha256(e.getValue()));
      f.put("bytes", e.getValue().length);
      list.add(f);
    }
    m.put("files", list);
    return JsonCodec.mapper()
        .writerWithDefaultPrettyPrinter()
        .writeValueAsString(m)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] pdf(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder b = new PdfRendererBuilder();
      b.useFastMode();
      for (Path font : FONTS) {
        if (Files.isRegularFile(font)) {
          b.useFont(font.toFile(), "DejaVu Sans");
          break;
        }
      }
      b.withHtmlContent(xhtml, null);
      b.toStream(out);
      b.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the case summary PDF: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private static Optional<byte[]> readGz(Path p) {
    if (!Files.isRegularFile(p)) {
      return Optional.empty();
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
      return Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read evidence " + p + ": " + e.getMessage(), e);
    }
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read evidence " + p + ": " + e.getMessage(), e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static String actions(List<CaseAction> actions) {
    return String.valueOf(actions.size());
  }
}
