package io.paasruntime.core.providers;

import io.paasruntime.spi.ProviderFactory;
import io.paasruntime.spi.SpiVersion;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds provider factories on the classpath and in every {@code *.jar} of a providers folder, and
 * selects one per port by id. Selection fails with a message naming the ids found when the id is
 * unknown, found twice, or built for another SPI version. Thread-safe after construction.
 */
public final class ProviderRegistry implements AutoCloseable {
    private final ClassLoader loader;
    private final List<Path> jars;

    private ProviderRegistry(ClassLoader loader, List<Path> jars) {
        this.loader = loader;
        this.jars = jars;
    }

    /** A registry over the classpath plus the jars in {@code providersDir} (which may be absent or missing). */
    public static ProviderRegistry create(Optional<Path> providersDir) {
        ClassLoader parent = ProviderRegistry.class.getClassLoader();
        List<Path> jars = providersDir.filter(Files::isDirectory).map(ProviderRegistry::jarsIn).orElse(List.of());
        if (jars.isEmpty()) {
            return new ProviderRegistry(parent, jars);
        }
        URL[] urls = jars.stream().map(ProviderRegistry::toUrl).toArray(URL[]::new);
        return new ProviderRegistry(new URLClassLoader("paas-providers", urls, parent), jars);
    }

    /** The jars loaded from the providers folder. */
    public List<Path> providerJars() {
        return jars;
    }

    /** Every factory of the port's type, by id (ids may repeat here; {@link #select} refuses that). */
    public <F extends ProviderFactory<?>> List<F> factories(Port<F> port) {
        List<F> found = new ArrayList<>();
        try {
            ServiceLoader.load(port.factoryType(), loader).stream().forEach(p -> found.add(p.get()));
        } catch (ServiceConfigurationError e) {
            throw new ProviderSetupException("cannot load " + port.section() + " providers: " + e.getMessage(), e);
        }
        return found;
    }

    /**
     * The factory for {@code id} on {@code port}.
     *
     * @throws ProviderSetupException when no factory or several have that id, or it was built for
     *                                another SPI version
     */
    public <F extends ProviderFactory<?>> F select(Port<F> port, String id) {
        return find(port, id).orElseThrow(() -> new ProviderSetupException(
                "unknown " + port.section() + " provider '" + id + "'; found: " + describe(factories(port))
                        + " (set " + port.section() + ".provider to one of them, or drop the provider's jar into the providers folder)"));
    }

    /** Like {@link #select} but empty when no factory has the id. */
    public <F extends ProviderFactory<?>> Optional<F> find(Port<F> port, String id) {
        List<F> all = factories(port);
        List<F> matching = all.stream().filter(f -> f.id().equals(id)).toList();
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        if (matching.size() > 1) {
            throw new ProviderSetupException("duplicate " + port.section() + " provider id '" + id + "' in "
                    + matching.stream().map(f -> f.getClass().getName() + " (" + origin(f) + ")").collect(Collectors.joining(", "))
                    + "; found: " + describe(all) + ". Remove one of the jars.");
        }
        F factory = matching.getFirst();
        if (factory.spiVersion() != SpiVersion.CURRENT) {
            throw new ProviderSetupException(port.section() + " provider '" + id + "' (" + factory.getClass().getName()
                    + ", " + origin(factory) + ") was built for SPI version " + factory.spiVersion()
                    + " but this runtime has SPI version " + SpiVersion.CURRENT + "; found: " + describe(all));
        }
        return Optional.of(factory);
    }

    private static String describe(List<? extends ProviderFactory<?>> factories) {
        if (factories.isEmpty()) {
            return "none";
        }
        return factories.stream().map(f -> f.id() + " (SPI " + f.spiVersion() + ")").sorted()
                .collect(Collectors.joining(", "));
    }

    private static String origin(Object factory) {
        var source = factory.getClass().getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "classpath" : source.getLocation().getPath();
    }

    private static List<Path> jarsIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new ProviderSetupException("cannot read the providers folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new ProviderSetupException("bad provider jar path " + jar, e);
        }
    }

    @Override
    public void close() throws IOException {
        if (loader instanceof URLClassLoader urls) {
            urls.close();
        }
    }
}
