package org.markwatch.portal;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The portal: analysts' flagged-listing queue and listing pages. Started by the app's {@code serve}
 * and {@code demo} commands with the database URL and evidence directory as properties ({@code
 * spring.datasource.url}, {@code markwatch.evidence-dir}); binds to 127.0.0.1 unless {@code
 * server.address} says otherwise.
 */
@SpringBootApplication
public class PortalApplication {}
