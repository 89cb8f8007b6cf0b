package io.paasruntime.local.orchestration;

import io.paasruntime.spi.ProviderException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The unprivileged user apps run as when the runtime itself runs as root. Apps are other people's
 * code: as root they could read the runtime's keys and database. Its group is every app's group;
 * each app runs under its own uid ({@link AppUids}).
 */
record AppUser(String name, int uid, int gid) {

    /** Empty when the runtime is not root (apps then run as the runtime's own user). */
    static Optional<AppUser> forRuntime(String name) {
        if (!runtimeIsRoot()) {
            return Optional.empty();
        }
        Optional<AppUser> user = lookup(name);
        if (user.isPresent()) {
            return user;
        }
        create(name);
        return Optional.of(lookup(name).orElseThrow(() -> ProviderException.invalid("orchestration.run-as-user",
                "user " + name + " was created but cannot be found in /etc/passwd")));
    }

    static boolean runtimeIsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Gives {@code path} to an app's uid in this user's group (the runtime stays able to delete it). */
    void own(Path path, int appUid) throws IOException {
        Files.setAttribute(path, "unix:uid", appUid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    }

    private static Optional<AppUser> lookup(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] f = line.split(":");
                if (f.length >= 4 && f[0].equals(name)) {
                    return Optional.of(new AppUser(name, Integer.parseInt(f[2]), Integer.parseInt(f[3])));
                }
            }
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            throw ProviderException.internal("cannot read /etc/passwd: " + e.getMessage(), e);
        }
    }

    private static void create(String name) {
        List<String> command = List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw ProviderException.invalid("orchestration.run-as-user",
                        "could not create the app user " + name + " with useradd: " + output);
            }
        } catch (IOException e) {
            throw ProviderException.invalid("orchestration.run-as-user",
                    "could not run useradd to create the app user " + name + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.internal("interrupted while creating the app user", e);
        }
    }
}
