package dev.verve.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code VerveClient} or {@code WebClientSession} parameter of a {@link VerveTest} class: a new user,
 * signed up through the app's sign-up page, calls with it (a bearer token, or the browser's session).
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface SignedIn {
}
