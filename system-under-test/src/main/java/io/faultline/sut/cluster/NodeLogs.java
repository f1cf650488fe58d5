package io.faultline.sut.cluster;

import java.nio.file.Path;
import java.util.List;

/** Nodes whose logs can be collected. */
public interface NodeLogs {
    /** The node's log files (Redis log, agent log); they may not exist yet. */
    List<Path> logFiles(String node);
}
