package io.faultline.sut.redis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds a {@code redis-server} binary, in this order: an explicit path; {@code redis-server} on
 * {@code PATH}; the binary shipped in the {@code com.github.codemonstur:embedded-redis} jar,
 * extracted once to a cache directory (default {@code ~/.cache/faultline/redis/}). The chosen
 * binary is checked by running {@code --version}. Thread-safe (extraction is atomic).
 */
public final class RedisBinaryLocator {
    private final String pathVariable;
    private final Path cacheDir;

    private RedisBinaryLocator(String pathVariable, Path cacheDir) {
        this.pathVariable = pathVariable == null ? "" : pathVariable;
        this.cacheDir = cacheDir;
    }

    /** A locator using this process's {@code PATH} and the default cache directory. */
    public static RedisBinaryLocator standard() {
        return new RedisBinaryLocator(System.getenv("PATH"),
                Path.of(System.getProperty("user.home"), ".cache", "faultline", "redis"));
    }

    /** A locator with an explicit {@code PATH} value (may be empty) and cache directory. */
    public static RedisBinaryLocator with(String pathVariable, Path cacheDir) {
        return new RedisBinaryLocator(pathVariable, cacheDir);
    }

    /**
     * The binary to use.
     *
     * @param explicit a path given by the user, or null to search
     * @throws RedisBinaryException if the explicit binary is missing or unusable, or nothing usable is found
     */
    public RedisBinary locate(Path explicit) {
        if (explicit != null) {
            if (!Files.exists(explicit)) {
                throw new RedisBinaryException("redisBinary " + explicit + " does not exist: point redisBinary at a "
                        + "redis-server executable, or leave it unset to use redis-server from PATH or the one in embedded-redis");
            }
            return verify(explicit, "redisBinary option");
        }
        Optional<Path> onPath = findOnPath();
        if (onPath.isPresent()) {
            return verify(onPath.get(), "PATH");
        }
        return verify(extractEmbedded(), "embedded-redis jar");
    }

    Optional<Path> findOnPath() {
        for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The resource name of the embedded binary for this OS and architecture. */
    static String embeddedResource() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean arm = arch.contains("aarch64") || arch.contains("arm64");
        if (os.contains("linux")) {
            return arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
        }
        throw new RedisBinaryException("no embedded redis-server for " + os + "/" + arch
                + ": install redis-server and put it on PATH, or set redisBinary");
    }

    Path extractEmbedded() {
        String resource = embeddedResource();
        Path target = cacheDir.resolve(resource);
        if (Files.isExecutable(target)) {
            return target;
        }
        try (InputStream in = RedisBinaryLocator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new RedisBinaryException("no redis-server on PATH and resource " + resource + " is not on the "
                        + "classpath: install redis-server (apt-get install -y redis-server), set redisBinary, or add "
                        + "com.github.codemonstur:embedded-redis to the classpath");
            }
            Files.createDirectories(cacheDir);
            Path tmp = Files.createTempFile(cacheDir, resource, ".part");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            if (!tmp.toFile().setExecutable(true, false)) {
                throw new IOException("cannot make " + tmp + " executable");
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new RedisBinaryException("cannot extract embedded " + resource + " to " + cacheDir + ": " + e.getMessage()
                    + " (set redisBinary or put redis-server on PATH)", e);
        }
    }

    private static RedisBinary verify(Path binary, String source) {
        if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
            throw new RedisBinaryException("redis binary " + binary + " (from " + source + ") is not an executable file: "
                    + "chmod +x it or point redisBinary at a working redis-server");
        }
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--version"));
        String output;
        int exit;
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new RedisBinaryException("redis binary " + binary + " (from " + source + ") did not answer "
                        + "--version within 10s: point redisBinary at a working redis-server");
            }
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            exit = p.exitValue();
        } catch (IOException e) {
            throw new RedisBinaryException("redis binary " + binary + " (from " + source + ") cannot be run: "
                    + e.getMessage() + ". Install redis-server (apt-get install -y redis-server; the embedded one "
                    + "needs libssl3) or point redisBinary at a working redis-server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisBinaryException("interrupted while checking redis binary " + binary, e);
        }
        if (exit != 0 || !output.startsWith("Redis server")) {
            throw new RedisBinaryException("redis binary " + binary + " (from " + source + ") is not usable: `"
                    + binary + " --version` exited " + exit + " saying: " + abbreviate(output)
                    + ". Install redis-server (apt-get install -y redis-server) or point redisBinary at a working one");
        }
        return new RedisBinary(binary, output, source);
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
