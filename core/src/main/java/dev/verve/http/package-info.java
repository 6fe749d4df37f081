/**
 * HTTP, the floor every concern that answers requests stands on: the server's options and limits
 * ({@link dev.verve.http.HttpOptions}, {@link dev.verve.http.HttpLimits},
 * {@link dev.verve.http.ConnectionDeadlines}), the guards that run before anything reads a request
 * ({@link dev.verve.http.HostGuard}, {@link dev.verve.http.FramingGuard}, {@link dev.verve.http.OriginGuard}),
 * sessions and the flash of a form post ({@link dev.verve.http.Sessions}, {@link dev.verve.http.Flash}),
 * answers ({@link dev.verve.http.HttpProblem} and {@link dev.verve.http.Problems} for problem details,
 * {@link dev.verve.http.ErrorPages} for HTML), and the count of requests in flight
 * ({@link dev.verve.http.RequestLimit}, {@link dev.verve.http.Tracked}, {@link dev.verve.http.OpenConnections}).
 * It knows nothing of functions, callers or pages.
 */
package dev.verve.http;
