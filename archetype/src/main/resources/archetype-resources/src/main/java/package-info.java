/** The app's server functions: every public interface here is served on the event bus and over HTTP. */
@ModuleGen(name = "${artifactId}", groupPackage = "${package}")
package ${package};

import io.vertx.codegen.annotations.ModuleGen;
