package dev.verve.codegen;

import io.vertx.codegen.processor.Processor;

import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;

/**
 * vertx-codegen's annotation processor, as a Verve app runs it: the service-proxy generators and Verve's
 * (descriptors, clients, OpenAPI). It is vertx-codegen's {@code CodeGenProcessor} but for the source version:
 * that one declares {@code RELEASE_11}, so javac warned on every build of a Java 17+ app. An app's build
 * therefore names verve-codegen alone, not {@code io.vertx:vertx-codegen:processor} too (two processors would
 * generate every class twice).
 */
@SupportedOptions("codegen.generators")
public class CodeGeneration extends Processor {

  // The generators read the model of whatever source level the app compiles at.
  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }
}
