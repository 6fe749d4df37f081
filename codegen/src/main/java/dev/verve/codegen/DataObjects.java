package dev.verve.codegen;

import io.vertx.codegen.processor.DataObjectModel;
import io.vertx.codegen.processor.PropertyInfo;
import io.vertx.codegen.processor.type.ClassKind;
import io.vertx.codegen.processor.type.TypeInfo;
import io.vertx.codegen.processor.type.TypeMirrorFactory;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON members of a {@code @DataObject}, as vertx-codegen's own {@link DataObjectModel} sees them
 * (its getters and setters, the convention its JSON converters follow). A member of a primitive type is
 * required: {@code toJson()} always has a value for it. Anything codegen cannot model is an open object.
 */
final class DataObjects {

  /** One member; codegen gives a list, set or map member's element type, so {@code container} says which. */
  record Property(String name, TypeInfo type, Container container, boolean required) {
  }

  enum Container { NONE, LIST, SET, MAP }

  private final ProcessingEnvironment env;
  private final Map<String, List<Property>> cache = new HashMap<>();

  DataObjects(ProcessingEnvironment env) {
    this.env = env;
  }

  /** The members of the data object {@code type}; empty when they cannot be known (an open object). */
  List<Property> properties(TypeInfo type) {
    return cache.computeIfAbsent(type.getRaw().getName(), this::read);
  }

  private List<Property> read(String fqn) {
    List<Property> properties = new ArrayList<>();
    TypeElement element = env == null ? null : env.getElementUtils().getTypeElement(fqn);
    if (element == null) {
      return properties;
    }
    try {
      DataObjectModel model = new DataObjectModel(env, new TypeMirrorFactory(env.getElementUtils(), env.getTypeUtils()), element);
      model.process();
      for (PropertyInfo property : model.getPropertyMap().values()) {
        if (property.getGetterMethod() == null && property.getSetterMethod() == null) continue;
        Container container = property.isList() ? Container.LIST : property.isSet() ? Container.SET
          : property.isMap() ? Container.MAP : Container.NONE;
        properties.add(new Property(property.getName(), property.getType(), container,
          container == Container.NONE && property.getType().getKind() == ClassKind.PRIMITIVE));
      }
    } catch (RuntimeException unmodelled) {
      // A data object codegen cannot read property by property (custom JSON, a converter of its own):
      // still a valid argument, described as an object.
      properties.clear();
    }
    return properties;
  }
}
