/** The app. vertx-codegen needs this {@code @ModuleGen} to generate the event-bus proxies of the functions here. */
@ModuleGen(name = "${artifactId}", groupPackage = "${package}")
package ${package};

import io.vertx.codegen.annotations.ModuleGen;
