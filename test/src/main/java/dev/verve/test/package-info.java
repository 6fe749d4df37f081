/**
 * Verve's test kit: {@link dev.verve.test.VerveTest} deploys an app's verticle on a free loopback port with a
 * fresh in-memory database, once per test class, and hands the tests what a user would have: anonymous and
 * signed-in {@link dev.verve.client.VerveClient}s, a browser with JavaScript off (a cookie-keeping
 * {@code WebClientSession}) and event-bus subscriptions through the bridge.
 */
package dev.verve.test;
