package io.faultline.nemesis.network;

import io.faultline.core.net.Grudge;
import io.faultline.core.net.Net;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Net} that records the calls made to it. */
public final class RecordingNet implements Net {

    public final List<String> calls = new ArrayList<>();
    public Grudge current = Grudge.none();

    @Override
    public void partition(Grudge grudge) {
        calls.add("partition " + grudge);
        current = grudge;
    }

    @Override
    public void heal() {
        calls.add("heal");
        current = Grudge.none();
    }

    @Override
    public void slow(Duration mean, Duration jitter) {
        calls.add("slow " + mean.toMillis() + "±" + jitter.toMillis());
    }

    @Override
    public void flaky(double probability) {
        calls.add("flaky " + probability);
    }

    @Override
    public void fast() {
        calls.add("fast");
    }

    @Override
    public void bandwidth(long kbitPerSecond) {
        calls.add("bandwidth " + kbitPerSecond);
    }
}
