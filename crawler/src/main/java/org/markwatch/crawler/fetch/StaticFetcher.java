package org.markwatch.crawler.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.markwatch.crawler.net.AddressGuard;
import org.markwatch.crawler.net.BlockedAddressException;
import org.markwatch.crawler.net.GuardedDns;
import org.markwatch.crawler.source.FetchMode;

/**
 * Plain HTTP fetcher on OkHttp. Redirects are followed by hand (never by OkHttp) so that each hop
 * is checked by the {@link AddressGuard}; gzip is negotiated and decoded by OkHttp, and the byte
 * cap applies to the decoded bytes while they stream in, so a gzip bomb stops at the cap.
 * Thread-safe.
 */
public final class StaticFetcher implements Fetcher {
  private final OkHttpClient client;
  private final AddressGuard guard;
  private final FetchLimits limits;
  private final String userAgent;

  public StaticFetcher(AddressGuard guard, FetchLimits limits, String userAgent) {
    this(guard, limits, userAgent, 5);
  }

  /**
   * @param idleConnections kept-alive connections pooled; a crawl with many requests in flight to
   *     one host keeps one per request so none is closed and reopened between pages
   */
  public StaticFetcher(
      AddressGuard guard, FetchLimits limits, String userAgent, int idleConnections) {
    this.guard = guard;
    this.limits = limits;
    this.userAgent = userAgent;
    this.client =
        new OkHttpClient.Builder()
            .connectTimeout(limits.connectTimeout())
            .readTimeout(limits.readTimeout())
            .callTimeout(limits.callTimeout())
            .followRedirects(false)
            .followSslRedirects(false)
            .retryOnConnectionFailure(true) // only re-sends on a stale pooled connection
            .proxy(
                Proxy
                    .NO_PROXY) // a system proxy would resolve names where the guard cannot see them
            .dns(new GuardedDns(guard))
            .connectionPool(new okhttp3.ConnectionPool(idleConnections, 5, TimeUnit.MINUTES))
            .build();
  }

  @Override
  public FetchResult fetch(FetchRequest request) {
    long start = System.nanoTime();
    String url = request.url();
    for (int hop = 0; ; hop++) {
      HttpUrl parsed = HttpUrl.parse(url);
      if (parsed == null) {
        return FetchResult.failed(
            request.url(),
            FetchMode.STATIC,
            FetchOutcome.ERROR,
            "not an http(s) URL: " + url,
            ms(start));
      }
      try {
        checkLiteral(parsed.host(), parsed.port());
        // Every hop, by name too: the guard may also restrict ports (GuardedDns sees no port);
        // GuardedDns checks again at connection time, against DNS rebinding.
        guard.resolve(parsed.host(), parsed.port());
      } catch (BlockedAddressException e) {
        return FetchResult.failed(
            request.url(), FetchMode.STATIC, FetchOutcome.BLOCKED, e.getMessage(), ms(start));
      } catch (UnknownHostException e) {
        return FetchResult.failed(
            request.url(),
            FetchMode.STATIC,
            FetchOutcome.UNREACHABLE,
            "unknown host " + parsed.host(),
            ms(start));
      }
      Request httpRequest =
          new Request.Builder().url(parsed).header("User-Agent", userAgent).get().build();
      try (Response response = client.newCall(httpRequest).execute()) {
        Map<String, List<String>> headers = headers(response);
        int code = response.code();
        if (code >= 300 && code < 400 && response.header("Location") != null) {
          HttpUrl target = parsed.resolve(response.header("Location"));
          String to = target == null ? null : target.toString();
          if (to != null && hop < request.maxRedirects()) {
            url = to;
            continue;
          }
          return new FetchResult(
              request.url(),
              url,
              FetchMode.STATIC,
              to == null ? FetchOutcome.ERROR : FetchOutcome.REDIRECT,
              code,
              headers,
              null,
              false,
              null,
              null,
              to,
              to == null ? "bad Location header: " + response.header("Location") : null,
              ms(start));
        }
        BoundedBody body = read(response.body(), limits.maxBytes());
        FetchOutcome outcome =
            code >= 200 && code < 300 ? FetchOutcome.OK : FetchOutcome.HTTP_ERROR;
        return new FetchResult(
            request.url(),
            url,
            FetchMode.STATIC,
            outcome,
            code,
            headers,
            body.bytes(),
            body.truncated(),
            null,
            null,
            null,
            outcome == FetchOutcome.OK ? null : "HTTP " + code,
            ms(start));
      } catch (IOException e) {
        return FetchResult.failed(
            request.url(), FetchMode.STATIC, classify(e), describe(e), ms(start));
      }
    }
  }

  // OkHttp skips DNS for IP literals, so the guard must see them here.
  private void checkLiteral(String host, int port) throws BlockedAddressException {
    if (host.matches("[0-9.]+") || host.contains(":")) {
      try {
        guard.check(host, List.of(InetAddress.getByName(host)), port);
      } catch (BlockedAddressException e) {
        throw e;
      } catch (UnknownHostException e) {
        throw new BlockedAddressException("not a valid address: " + host);
      }
    }
  }

  private record BoundedBody(byte[] bytes, boolean truncated) {}

  private static BoundedBody read(ResponseBody body, long maxBytes) throws IOException {
    BufferedSource source = body.source();
    Buffer buffer = new Buffer();
    // Stop reading as soon as one byte beyond the cap arrived: the rest is never downloaded.
    while (buffer.size() <= maxBytes) {
      if (source.read(buffer, 8192) == -1) {
        return new BoundedBody(buffer.readByteArray(), false);
      }
    }
    return new BoundedBody(buffer.readByteArray(maxBytes), true);
  }

  private static Map<String, List<String>> headers(Response response) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    response
        .headers()
        .toMultimap()
        .forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    return out;
  }

  private static FetchOutcome classify(IOException e) {
    if (e instanceof BlockedAddressException) return FetchOutcome.BLOCKED;
    if (e instanceof SocketTimeoutException) return FetchOutcome.TIMEOUT;
    if (e instanceof InterruptedIOException && String.valueOf(e.getMessage()).contains("timeout")) {
      return FetchOutcome.TIMEOUT;
    }
    if (e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException) {
      return FetchOutcome.UNREACHABLE;
    }
    return FetchOutcome.ERROR;
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static long ms(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
