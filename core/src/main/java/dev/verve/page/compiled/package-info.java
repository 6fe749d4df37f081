/**
 * What templates compiled at build time run on: {@code verve-codegen} turns each {@code .hbs} template of a
 * template root into a {@link dev.verve.page.compiled.CompiledTemplate} whose code writes static text as
 * pre-encoded UTF-8 constants into an {@link dev.verve.page.compiled.Html} buffer and looks names up through a
 * {@link dev.verve.page.compiled.Scope}, a port of handlebars.java's context stack (same lookup order, same
 * quirks) kept in arrays, so a render allocates no context object per row. A root's templates are found
 * through {@link java.util.ServiceLoader} as a {@link dev.verve.page.compiled.CompiledTemplates}.
 *
 * <p>Generated code calls this package; applications do not need to.
 */
package dev.verve.page.compiled;
