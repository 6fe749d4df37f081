/**
 * Who is calling: the caller of every function call, page and bridge socket, sign-in and access rules.
 *
 * <h2>The flow of a request's identity</h2>
 * <ol>
 *   <li><b>Session</b> ({@link dev.verve.http.Sessions}, before this package): vertx-web's
 *       {@code SessionHandler}, lazy, for every request once sign-in is on (cookie {@code verve.session},
 *       {@code HttpOnly}, {@code SameSite=Lax}).</li>
 *   <li><b>Who is asking</b> ({@link dev.verve.auth.Authentication}, the router's handler after the guards):
 *       a bearer token ({@code Authorization: Bearer ...}, a JWT of vertx-auth-jwt) wins, then the caller the
 *       session holds; else anonymous. A token that does not verify is a 401 at once, never an anonymous
 *       call. The caller is kept in the routing context ({@link dev.verve.auth.Auth#caller}) and in the
 *       request's duplicated Vert.x context ({@link dev.verve.auth.CallerContext}), so that
 *       {@link dev.verve.auth.Caller#current()} reads it anywhere in the call's asynchronous chain.</li>
 *   <li><b>Across the event bus</b> ({@link dev.verve.auth.CallerHeader}): a call leaving for another node
 *       carries the caller in the header {@code verve-caller}, which only Verve sets; the bridge removes it
 *       from anything a browser sends and puts the socket's own user in its place.</li>
 *   <li><b>Access rules</b> ({@link dev.verve.auth.Access}, from {@code @AnonymousAllowed},
 *       {@code @PermitAll}, {@code @RolesAllowed}, {@code @DenyAll}): checked by {@code fn} where a call
 *       enters (before its body is read) and where the function runs; by pages before their data is asked
 *       for. No caller: 401 (a page redirects to {@code /login?returnTo=...}); wrong role: 403.</li>
 *   <li><b>Signing in</b> ({@link dev.verve.auth.Authentication#signIn}, once): {@code GET/POST /login},
 *       {@code POST /logout}, optionally {@code GET/POST /signup}, and {@code POST /auth/token}, each behind
 *       the same-origin guard. The credentials go through a throttle (429 after {@code auth.maxFailures}
 *       failures per username within {@code auth.failureWindow}, counted cluster-wide in shared data), then
 *       to the application's {@link dev.verve.auth.Accounts}; a success regenerates the session id and puts
 *       the caller in the session, or answers a token ({@code auth.tokenTtl} seconds).</li>
 *   <li><b>Passwords</b> ({@link dev.verve.auth.Passwords}): PBKDF2 hashes from vertx-auth, computed on
 *       worker threads; an unknown user costs a check against a dummy hash, so timing tells nothing.</li>
 * </ol>
 */
package dev.verve.auth;
