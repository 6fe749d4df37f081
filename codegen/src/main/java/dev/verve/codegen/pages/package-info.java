/**
 * The template compiler: {@code .hbs} to Java at build time.
 * <ol>
 *   <li>{@link dev.verve.codegen.pages.TemplateProcessor} finds each template root in the class output
 *       (the build copied the resources there before compiling);</li>
 *   <li>{@code TemplateRoot} reads its templates; {@code HbsReader} parses each with handlebars.java's
 *       own parser and reads the tree into {@code Node}s, or says what it does not cover and where;</li>
 *   <li>{@code PageCompiler} writes one class per template, partials and layouts compiled into it;</li>
 *   <li>the registry class and its {@code ServiceLoader} entry let core's page path find them.</li>
 * </ol>
 * Tests: {@code MustacheSpecTest} (the Mustache spec corpus) and {@code HandlebarsCasesTest} render every
 * case both ways and compare the bytes.
 */
package dev.verve.codegen.pages;
