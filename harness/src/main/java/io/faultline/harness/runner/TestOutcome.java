package io.faultline.harness.runner;

import io.faultline.core.checker.Result;
import io.faultline.core.history.History;
import java.nio.file.Path;

/**
 * What a finished test run left: its directory in the store, the history and the checker's result.
 *
 * @param runDirectory the run's directory ({@code store/<test>/<time>})
 * @param history      the recorded history
 * @param result       the verdict and details
 * @param interrupted  true when the run was cut short (Ctrl-C); the verdict covers what was recorded
 */
public record TestOutcome(Path runDirectory, History history, Result result, boolean interrupted) {
}
