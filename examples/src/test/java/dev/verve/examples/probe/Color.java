package dev.verve.examples.probe;

import io.vertx.codegen.annotations.VertxGen;

@VertxGen
public enum Color { RED, GREEN, BLUE }
