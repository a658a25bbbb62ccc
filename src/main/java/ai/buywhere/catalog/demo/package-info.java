/**
 * The demo catalog that {@code serve --demo} loads: a few hundred hand-described products across
 * the SG and US markets, written by the team (not third-party data), with back-dated weekly price
 * histories so that every endpoint, price history included, answers with real points at once.
 */
package ai.buywhere.catalog.demo;
