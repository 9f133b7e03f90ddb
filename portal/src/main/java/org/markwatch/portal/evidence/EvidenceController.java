package org.markwatch.portal.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Serves stored evidence by its SHA-256. Captured HTML is hostile, so it is only ever sent as a
 * plain-text attachment with nosniff and a sandboxing CSP, never rendered; screenshots are PNG.
 */
@RestController
class EvidenceController {
  private final Path root;

  EvidenceController(@Value("${markwatch.evidence-dir}") Path root) {
    this.root = root;
  }

  @GetMapping("/evidence/{sha256}.html")
  ResponseEntity<byte[]> html(@PathVariable String sha256) throws IOException {
    Path file = find(sha256, ".html.gz");
    byte[] body;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      body = in.readAllBytes();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_PLAIN)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + sha256 + ".html.txt\"")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .body(body);
  }

  @GetMapping("/evidence/{sha256}.png")
  ResponseEntity<byte[]> screenshot(@PathVariable String sha256) throws IOException {
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        .header("X-Content-Type-Options", "nosniff")
        .body(Files.readAllBytes(find(sha256, ".png")));
  }

  private Path find(String sha256, String suffix) {
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "not a SHA-256: " + sha256);
    }
    Path file = root.resolve(sha256.substring(0, 2)).resolve(sha256 + suffix);
    if (!Files.isRegularFile(file)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no evidence " + sha256 + suffix);
    }
    return file;
  }
}
