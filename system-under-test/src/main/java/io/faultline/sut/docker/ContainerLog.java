package io.faultline.sut.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams a container's output (stdout and stderr) into a file on this host, appending, as it is
 * written, so the file is complete up to the moment it is read even while the container runs.
 * One follower per container start; {@link #close()} stops following (idempotent).
 */
final class ContainerLog implements AutoCloseable {
    private final ResultCallback.Adapter<Frame> callback;
    private final OutputStream out;

    private ContainerLog(ResultCallback.Adapter<Frame> callback, OutputStream out) {
        this.callback = callback;
        this.out = out;
    }

    /**
     * Follows {@code containerId}'s output from {@code sinceEpochSecond} on (0: from its creation)
     * into {@code file}.
     */
    static ContainerLog follow(DockerClient docker, String containerId, int sinceEpochSecond, Path file) {
        OutputStream out;
        try {
            Files.createDirectories(file.getParent());
            out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the container log " + file, e);
        }
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                try {
                    synchronized (out) {
                        out.write(frame.getPayload());
                        out.flush();
                    }
                } catch (IOException e) {
                    // the file was closed under us: stop quietly
                }
            }
        };
        docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withFollowStream(true)
                .withSince(sinceEpochSecond).exec(callback);
        return new ContainerLog(callback, out);
    }

    @Override
    public void close() {
        try {
            callback.close();
        } catch (IOException ignored) {
            // the stream is gone either way
        }
        synchronized (out) {
            try {
                out.close();
            } catch (IOException ignored) {
                // nothing more to write
            }
        }
    }
}
