package io.faultline.sut.docker;

import java.time.Duration;
import java.util.Objects;

/**
 * How the docker runtime runs its Redis nodes.
 *
 * @param image       the Redis image, or null for automatic: {@value #DEFAULT_IMAGE} if it is on this
 *                    machine, else {@value #LOCAL_IMAGE} if that is (built by {@code scripts/local-images.sh}),
 *                    else {@value #DEFAULT_IMAGE} pulled. The image must have {@code redis-server} on its PATH.
 * @param restartMode what starting a killed or stopped node does
 * @param pullTimeout how long to wait for a missing image to be pulled
 */
public record DockerOptions(String image, RestartMode restartMode, Duration pullTimeout) {
    /** The public image used where images can be pulled. */
    public static final String DEFAULT_IMAGE = "redis:7.2";
    /** The image {@code scripts/local-images.sh} builds from this machine's own redis-server. */
    public static final String LOCAL_IMAGE = "faultline/redis:7.0";
    /** System property naming the image; wins over {@link #IMAGE_ENV}. */
    public static final String IMAGE_PROPERTY = "faultline.redis.image";
    /** Environment variable naming the image. */
    public static final String IMAGE_ENV = "FAULTLINE_REDIS_IMAGE";
    /** System property choosing the restart mode ({@code same} or {@code fresh}); wins over {@link #RESTART_ENV}. */
    public static final String RESTART_PROPERTY = "faultline.docker.restart";
    /** Environment variable choosing the restart mode. */
    public static final String RESTART_ENV = "FAULTLINE_DOCKER_RESTART";

    public DockerOptions {
        if (image != null && image.isBlank()) {
            throw new IllegalArgumentException("image must be null (automatic) or a name, was '" + image + "'");
        }
        Objects.requireNonNull(restartMode, "restartMode");
        Objects.requireNonNull(pullTimeout, "pullTimeout");
        if (pullTimeout.isNegative() || pullTimeout.isZero()) {
            throw new IllegalArgumentException("pullTimeout must be positive, was " + pullTimeout);
        }
    }

    /** Automatic image, same-container restarts, 2 minutes to pull. */
    public static DockerOptions defaults() {
        return new DockerOptions(null, RestartMode.SAME_CONTAINER, Duration.ofMinutes(2));
    }

    /** The defaults refined by the system properties and environment variables named above. */
    public static DockerOptions fromEnvironment() {
        DockerOptions o = defaults();
        String image = setting(IMAGE_PROPERTY, IMAGE_ENV);
        String restart = setting(RESTART_PROPERTY, RESTART_ENV);
        return new DockerOptions(image != null ? image : o.image(),
                restart != null ? RestartMode.parse(restart) : o.restartMode(), o.pullTimeout());
    }

    public DockerOptions withImage(String v) {
        return new DockerOptions(v, restartMode, pullTimeout);
    }

    public DockerOptions withRestartMode(RestartMode v) {
        return new DockerOptions(image, v, pullTimeout);
    }

    private static String setting(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? null : v.trim();
    }
}
