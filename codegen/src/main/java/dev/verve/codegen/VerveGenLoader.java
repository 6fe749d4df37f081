package dev.verve.codegen;

import io.vertx.codegen.processor.Generator;
import io.vertx.codegen.processor.GeneratorLoader;

import javax.annotation.processing.ProcessingEnvironment;
import java.util.stream.Stream;

/**
 * Registered in {@code META-INF/services}: vertx-codegen's processor finds it through the
 * {@link java.util.ServiceLoader} and hands every {@code @ProxyGen} model to these generators.
 */
public class VerveGenLoader implements GeneratorLoader {

  @Override
  public Stream<Generator<?>> loadGenerators(ProcessingEnvironment processingEnv) {
    return Stream.of(new DescriptorGen(processingEnv), new HttpClientGen(processingEnv), new VerveProxyGen(processingEnv),
      new JsModuleGen(processingEnv), new TsDeclarationsGen(processingEnv), new OpenApiGen(processingEnv));
  }
}
