/**
 * The API described: {@code GET <api.prefix>/openapi.json}, an OpenAPI 3.1 document of the server
 * functions this web node exposes, and in dev mode {@code GET <api.prefix>/docs}, Swagger UI over it.
 *
 * <p>Nothing is read by reflection: {@code verve-codegen} writes each interface's part of the document at
 * build time ({@code verve/openapi/<Interface>.json}, next to its classes, from the same model as the
 * descriptor the HTTP layer validates with). The web node reads the parts of the interfaces it exposes
 * once, puts the {@code api.prefix} in front of their paths and adds what every function shares: the
 * {@code Problem} schema, the problem responses and the security schemes ({@code session}: the sign-in
 * cookie; {@code bearer}: a JWT from {@code POST /auth/token}). The TypeScript declarations of the browser
 * modules ({@code /verve/fn/<Interface>.d.ts}, {@code /verve/verve.d.ts}) are served beside them.
 */
package dev.verve.openapi;
