/**
 * verve-codegen: a vertx-codegen generator plugin for {@code @ServerFunctions} interfaces.
 *
 * <p>vertx-codegen's processor builds a {@code ProxyModel} for each {@code @ProxyGen} interface (the
 * model vertx-service-proxy generates its event-bus proxy and handler from) and passes it to the
 * generators {@link dev.verve.codegen.VerveGenLoader} registers. For an interface that also carries
 * {@code @dev.verve.ServerFunctions} they:
 * <ol>
 *   <li>read it as a {@code ServiceModel}, checking the rules of {@code FunctionRules}: a broken
 *       interface fails the build with {@code Interface.method: <rule>} at the method;</li>
 *   <li>write {@code <Interface>VerveDescriptor} (address, methods, parameter {@code ArgType}s), which the
 *       HTTP handler validates calls against before they reach the event bus;</li>
 *   <li>write {@code <Interface>VerveHttpClient}, the interface implemented over HTTP;</li>
 *   <li>write {@code <Interface>VerveProxy}, vertx-service-proxy's event-bus proxy with the stream
 *       functions added;</li>
 *   <li>write the resource {@code verve/fn/<Interface>.js}, one {@code async} function per method (a
 *       function returning an {@code AsyncIterable} per stream function), and its TypeScript
 *       declarations {@code verve/fn/<Interface>.d.ts};</li>
 *   <li>write the resource {@code verve/openapi/<Interface>.json}, the interface's part of the OpenAPI 3.1
 *       document the web node serves at {@code <api.prefix>/openapi.json}: operations, schemas (data
 *       objects and enums as components, read through vertx-codegen's own {@code DataObjectModel}), the
 *       problem responses and access rules, Javadoc as summaries and descriptions.</li>
 * </ol>
 * Any other proxy model is left alone ({@code filename} returns {@code null}). Alongside,
 * {@link dev.verve.codegen.ServerFunctionsChecker} (a plain annotation processor) fails the build for a
 * {@code @ServerFunctions} type vertx-codegen would skip without a word: no {@code @ProxyGen}, or an
 * {@code impl} package; for a stream function not declared as below; and for a type whose simple name breaks
 * the code vertx-service-proxy generates ({@link dev.verve.codegen.GeneratedNames}, e.g. a {@code @DataObject
 * Message} beside {@code io.vertx.core.eventbus.Message}). Verve's own generated classes write any name that
 * is taken fully qualified ({@link dev.verve.codegen.Imports}).
 *
 * <p>Stream functions: a method returning {@code Future<ReadStream<T>>}, which vertx-service-proxy cannot
 * carry, is declared {@code @GenIgnore default} with the body {@code return Streams.declared();}. Codegen's
 * model then leaves it out, so {@link dev.verve.codegen.StreamFunctions} finds it on the interface's
 * elements; it follows the rules of functions (parameters, {@code T} as a result, access, no overloads),
 * takes no {@code UploadedFile} and does not stream {@code Void}. Other {@code @GenIgnore} methods are
 * not served.
 *
 * <p>Rules, beyond vertx-service-proxy's own (no overloads, proxy-legal parameter types): every served
 * method other than a stream function returns {@code Future<T>} with a JSON-sendable {@code T}; no {@code char}/{@code Character};
 * no {@code @ProxyClose}; no {@code @Nullable} List/Set/Map parameter; interface simple names unique.
 * Static and {@code @ProxyIgnore} methods are not served; default methods are.
 *
 * <p>Templates: {@link dev.verve.codegen.pages.TemplateProcessor}, a plain annotation processor too,
 * compiles the {@code .hbs} files of the template roots named by {@code -Averve.templates=...} to Java
 * classes that render pages into UTF-8 bytes (package {@code dev.verve.codegen.pages}).
 *
 * <p>To use it, an app lists {@code dev.verve:verve-codegen} (scope {@code provided}): its
 * {@code META-INF/services/javax.annotation.processing.Processor} names
 * {@link dev.verve.codegen.CodeGeneration} (vertx-codegen's processor, declared for the compiler's source
 * version rather than vertx-codegen's {@code RELEASE_11}, so javac does not warn), the checker and the template
 * processor. Not {@code io.vertx:vertx-codegen:processor} as well: it would run every generator a second time.
 */
package dev.verve.codegen;
