package io.paasruntime.core.apps;

/**
 * An app as the API shows it.
 *
 * @param currentRelease the release serving now, or null
 * @param webUrl         the stable address of its web processes, or null
 */
public record AppView(String id, String name, String region, String createdAt, String updatedAt, String deletedAt,
                      CurrentRelease currentRelease, String webUrl) {

    /** The serving release in short. */
    public record CurrentRelease(String id, int version, String status) {
    }
}
