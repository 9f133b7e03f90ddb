package org.markwatch.app;

/**
 * A subcommand that lives in a module the production jar does not contain (today only the demo).
 * {@link Main} adds every implementation it finds on the class path through {@link
 * java.util.ServiceLoader} ({@code META-INF/services/org.markwatch.app.PluggableCommand}); the
 * implementation is a picocli {@code @Command} class with a public no-argument constructor.
 */
public interface PluggableCommand {}
