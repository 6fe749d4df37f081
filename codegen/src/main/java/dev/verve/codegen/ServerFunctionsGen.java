package dev.verve.codegen;

import io.vertx.codegen.annotations.ModuleGen;
import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.processor.Generator;
import io.vertx.serviceproxy.generator.model.ProxyModel;

import javax.annotation.processing.ProcessingEnvironment;
import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Base of the generators: they receive every service-proxy model, act only on
 * {@code @ServerFunctions} interfaces and see them as a checked {@link ServiceModel}.
 */
abstract class ServerFunctionsGen extends Generator<ProxyModel> {

  /** Elements and types of the compilation: codegen models no stream function, so they are read from it. */
  final ProcessingEnvironment env;

  ServerFunctionsGen(String name, ProcessingEnvironment env) {
    this.name = name;
    this.env = env;
    // The model vertx-service-proxy builds for @ProxyGen interfaces: the very one its handler is generated from.
    this.kinds = Set.of("proxy");
  }

  @Override
  public Collection<Class<? extends Annotation>> annotations() {
    return List.of(ProxyGen.class, ModuleGen.class);
  }

  @Override
  public final String filename(ProxyModel model) {
    // Reading the model checks the rules: a broken interface fails here, before anything is written.
    ServiceModel service = ServiceModel.read(model, env);
    return service == null ? null : filename(service);
  }

  @Override
  public final String render(ProxyModel model, int index, int size, Map<String, Object> session) {
    return render(ServiceModel.read(model, env));
  }

  /** The file to write: a {@code .java} FQN path compiles as a source, any other relative path is a resource. */
  abstract String filename(ServiceModel service);

  abstract String render(ServiceModel service);
}
