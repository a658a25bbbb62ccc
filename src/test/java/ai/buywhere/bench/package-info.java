/**
 * Benchmarks for docs/benchmarks.md: in-process search (Lucene vs PostgreSQL full-text), HTTP load
 * over loopback, the relevance proxy on match pairs, import rate (in a fresh JVM: {@code
 * ImportBench}; with the JIT warmed up: {@code ImportJmh}) and the synthetic 1M catalog. Not tests:
 * surefire excludes {@code **}{@code /bench/**}; {@code scripts/bench.sh} runs them. Each main
 * prints plain text lines that the doc quotes.
 */
package ai.buywhere.bench;
