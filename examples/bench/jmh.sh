#!/usr/bin/env bash
# JMH micro-benchmarks of Verve's in-process costs (examples/src/test/java/dev/verve/examples/bench/jmh):
#   PageRenderBenchmark    one fortunes page: template render + state embedding (runtime engine, compiled, hand-written)
#   ValidationBenchmark    argument validation of a server-function call (and parse + validate)
#   StateEscapeBenchmark   page state written as HTML-safe JSON
#   PartialsBenchmark      a 12-row page with a partial per row: Verve's engine, compiled, vertx-web-templ-handlebars
#
# Usage:  examples/bench/jmh.sh                  (all of them, short: 1 fork, 3x1 s warm-up, 5x1 s measured)
#         examples/bench/jmh.sh Validation       (a regex, and any JMH option: -f 2 -wi 10 -i 10 -prof gc)
# Env:    MVN_FLAGS="-q" (add -o to build offline), JAVA=java
set -euo pipefail
cd "$(dirname "$0")/../.."
MVN_FLAGS=${MVN_FLAGS:--q}
JAVA=${JAVA:-java}

# shellcheck disable=SC2086
mvn $MVN_FLAGS -B -pl examples -am test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test
CP=examples/target/test-classes:examples/target/classes:$(cat examples/target/jmh.classpath)
[ $# -gt 0 ] || set -- 'dev\.verve\.examples\.bench\.jmh\.'
exec "$JAVA" -cp "$CP" org.openjdk.jmh.Main "$@"
