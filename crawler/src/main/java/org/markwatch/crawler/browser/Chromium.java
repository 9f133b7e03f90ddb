package org.markwatch.crawler.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the Debian Chromium lives and how it is launched. */
public final class Chromium {
  /** Debian's package installs it here. */
  public static final Path DEFAULT_PATH = Path.of("/usr/bin/chromium");

  /** Printed when browser sources are skipped for lack of Chromium. */
  public static final String MISSING_MESSAGE =
      "Chromium not found: install it with apt-get install -y chromium";

  /**
   * Launch flags: no sandbox (containers), no GPU, and no background traffic to Google services.
   */
  public static final List<String> ARGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          // WebRTC could otherwise open UDP to any address, around the guarding proxy.
          "--force-webrtc-ip-handling-policy=disable_non_proxied_udp");

  private Chromium() {}

  /** Whether an executable exists at {@code path}. */
  public static boolean available(Path path) {
    return Files.isRegularFile(path) && Files.isExecutable(path);
  }
}
