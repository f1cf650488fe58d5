package io.faultline.results.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Renders {@code report.html}: {@link ReportModelBuilder} computes the model, {@link HtmlReport} writes it.
 * The file is written beside its target and moved into place, so a reader never sees half a report.
 */
public final class Report {

    private Report() {
    }

    /**
     * Writes the report of a run to a file.
     *
     * @return the model that was rendered (its figures feed the store's index)
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static ReportModel write(ReportInput input, Path file) {
        ReportModel model = ReportModelBuilder.build(input);
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                HtmlReport.write(model, out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file, e);
        }
        return model;
    }
}
