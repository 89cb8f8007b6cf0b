package io.paasruntime.local.orchestration;

import io.paasruntime.spi.orchestration.AppRef;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What one instance runs. {@link #toString()} leaves the env out: values are secrets.
 *
 * @param index   the {@code N} of {@code type.N}
 * @param slot    unique among the app's instances of this runtime: names its pid file and run dir
 *                (a replacement of {@code web.1} runs beside the old {@code web.1} for a moment)
 * @param releaseDir  the unpacked release: the working directory
 * @param instanceDir the instance's own directory in the {@link AppTree}, holding its HOME and TMPDIR
 * @param env     the release's config vars
 * @param port    the {@code PORT} of a {@code web} instance
 */
record InstanceSpec(AppRef app, int version, String type, int index, String slot, String command, Path releaseDir,
                    Path instanceDir, Map<String, String> env, OptionalInt port, ProcessSize size) {

    InstanceSpec {
        env = Map.copyOf(env);
    }

    /** The PS-style id, e.g. {@code web.1}. */
    String id() {
        return type + "." + index;
    }

    /** The order instances were created in: the number ending the slot. */
    long sequence() {
        return Long.parseLong(slot.substring(slot.lastIndexOf('-') + 1));
    }

    @Override
    public String toString() {
        return "InstanceSpec[" + app.appName() + " v" + version + " " + id() + " (" + slot + ")]";
    }
}
