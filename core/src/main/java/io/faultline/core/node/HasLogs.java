package io.faultline.core.node;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A system under test whose nodes write log files that the harness keeps with each run. */
public interface HasLogs {

    /** For each node, its log files as they are now; files may be missing if a node never started. */
    Map<String, List<Path>> logFiles();
}
