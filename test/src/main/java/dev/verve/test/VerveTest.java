package dev.verve.test;

import dev.verve.VerveVerticle;
import dev.verve.test.impl.VerveExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the test class against the app: one instance of {@link #value()} (made with its no-argument
 * constructor) deployed before the first test, on a Vert.x of its own, on {@code 127.0.0.1} and a free port,
 * with a fresh in-memory H2 database ({@code db.url}) and fast password hashing
 * ({@code auth.passwordIterations} 1000) unless {@link #config()} sets them, and strict blocked-thread checks:
 * a test during which Vert.x warns that a thread was blocked fails, and so does the class for a warning
 * outside its tests (read from java.util.logging, where Vert.x logs unless the app sends its logs elsewhere).
 * Test methods, constructors and lifecycle methods may take a {@link TestApp}, a {@link TestUser} (a new user
 * each), a {@code VerveClient} or a {@code WebClientSession} (anonymous, or a new user's with
 * {@link SignedIn}). What a test opens is closed after it, what {@code @BeforeAll} opens after the class;
 * the app is undeployed and its Vert.x closed after the class. A {@code @Nested} class uses the app of the
 * class it is in. Tests of one class run one at a time.
 *
 * <pre>{@code
 * @VerveTest(App.class)
 * class NotesTest {
 *   @Test
 *   void notesAreEachUsersOwn(TestApp app, @SignedIn VerveClient ada) {
 *     app.await(ada.of(Notes.class).add("Buy milk"));
 *     assertEquals(1, app.await(ada.of(Notes.class).list()).size());
 *   }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(VerveExtension.class)
public @interface VerveTest {

  /** The app's verticle. */
  Class<? extends VerveVerticle> value();

  /**
   * Settings over the app's own, as {@code "key=value"}: a value that reads as a JSON number or boolean is
   * one, anything else is text ({@code "api.maxInFlight=5"}, {@code "dev=true"}, {@code "db.url=postgresql://..."},
   * a list as {@code "eventbus.outbound=a,b"}). {@code http.host} and {@code http.port} are the kit's.
   */
  String[] config() default {};
}
