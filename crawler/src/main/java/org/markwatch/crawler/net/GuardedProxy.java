package org.markwatch.crawler.net;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A small HTTP forward proxy on 127.0.0.1 through which Chromium makes every connection, so the
 * {@link AddressGuard} sees every host Chromium contacts: redirect hops, sub-resources, and the
 * address actually connected to (Chromium never resolves names itself behind an HTTP proxy, so DNS
 * rebinding between a check and a connect is impossible). Plain HTTP requests arrive in absolute
 * form and are forwarded with {@code Connection: close}; HTTPS and WebSockets arrive as {@code
 * CONNECT host:port} and are tunnelled. A refused host gets {@code 403} with the header {@value
 * #BLOCKED_HEADER} naming the reason, and the refusal is recorded for {@link #drainRefusals}.
 *
 * <p>Bounds: request and response heads at most 64 KiB, connect timeout 10 s, idle read timeout 60
 * s per connection. One virtual thread per direction per connection.
 */
public final class GuardedProxy implements Closeable {
  /** Response header on the proxy's own refusals; its value is the guard's reason. */
  public static final String BLOCKED_HEADER = "X-Markwatch-Blocked";

  private static final int MAX_HEAD = 64 * 1024;
  private static final int CONNECT_TIMEOUT_MS = 10_000;
  private static final int IDLE_TIMEOUT_MS = 60_000;

  private final AddressGuard guard;
  private final ServerSocket server;
  private final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
  private final Thread acceptor;

  /** Starts listening on an ephemeral port of 127.0.0.1. */
  public GuardedProxy(AddressGuard guard) throws IOException {
    this.guard = guard;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = Thread.ofVirtual().name("markwatch-proxy").start(this::acceptLoop);
  }

  /** {@code http://127.0.0.1:<port>}, for Chromium's proxy setting. */
  public String address() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Refusals (guard messages) since the last call, oldest first. */
  public List<String> drainRefusals() {
    List<String> out = new ArrayList<>();
    for (String r; (r = refusals.poll()) != null; ) {
      out.add(r);
    }
    return out;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread.ofVirtual().name("markwatch-proxy-conn").start(() -> serve(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      client.setSoTimeout(IDLE_TIMEOUT_MS);
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      String head = readHead(in);
      if (head == null) {
        return;
      }
      String[] lines = head.split("\r\n");
      String[] requestLine = lines[0].split(" ");
      if (requestLine.length != 3) {
        respond(out, 400, "bad request line", null);
        return;
      }
      String method = requestLine[0];
      boolean connect = method.equalsIgnoreCase("CONNECT");
      String host;
      int port;
      String originForm = null;
      if (connect) {
        URI authority = URI.create("//" + requestLine[1]);
        host = authority.getHost();
        port = authority.getPort();
      } else {
        URI target = URI.create(requestLine[1]);
        if (!"http".equalsIgnoreCase(target.getScheme())) {
          respond(out, 400, "only absolute http URLs are proxied", null);
          return;
        }
        host = target.getHost();
        port = target.getPort() == -1 ? 80 : target.getPort();
        originForm =
            (target.getRawPath() == null || target.getRawPath().isEmpty()
                    ? "/"
                    : target.getRawPath())
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
      }
      if (host == null || port < 1) {
        respond(out, 400, "no host or port in " + requestLine[1], null);
        return;
      }
      String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      Socket upstream;
      try {
        upstream = connectGuarded(bareHost, port);
      } catch (BlockedAddressException e) {
        refusals.add(e.getMessage());
        respond(out, 403, e.getMessage(), e.getMessage());
        return;
      } catch (UnknownHostException e) {
        respond(out, 502, "unknown host " + bareHost, null);
        return;
      } catch (IOException e) {
        respond(
            out, 502, "cannot connect to " + bareHost + ":" + port + ": " + e.getMessage(), null);
        return;
      }
      try (upstream) {
        upstream.setSoTimeout(IDLE_TIMEOUT_MS);
        OutputStream up = upstream.getOutputStream();
        if (connect) {
          out.write(
              "HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
        } else {
          up.write(
              rewriteRequestHead(method, originForm, requestLine[2], lines)
                  .getBytes(StandardCharsets.ISO_8859_1));
          up.flush();
        }
        Thread.ofVirtual().start(() -> pipe(in, up, upstream));
        if (connect) {
          pipe(upstream.getInputStream(), out, client);
        } else {
          forwardResponse(upstream.getInputStream(), out);
        }
        // Closing both sockets (here and by try-with-resources) also ends toUpstream's read.
      }
    } catch (IOException | IllegalArgumentException e) {
      // the browser or the site went away, or sent garbage: nothing to answer
    }
  }

  // Every resolved address is checked (with the port), then only a checked address is connected.
  private Socket connectGuarded(String host, int port) throws IOException {
    List<InetAddress> addresses = guard.resolve(host, port);
    IOException last = null;
    for (InetAddress a : addresses) {
      Socket s = new Socket();
      try {
        s.connect(new InetSocketAddress(a, port), CONNECT_TIMEOUT_MS);
        return s;
      } catch (IOException e) {
        s.close();
        last = e;
      }
    }
    throw last;
  }

  private static String rewriteRequestHead(
      String method, String originForm, String version, String[] lines) {
    StringBuilder sb =
        new StringBuilder(method)
            .append(' ')
            .append(originForm)
            .append(' ')
            .append(version)
            .append("\r\n");
    for (int i = 1; i < lines.length; i++) {
      if (!hopByHop(lines[i])) {
        sb.append(lines[i]).append("\r\n");
      }
    }
    return sb.append("Connection: close\r\n\r\n").toString();
  }

  // The response head gets Connection: close so the browser never reuses this proxy connection.
  private static void forwardResponse(InputStream up, OutputStream out) throws IOException {
    String head = readHead(up);
    if (head == null) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    for (String line : head.split("\r\n")) {
      if (!hopByHop(line)) {
        sb.append(line).append("\r\n");
      }
    }
    out.write(
        sb.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    up.transferTo(out);
    out.flush();
  }

  private static boolean hopByHop(String headerLine) {
    String l = headerLine.toLowerCase(Locale.ROOT);
    return l.startsWith("connection:")
        || l.startsWith("proxy-connection:")
        || l.startsWith("keep-alive:")
        || l.startsWith("proxy-authorization:");
  }

  private static void pipe(InputStream from, OutputStream to, Socket closeOnEnd) {
    try {
      from.transferTo(to);
      to.flush();
    } catch (IOException e) {
      // one side closed
    } finally {
      try {
        closeOnEnd.shutdownOutput();
      } catch (IOException | UnsupportedOperationException e) {
        // already closed
      }
    }
  }

  /**
   * Reads up to the blank line; null at end of stream; an exception past {@value #MAX_HEAD} bytes.
   */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b == -1) {
        return buf.size() == 0 ? null : buf.toString(StandardCharsets.ISO_8859_1);
      }
      buf.write(b);
      if (buf.size() > MAX_HEAD) {
        throw new SocketException("head longer than " + MAX_HEAD + " bytes");
      }
      matched =
          (b == '\r' && (matched == 0 || matched == 2))
                  || (b == '\n' && (matched == 1 || matched == 3))
              ? matched + 1
              : (b == '\r' ? 1 : 0);
    }
    String s = buf.toString(StandardCharsets.ISO_8859_1);
    return s.substring(0, s.length() - 4);
  }

  private static void respond(OutputStream out, int status, String message, String blockedReason)
      throws IOException {
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + status
            + (status == 403 ? " Forbidden" : status == 400 ? " Bad Request" : " Bad Gateway")
            + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n"
            + (blockedReason == null
                ? ""
                : BLOCKED_HEADER + ": " + blockedReason.replaceAll("[\r\n]", " ") + "\r\n")
            + "\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // nothing left to do
    }
    acceptor.interrupt();
  }
}
