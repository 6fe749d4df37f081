package dev.verve.test.impl;

import dev.verve.VerveVerticle;
import dev.verve.client.VerveClient;
import dev.verve.test.SignedIn;
import dev.verve.test.TestApp;
import dev.verve.test.TestUser;
import dev.verve.test.VerveTest;
import io.vertx.ext.web.client.WebClientSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Set;

/** {@link VerveTest}'s extension: the app per test class, its ways in as parameters, closed after each test. */
public final class VerveExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
  ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(VerveExtension.class);
  private static final Set<Class<?>> RESOLVED = Set.of(TestApp.class, TestUser.class, VerveClient.class,
    WebClientSession.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    VerveTest test = annotation(context.getRequiredTestClass());
    BlockedThreads.clear();
    RunningApp app = RunningApp.start(verticle(test.value()), ConfigEntries.parse(test.config()));
    context.getStore(NAMESPACE).put(RunningApp.class, app);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    RunningApp app = context.getStore(NAMESPACE).remove(RunningApp.class, RunningApp.class);
    if (app != null) app.close();
    BlockedThreads.check("the test class");
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    app(context).beginTest();
    BlockedThreads.clear();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    app(context).endTest();
    BlockedThreads.check("the test");
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

  // The app of the test class, or of the class a @Nested one is inside.
  private static RunningApp app(ExtensionContext context) {
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      RunningApp app = c.getStore(NAMESPACE).get(RunningApp.class, RunningApp.class);
      if (app != null) return app;
    }
    throw new ExtensionConfigurationException("No app is running: is the class annotated @VerveTest?");
  }

  private static VerveTest annotation(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      VerveTest test = c.getAnnotation(VerveTest.class);
      if (test != null) return test;
    }
    throw new ExtensionConfigurationException(testClass.getName() + " has no @VerveTest");
  }

  private static VerveVerticle verticle(Class<? extends VerveVerticle> type) {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new ExtensionConfigurationException("@VerveTest(" + type.getSimpleName() + ".class): the verticle needs a"
        + " public constructor without arguments", e);
    }
  }

}
