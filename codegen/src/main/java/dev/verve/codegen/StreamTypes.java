package dev.verve.codegen;

import io.vertx.codegen.processor.GenException;
import io.vertx.codegen.processor.ParamInfo;
import io.vertx.codegen.processor.type.TypeInfo;
import io.vertx.codegen.processor.type.TypeMirrorFactory;
import io.vertx.codegen.processor.type.TypeUse;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import java.util.ArrayList;
import java.util.List;

/**
 * The codegen types of a stream function's parameters and items, made from its element the way codegen
 * makes a modelled method's ({@link TypeMirrorFactory}, {@link TypeUse} for {@code @Nullable}), so the
 * generators treat both alike. Types are seen as members of the served interface: a stream inherited from
 * a generic interface gets its type arguments.
 */
final class StreamTypes {

  private final ProcessingEnvironment env;
  private final DeclaredType served;
  private final TypeMirrorFactory factory;

  StreamTypes(ProcessingEnvironment env, TypeElement served) {
    this.env = env;
    this.served = (DeclaredType) served.asType();
    this.factory = new TypeMirrorFactory(env.getElementUtils(), env.getTypeUtils());
  }

  List<ParamInfo> params(String iface, ExecutableElement method) {
    List<? extends TypeMirror> types = resolved(method).getParameterTypes();
    List<ParamInfo> params = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      String name = method.getParameters().get(i).getSimpleName().toString();
      TypeUse use = TypeUse.createParamTypeUse(env, new ExecutableElement[]{method}, i);
      params.add(new ParamInfo(i, name, null, create(iface, method, "parameter '" + name + "'", use, types.get(i))));
    }
    return params;
  }

  /** {@code T} of {@code Future<ReadStream<T>>}. */
  TypeInfo item(String iface, ExecutableElement method) {
    return create(iface, method, "the item type", null, StreamFunctions.item(resolved(method).getReturnType()));
  }

  private ExecutableType resolved(ExecutableElement method) {
    return (ExecutableType) env.getTypeUtils().asMemberOf(served, method);
  }

  private TypeInfo create(String iface, ExecutableElement method, String what, TypeUse use, TypeMirror type) {
    String where = iface + "." + method.getSimpleName() + ": ";
    if (type.getKind() == TypeKind.TYPEVAR || type.getKind() == TypeKind.WILDCARD) {
      throw new GenException(method, where + what + " is " + type + "; it must be a concrete type to be sent as JSON");
    }
    try {
      return factory.create(use, type);
    } catch (IllegalArgumentException e) {
      // codegen's own refusals, e.g. "Primitive types cannot be annotated with @Nullable"
      throw new GenException(method, where + what + ": " + e.getMessage());
    }
  }
}
