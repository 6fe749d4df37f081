/**
 * Verve's facade: {@link dev.verve.Verve}, {@link dev.verve.VerveVerticle}, {@link dev.verve.VerveLauncher}
 * and the annotation {@link dev.verve.ServerFunctions}.
 *
 * <h2>Floors</h2>
 * Core's packages stand on floors; each uses only those below it, and the one edge upward is an interface's
 * static factory into its own {@code impl} ({@code FloorsTest} keeps it so, and no {@code impl} package uses
 * another concern's {@code impl}):
 * <ol>
 *   <li>{@code config}: the table of keys, the loader.</li>
 *   <li>{@code http}: options and limits, guards, sessions and the flash, problems and error pages, the
 *       requests in flight. {@code db}: the database (on {@code config} only).</li>
 *   <li>{@code auth}: the caller, access rules, sign-in.</li>
 *   <li>{@code fn}: descriptors, the registry ({@code Functions}), the call path and its checks;
 *       {@code client}: the generated Java clients' runtime.</li>
 *   <li>{@code page}, {@code bus}, {@code ops}, {@code openapi}: pages, the bridge, health and metrics,
 *       the API's description.</li>
 *   <li>{@code dev.verve}: the facade that wires them ({@code impl.VerveImpl}).</li>
 * </ol>
 */
package dev.verve;
