/**
 * Operating a node: health, metrics and the bound on work in progress. Mounted by
 * {@code Verve.router()} on every node that serves HTTP.
 *
 * <ol>
 *   <li>{@code GET /health/live} and {@code GET /health/ready} answer in vertx-health-check's JSON.
 *       Ready means: this node's functions are registered, some node answers a ping (an interceptor
 *       before the service: no user code runs) for each interface exposed here but served elsewhere, the
 *       node is a cluster member when clustered, and each {@code Verve.readiness} check succeeds
 *       within 2 s. Otherwise 503, naming the check.</li>
 *   <li>{@code GET /metrics} is the Prometheus text of {@link dev.verve.ops.VerveMetrics#registry}: Vert.x's
 *       meters when Vert.x was created with metrics on ({@code VerveLauncher}), and Verve's:
 *       {@code verve_function_calls_seconds} by interface, method and status,
 *       {@code verve_page_requests_seconds} by template and status, {@code verve_in_flight}.</li>
 *   <li>Both are open to loopback clients that came through no proxy, else to callers with
 *       {@code ops.role}.</li>
 *   <li>{@code api.maxInFlight} bounds the function calls and pages a node serves at once; one more is a
 *       503 with {@code Retry-After} at once. Health and metrics are not counted.</li>
 * </ol>
 */
package dev.verve.ops;
