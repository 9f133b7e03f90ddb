package org.markwatch.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code markwatch version}: the build's version and the JVM it runs on. */
@Command(name = "version", description = "Print the markwatch version.")
final class VersionCommand implements Runnable {
  @Override
  public void run() {
    System.out.println("markwatch " + version() + " (Java " + Runtime.version() + ")");
  }

  static String version() {
    try (InputStream in =
        VersionCommand.class.getResourceAsStream("/markwatch-version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"markwatch " + version()};
    }
  }
}
