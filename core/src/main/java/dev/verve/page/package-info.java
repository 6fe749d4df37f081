/**
 * Pages: server-rendered HTML whose data is awaited reactively, then embedded so the browser does not ask
 * for it again.
 *
 * <h2>The flow of a page request</h2>
 * <ol>
 *   <li><b>Route</b>: {@code verve.page(path, template)} mounts a GET route ({@link dev.verve.page.Pages}); the
 *       guards and {@link dev.verve.auth.Authentication} ran before it.</li>
 *   <li><b>Limit</b>: the page takes one of the node's {@code api.maxInFlight} places
 *       ({@link dev.verve.http.Tracked}), or answers an HTML 503 with {@code Retry-After} at once; its
 *       latency is recorded by status in {@code verve_page_requests_seconds}.</li>
 *   <li><b>Access</b>: the page's rule ({@code permitAll()}, {@code rolesAllowed(...)}, ...; anyone by
 *       default). An anonymous visitor who may sign in is sent {@code 303} to
 *       {@code /login?returnTo=<this page>}; a refused user gets the 403 page.</li>
 *   <li><b>Flash</b>: what a form post left for this page ({@code problem}, {@code values},
 *       {@code result}, {@link dev.verve.http.Flash}) is taken out of the session, shown once.</li>
 *   <li><b>Data</b>: every {@code await(name, source)} is started at once, as the caller, on the request's
 *       context; their futures are composed, never waited for on a thread, within the page's timeout
 *       ({@code api.timeout} unless {@code timeout(ms)}).</li>
 *   <li><b>Render</b>: the template (compiled at build time by {@code verve-codegen} when it can be, else
 *       Handlebars) gets the values, {@code caller} and the flash; the state block (the same values as
 *       HTML-safe JSON, plus {@code resource} and {@code subscribe} declarations) and the runtime are
 *       inserted before {@code </body>}, and the page is written once, as one buffer.</li>
 *   <li><b>Failure</b>: any failure before that write is a whole error page with the status a function
 *       call would get ({@link dev.verve.fn.CallFailures}): 504 too slow, 503 nobody serves the data, the
 *       function's own 4xx/5xx with its message, else 500 with a correlation id in the log.</li>
 * </ol>
 */
package dev.verve.page;
