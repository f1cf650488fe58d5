package io.faultline.nemesis.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.faultline.nemesis.proxy.EchoServer;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReferenceForwarderTest {

    @Test
    void forwardsBytesBothWaysAndLeavesNoProcessAfterClose() throws Exception {
        assumeTrue(Executables.find("cc").or(() -> Executables.find("gcc")).isPresent(),
                "no C compiler (cc or gcc) on PATH: the reference forwarder cannot be built");
        try (EchoServer echo = EchoServer.start()) {
            Optional<ReferenceForwarder> started = ReferenceForwarder.start(echo.address());
            assertThat(started).isPresent();
            long pid;
            try (ReferenceForwarder forwarder = started.get();
                 Socket socket = new Socket(forwarder.address().getAddress(), forwarder.address().getPort())) {
                pid = ProcessHandle.current().children()
                        .filter(p -> p.info().command().orElse("").endsWith("reference-forwarder"))
                        .findFirst().orElseThrow().pid();
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("hello");
            }
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
        }
    }
}
