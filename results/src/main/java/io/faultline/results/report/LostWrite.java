package io.faultline.results.report;

import java.util.List;

/**
 * An element a set checker found lost, with the write that was acknowledged for it.
 *
 * @param path    where in the result tree the lost elements were listed, e.g. {@code set / lost}
 * @param element the element, as EDN
 * @param index   the index of the acknowledged write's invocation; -1 when no acknowledged write was found
 * @param process the process that wrote it; -1 when not found
 * @param f       the write's function, e.g. {@code add}; "" when not found
 * @param invoked when the write was invoked, seconds; -1 when not found
 * @param acked   when it was acknowledged ({@code :ok}), seconds; -1 when not found
 * @param faults  labels of the faults that may have been in effect at the acknowledgement
 */
public record LostWrite(String path, String element, long index, long process, String f, double invoked,
                        double acked, List<String> faults) {
}
