package dev.verve.examples.soak;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load of {@code examples/bench/soak.sh}: a bounded, mixed load on a web node for a number of seconds.
 * At a fixed rate (never more than {@code maxOutstanding} requests open): pages, anonymous functions, a
 * one-second function, high fives (published to the bridge's subscribers), and todos added then removed
 * by a signed-in user (so the table stays small); beside it, WebSocket subscribers of the bridge and slow
 * clients that send a request's headers one byte a second. Every failure is written with its time to
 * {@code errors.log}, so the script can tell failures at a node's kill from the others.
 *
 * <pre>java -cp verve-examples-fat.jar dev.verve.examples.soak.SoakLoad http://127.0.0.1:18180 600 out/ [rate] [subscribers] [slow] [user:password]</pre>
 */
public final class SoakLoad {

  private final Vertx vertx = Vertx.vertx();
  private final String host;
  private final int port;
  private final WebClient http;
  private final int rate;
  private final int maxOutstanding;
  private final AtomicInteger outstanding = new AtomicInteger();
  private final Map<String, AtomicLong> counts = new TreeMap<>();
  private final AtomicLong busMessages = new AtomicLong();
  private final AtomicLong slowClosed = new AtomicLong();
  private final PrintWriter errors;
  private String token;
  private volatile boolean running = true;

  private SoakLoad(String base, int rate, Path out) throws Exception {
    java.net.URI uri = java.net.URI.create(base);
    this.host = uri.getHost();
    this.port = uri.getPort();
    this.rate = rate;
    this.maxOutstanding = Math.max(50, rate * 2);
    this.http = WebClient.create(vertx, new WebClientOptions().setDefaultHost(host).setDefaultPort(port)
      // A fixed pool that the warm-up fills (the calls lost at its restart hold connections for seconds), so
      // the web node's open files measure the server, not how many connections the load happened to open.
      .setKeepAlive(true).setConnectTimeout(5000).setIdleTimeout(0)
      .setFollowRedirects(false), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(32));
    this.errors = new PrintWriter(Files.newBufferedWriter(out.resolve("errors.log"), StandardCharsets.UTF_8), true);
  }

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int seconds = Integer.parseInt(args[1]);
    Path out = Path.of(args[2]);
    int rate = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    int subscribers = args.length > 4 ? Integer.parseInt(args[4]) : 20;
    int slow = args.length > 5 ? Integer.parseInt(args[5]) : 20;
    String user = args.length > 6 ? args[6] : null;
    SoakLoad load = new SoakLoad(base, rate, out);
    load.run(seconds, subscribers, slow, user);
  }

  private void run(int seconds, int subscribers, int slow, String user) throws Exception {
    if (user != null) token = signIn(user);
    for (int i = 0; i < subscribers; i++) subscribe();
    for (int i = 0; i < slow; i++) slowClient();
    // One tick every 10 ms: rate/100 requests per tick, the remainder spread by chance.
    long timer = vertx.setPeriodic(10, t -> {
      double perTick = rate / 100.0;
      int n = (int) perTick + (ThreadLocalRandom.current().nextDouble() < perTick - (int) perTick ? 1 : 0);
      for (int i = 0; i < n; i++) {
        if (outstanding.get() >= maxOutstanding) {
          count("skipped");
          continue;
        }
        one();
      }
    });
    long report = vertx.setPeriodic(30_000, t -> System.out.println("soak-load " + summary()));
    Thread.sleep(seconds * 1000L);
    running = false;
    vertx.cancelTimer(timer);
    vertx.cancelTimer(report);
    long deadline = System.currentTimeMillis() + 35_000;
    while (outstanding.get() > 0 && System.currentTimeMillis() < deadline) Thread.sleep(50);
    System.out.println("SOAK-LOAD " + summary());
    errors.close();
    vertx.close().await();
  }

  private String summary() {
    StringBuilder s = new StringBuilder();
    synchronized (counts) {
      counts.forEach((k, v) -> s.append(k).append('=').append(v.get()).append(' '));
    }
    return s.append("bus_messages=").append(busMessages.get()).append(" slow_closed_by_server=").append(slowClosed.get())
      .append(" outstanding=").append(outstanding.get()).toString();
  }

  private void count(String key) {
    AtomicLong c;
    synchronized (counts) {
      c = counts.computeIfAbsent(key, k -> new AtomicLong());
    }
    c.incrementAndGet();
  }

  private void one() {
    int pick = ThreadLocalRandom.current().nextInt(100);
    if (pick < 25) get("/");
    else if (pick < 40) get("/server-data");
    else if (pick < 60) post("/api/Counter/getServerData", null, null);
    else if (pick < 70) post("/api/Nodes/whoami", null, null);
    else if (pick < 75) post("/api/Counter/doubleServer", "{\"number\": 21}", null);
    else if (pick < 80) post("/api/Counter/highFive", null, null);
    else if (token != null) todo();
    else post("/api/Counter/getServerData", null, null);
  }

  private void get(String path) {
    track(path, http.get(path).send());
  }

  private Future<HttpResponse<Buffer>> post(String path, String json, String bearer) {
    HttpRequest<Buffer> request = http.post(path).putHeader("Content-Type", "application/json");
    if (bearer != null) request.putHeader("Authorization", "Bearer " + bearer);
    return track(path, request.sendBuffer(Buffer.buffer(json == null ? "{}" : json)));
  }

  // Add one, then remove it: a signed-in user's calls through the database, and a table that stays small.
  private void todo() {
    post("/api/Todos/add", "{\"title\": \"soak\"}", token).onSuccess(r -> {
      if (r.statusCode() == 200) {
        post("/api/Todos/remove", "{\"id\": " + r.bodyAsJsonObject().getInteger("id") + "}", token);
      }
    });
  }

  private Future<HttpResponse<Buffer>> track(String what, Future<HttpResponse<Buffer>> call) {
    outstanding.incrementAndGet();
    long start = System.currentTimeMillis();
    return call.andThen(ar -> {
      outstanding.decrementAndGet();
      if (ar.succeeded()) {
        int status = ar.result().statusCode();
        count("status_" + status);
        if (status >= 500) {
          errors.println(start + " " + System.currentTimeMillis() + " " + status + " " + what);
        }
      } else {
        count("failed");
        errors.println(start + " " + System.currentTimeMillis() + " failed " + what + " " + ar.cause());
      }
    });
  }

  private String signIn(String user) {
    String[] parts = user.split(":", 2);
    JsonObject credentials = new JsonObject().put("username", parts[0]).put("password", parts[1]);
    io.vertx.core.MultiMap form = io.vertx.core.MultiMap.caseInsensitiveMultiMap()
      .add("username", parts[0]).add("password", parts[1]);
    // Signs up (303) or finds the user taken (409), then asks for a token.
    http.post("/signup").sendForm(form).await();
    HttpResponse<Buffer> answer = http.post("/auth/token").putHeader("Content-Type", "application/json")
      .sendBuffer(credentials.toBuffer()).await();
    if (answer.statusCode() != 200) throw new IllegalStateException("no token: " + answer.statusCode() + " " + answer.bodyAsString());
    return answer.bodyAsJsonObject().getString("token");
  }

  // A bridge subscriber of counter.total that pings every 5 s and comes back when its socket closes.
  private void subscribe() {
    if (!running) return;
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setDefaultHost(host).setDefaultPort(port));
    client.connect("/eventbus/websocket").onComplete(ar -> {
      if (ar.failed()) {
        count("bus_connect_failed");
        vertx.setTimer(1000, t -> {
          client.close();
          subscribe();
        });
        return;
      }
      var socket = ar.result();
      socket.writeTextMessage(new JsonObject().put("type", "register").put("address", "counter.total").encode());
      long ping = vertx.setPeriodic(5000, t -> socket.writeTextMessage("{\"type\":\"ping\"}"));
      // The bridge sends its frames as binary WebSocket frames.
      socket.handler(frame -> busMessages.incrementAndGet());
      socket.closeHandler(v -> {
        vertx.cancelTimer(ping);
        client.close();
        if (running) {
          count("bus_closed");
          vertx.setTimer(1000, t -> subscribe());
        }
      });
    });
  }

  // Sends a request's headers one byte a second, never finishing them; reconnects when the server closes it.
  private void slowClient() {
    if (!running) return;
    NetClient client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(5000));
    byte[] request = ("GET / HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nUser-Agent: soak-slow-client\r\nX-Pad: "
      + "x".repeat(4000) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    client.connect(port, host).onComplete(ar -> {
      if (ar.failed()) {
        count("slow_connect_failed");
        client.close();
        vertx.setTimer(1000, t -> slowClient());
        return;
      }
      NetSocket socket = ar.result();
      AtomicInteger sent = new AtomicInteger();
      long drip = vertx.setPeriodic(1000, t -> {
        int i = sent.getAndIncrement();
        if (i < request.length) socket.write(Buffer.buffer(new byte[] {request[i]}));
      });
      socket.handler(data -> { });
      socket.closeHandler(v -> {
        vertx.cancelTimer(drip);
        client.close();
        if (running) {
          slowClosed.incrementAndGet();
          vertx.setTimer(1000, t -> slowClient());
        }
      });
    });
  }
}
