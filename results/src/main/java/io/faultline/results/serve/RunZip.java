package io.faultline.results.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Streams a run directory as a zip whose entries sit under {@code <test>/<time>/}. Symbolic links are not
 * followed, hidden files (temporary files being written) are left out. Stateless.
 */
final class RunZip {

    private RunZip() {
    }

    static void write(Path storeRoot, Path runDir, OutputStream out) throws IOException {
        Path real = runDir.toRealPath();
        Path prefix = real.getParent().getFileName().resolve(real.getFileName());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(real)) {
            files = walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
        try (ZipOutputStream zip = new ZipOutputStream(new NonClosing(out))) {
            for (Path file : files) {
                String name = prefix.resolve(real.relativize(file)).toString().replace('\\', '/');
                zip.putNextEntry(new ZipEntry(name));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
