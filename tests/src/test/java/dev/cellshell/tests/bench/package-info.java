/**
 * Benchmarks, run by hand (never by the test suite): JMH for compile/swap and instrumentation costs, and a soak
 * harness printing JSON. How to run them is in docs/PERFORMANCE.md.
 */
package dev.cellshell.tests.bench;
