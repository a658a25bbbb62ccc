/**
 * The composition root: settings, the {@code buywhere} command line, and the wiring that builds
 * config → database → repositories → services → HTTP app. Nothing else constructs services.
 */
package ai.buywhere.app;
