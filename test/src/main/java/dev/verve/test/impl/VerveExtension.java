package dev.verve.test.impl;

import dev.verve.VerveVerticle;
import dev.verve.client.VerveClient;
import dev.verve.test.SignedIn;
import dev.verve.test.TestApp;
import dev.verve.test.TestUser;
import dev.verve.test.VerveTest;
import io.vertx.ext.web.client.WebClientSession;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

import java.lang.reflect.Constructor;
import java.util.Set;

/**
 * {@link VerveTest}'s extension: the app per test class (a {@code @Nested} class without a {@code @VerveTest}
 * of its own uses its enclosing class's), its ways in as parameters, closed after each test.
 */
public final class VerveExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
  AfterEachCallback, TestInstancePreConstructCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(VerveExtension.class);
  private static final Set<Class<?>> RESOLVED = Set.of(TestApp.class, TestUser.class, VerveClient.class,
    WebClientSession.class);

  @Override
  public void preConstructTestInstance(TestInstanceFactoryContext factory, ExtensionContext context) {
    // With a @TestInstance(PER_CLASS) the instance comes before beforeAll, and its constructor may want the app.
    startIfOwn(context);
    // With one instance per test (the default), what its constructor opens is that test's.
    if (context.getTestInstanceLifecycle().orElse(null) == TestInstance.Lifecycle.PER_METHOD) {
      app(context).opened.beginTest();
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    startIfOwn(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    RunningApp app = app(context);
    // Warnings since the class began (the start, @BeforeAll) are the class's, reported after it.
    app.classWarnings.addAll(BlockedThreads.drain());
    app.opened.beginTest();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    app(context).opened.endTest();
    BlockedThreads.failIfAny(BlockedThreads.drain(), "the test");
  }

  @Override
  public void afterAll(ExtensionContext context) {
    RunningApp own = context.getStore(NAMESPACE).remove(context.getRequiredTestClass(), RunningApp.class);
    if (own == null) {
      BlockedThreads.failIfAny(BlockedThreads.drain(), "the class");
      return;
    }
    try {
      own.close();
    } finally {
      own.classWarnings.addAll(BlockedThreads.drain());
      BlockedThreads.failIfAny(own.classWarnings, "the class (starting or stopping the app, @BeforeAll, @AfterAll)");
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return RESOLVED.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    RunningApp app = app(context);
    Class<?> type = parameter.getParameter().getType();
    boolean signedIn = parameter.isAnnotated(SignedIn.class);
    if (type == TestApp.class) return app;
    if (type == TestUser.class) return app.signUp();
    if (type == VerveClient.class) return signedIn ? app.signUp().client() : app.client();
    return signedIn ? app.signUp().browser() : app.browser();
  }

  // Deploys the app of a class annotated @VerveTest (directly or on a superclass), once.
  private static void startIfOwn(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    VerveTest test = testClass.getAnnotation(VerveTest.class);
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (test == null || store.get(testClass) != null) return;
    // Warnings logged before are earlier classes'.
    BlockedThreads.drain();
    store.put(testClass, RunningApp.start(verticle(test.value()), ConfigEntries.parse(test.config())));
  }

  // The app of the test class, or of the class a @Nested one is inside.
  private static RunningApp app(ExtensionContext context) {
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      if (c.getTestClass().isEmpty()) continue;
      RunningApp app = c.getStore(NAMESPACE).get(c.getRequiredTestClass(), RunningApp.class);
      if (app != null) return app;
    }
    throw new ExtensionConfigurationException("No app is running for " + context.getDisplayName()
      + ": is the class (or one it is nested in) annotated @VerveTest?");
  }

  private static VerveVerticle verticle(Class<? extends VerveVerticle> type) {
    try {
      Constructor<? extends VerveVerticle> constructor = type.getDeclaredConstructor();
      // A verticle of the test sources may well be package-private.
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new ExtensionConfigurationException("@VerveTest(" + type.getSimpleName() + ".class): the verticle needs a"
        + " constructor without arguments", e);
    }
  }
}
