package dev.verve.fn.impl;

import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The stream answers an instance is writing, so that a graceful shutdown ends each of them properly. */
final class StreamWriters {

  private final Set<StreamResponse> open = ConcurrentHashMap.newKeySet();

  void add(StreamResponse response) {
    open.add(response);
  }

  void remove(StreamResponse response) {
    open.remove(response);
  }

  /** Ends every open answer: an {@code event: problem} (503) on an event stream, an abort on NDJSON. */
  void shutDown() {
    for (StreamResponse response : new ArrayList<>(open)) response.shutDown();
  }
}
