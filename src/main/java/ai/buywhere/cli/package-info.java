/**
 * The {@code buywhere} command line (picocli). Commands parse options, build what they need through
 * {@link ai.buywhere.app.Application}, and print progress and results; they hold no business logic
 * of their own.
 */
package ai.buywhere.cli;
