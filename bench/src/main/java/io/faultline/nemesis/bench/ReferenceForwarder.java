package io.faultline.nemesis.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The benchmark's yardstick: {@code reference-forwarder.c}, the least a user-space TCP forwarder
 * can do per message (one epoll thread, one read and one write per hop), compiled with {@code cc}
 * into a temporary directory and run on a free 127.0.0.1 port in front of the backend. If the
 * fault proxy comes out near it, what remains between the proxy and direct is the machine's
 * loopback TCP, not the proxy.
 *
 * <p>The forwarder exits when its standard input closes, so it ends with the JVM even on SIGKILL;
 * {@link #close} stops it and deletes the temporary directory.
 */
final class ReferenceForwarder implements AutoCloseable {

    private static final String SOURCE = "reference-forwarder.c";

    private final Process process;
    private final Path directory;
    private final InetSocketAddress address;

    private ReferenceForwarder(Process process, Path directory, InetSocketAddress address) {
        this.process = process;
        this.directory = directory;
        this.address = address;
    }

    /**
     * Compiles and starts the forwarder in front of {@code upstream} (a 127.0.0.1 port); empty,
     * with the reason printed, when there is no C compiler or it cannot be built.
     */
    static Optional<ReferenceForwarder> start(InetSocketAddress upstream) throws Exception {
        Optional<String> compiler = Executables.find("cc").or(() -> Executables.find("gcc"));
        if (compiler.isEmpty()) {
            System.out.println("reference forwarder: skipped, no C compiler (cc or gcc) on PATH");
            return Optional.empty();
        }
        Path directory = Files.createTempDirectory("faultline-reference-forwarder");
        try {
            Path source = directory.resolve(SOURCE);
            try (InputStream in = ReferenceForwarder.class.getResourceAsStream(SOURCE)) {
                if (in == null) throw new IOException("resource " + SOURCE + " missing from the classpath");
                Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
            }
            Path binary = directory.resolve("reference-forwarder");
            Process cc = ChildProcesses.start(new ProcessBuilder(compiler.get(), "-O2", "-o", binary.toString(),
                    source.toString()).redirectErrorStream(true));
            String ccOutput = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            cc.waitFor(60, TimeUnit.SECONDS); // its output ends before it exits: wait for the exit code
            ChildProcesses.stop(cc);
            if (cc.exitValue() != 0) {
                System.out.println("reference forwarder: skipped, " + compiler.get() + " failed: " + ccOutput.strip());
                deleteTree(directory);
                return Optional.empty();
            }
            int port = freePort();
            Process process = ChildProcesses.start(new ProcessBuilder(binary.toString(), String.valueOf(port),
                    String.valueOf(upstream.getPort())).redirectError(ProcessBuilder.Redirect.INHERIT));
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
            String line = out.readLine();
            if (!"ready".equals(line)) {
                ChildProcesses.stop(process);
                throw new IOException("reference forwarder on port " + port + " did not start (said: " + line + ")");
            }
            return Optional.of(new ReferenceForwarder(process, directory, new InetSocketAddress("127.0.0.1", port)));
        } catch (Exception e) {
            deleteTree(directory);
            throw e;
        }
    }

    InetSocketAddress address() {
        return address;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            process.getOutputStream().close(); // the forwarder exits when its stdin closes
            process.waitFor(2, TimeUnit.SECONDS);
        } finally {
            ChildProcesses.stop(process);
            deleteTree(directory);
        }
    }
}
