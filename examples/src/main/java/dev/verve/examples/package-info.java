/** The demo application: the {@link dev.verve.examples.Counter} and {@link dev.verve.examples.Todos} functions. */
@ModuleGen(name = "verve-examples", groupPackage = "dev.verve.examples")
package dev.verve.examples;

import io.vertx.codegen.annotations.ModuleGen;
