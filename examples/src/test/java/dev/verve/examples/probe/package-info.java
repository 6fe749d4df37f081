/** Functions that exercise every status and argument type; test-only. */
@ModuleGen(name = "verve-probe", groupPackage = "dev.verve.examples.probe")
package dev.verve.examples.probe;

import io.vertx.codegen.annotations.ModuleGen;
