package dev.verve.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Access rule of a server function: a signed-in user with at least one of these roles may call; anonymous
 * callers get 401, other users 403. On the interface it applies to every method without a rule of its
 * own; on a method it wins over the interface's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RolesAllowed {

  /** The roles, any of which lets a user call. */
  String[] value();
}
