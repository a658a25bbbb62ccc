/** The few types every feature shares: the exception base and JSON configuration. */
package ai.buywhere.shared;
