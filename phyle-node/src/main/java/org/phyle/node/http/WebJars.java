package org.phyle.node.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where a browser library packaged as a WebJar (org.webjars.npm) keeps its files on the class path, found from the
 * version its Maven metadata names, so that the pom alone chooses the version.
 */
final class WebJars {
    private WebJars() {
    }

    /**
     * The class-path folder of the npm package, such as {@code /META-INF/resources/webjars/leaflet/1.9.4} (its
     * {@code dist} folder has no entry of its own in the jar, so the package's folder is the one that can be served).
     */
    static String folder(String name) {
        String metadata = "/META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
        try (InputStream in = WebJars.class.getResourceAsStream(metadata)) {
            if (in == null) {
                throw new IllegalStateException("the WebJar " + name + " is missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            return "/META-INF/resources/webjars/" + name + "/" + p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
