package dev.verve.http;

import io.vertx.core.http.HttpServerOptions;

import java.util.concurrent.TimeUnit;

/**
 * The HTTP server's settings from {@link HttpOptions}: address, compression and the limits (idle timeout,
 * header and request-line sizes, form fields up to {@code api.bodyLimit}, WebSocket frame and message sizes, cleartext HTTP/2). Vert.x answers an
 * oversized request line with 414 and an oversized header block with 431, and closes the connection.
 */
public final class HttpLimits {

  private HttpLimits() {
  }

  /** {@code bodyLimit}: {@code api.bodyLimit}, which bounds a form post as a whole, not Netty's 1-8 KB per field. */
  public static HttpServerOptions serverOptions(HttpOptions options, long bodyLimit) {
    int formLimit = (int) Math.min(Integer.MAX_VALUE, bodyLimit);
    return new HttpServerOptions()
      .setMaxFormAttributeSize(formLimit)
      .setMaxFormBufferedBytes(formLimit)
      .setHost(options.getHost())
      .setPort(options.getPort())
      .setCompressionSupported(options.isCompression())
      .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, options.getIdleTimeoutMs()))
      .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
      .setMaxHeaderSize(options.getMaxHeaderSize())
      .setMaxInitialLineLength(options.getMaxRequestLineLength())
      .setMaxWebSocketFrameSize(options.getMaxWebSocketFrameSize())
      .setMaxWebSocketMessageSize(options.getMaxWebSocketMessageSize())
      // Vert.x accepts h2c by default: a second protocol stack (and its attack surface) nobody asked for.
      .setHttp2ClearTextEnabled(options.isH2c());
  }
}
