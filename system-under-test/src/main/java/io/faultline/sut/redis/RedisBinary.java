package io.faultline.sut.redis;

import java.nio.file.Path;

/**
 * A checked, runnable {@code redis-server}.
 *
 * @param path    the executable
 * @param version what {@code --version} printed
 * @param source  where it was found: "redisBinary option", "PATH" or "embedded-redis jar"
 */
public record RedisBinary(Path path, String version, String source) {
}
