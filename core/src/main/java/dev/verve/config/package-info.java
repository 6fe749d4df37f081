/**
 * Configuration, the lowest floor: every key of core in one table ({@link dev.verve.config.ConfigKeys}:
 * name, type, default, meaning, owning concern), read through vertx-config by
 * {@link dev.verve.config.ConfigLoader} (defaults, {@code conf/config.json}, {@code -conf}, {@code VERVE_*}
 * environment variables, system properties). Each concern's options read their own keys from the table;
 * an application adds its keys as {@link dev.verve.config.ConfigKey}s.
 */
package dev.verve.config;
