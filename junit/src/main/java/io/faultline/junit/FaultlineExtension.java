package io.faultline.junit;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 entry point: resolves a {@link FaultlineTests} parameter, whose runs go to
 * {@code target/faultline-store} unless the system property {@code faultline.store} names another
 * directory. Every run cleans up after itself (processes, proxies), also when it fails.
 */
public final class FaultlineExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FaultlineTests.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        return new FaultlineTests(Path.of(System.getProperty("faultline.store", "target/faultline-store")));
    }
}
