package org.braid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputOptionsTest {
    private static final String MADVISE = "always [madvise] never\n";

    @Test
    void linuxThatLendsHugePagesGetsTheCollectorAndHugePages() {
        assertThat(ThroughputOptions.forLongWork(List.of("-Xmx1g"), "Linux", MADVISE))
                .containsExactly(ThroughputOptions.PARALLEL_GC, ThroughputOptions.HUGE_PAGES);
        assertThat(ThroughputOptions.forLongWork(List.of(), "Linux", "[always] madvise never"))
                .containsExactly(ThroughputOptions.PARALLEL_GC, ThroughputOptions.HUGE_PAGES);
    }

    @Test
    void hugePagesOnlyWhereTheJvmKnowsTheOptionAndTheKernelLendsThem() {
        assertThat(ThroughputOptions.forLongWork(List.of(), "Linux", "always madvise [never]"))
                .as("the JVM would warn on stdout, into a JSON report").containsExactly(ThroughputOptions.PARALLEL_GC);
        assertThat(ThroughputOptions.forLongWork(List.of(), "Linux", "")).containsExactly(ThroughputOptions.PARALLEL_GC);
        assertThat(ThroughputOptions.forLongWork(List.of(), "Mac OS X", MADVISE))
                .as("an unknown option stops the JVM").containsExactly(ThroughputOptions.PARALLEL_GC);
        assertThat(ThroughputOptions.forLongWork(List.of(), "Windows 11", MADVISE))
                .containsExactly(ThroughputOptions.PARALLEL_GC);
        assertThat(ThroughputOptions.forLongWork(List.of("-XX:-UseTransparentHugePages"), "Linux", MADVISE))
                .as("the user's own choice").containsExactly(ThroughputOptions.PARALLEL_GC);
    }

    @Test
    void aCollectorTheUserChoseIsKeptAlone() {
        // Two collectors stop the JVM at start.
        assertThat(ThroughputOptions.forLongWork(List.of("-XX:+UseG1GC"), "Linux", MADVISE)).isEmpty();
        assertThat(ThroughputOptions.forLongWork(List.of("-XX:+UseZGC", "-Xmx4g"), "Linux", MADVISE)).isEmpty();
        assertThat(ThroughputOptions.forLongWork(List.of("-XX:+UseSerialGC"), "Linux", MADVISE)).isEmpty();
    }

    @Test
    void aJvmStartedWithTheOptionsGivesThemAgain() {
        // A benchmark started for long work starts an analysis as a user's launcher would.
        assertThat(ThroughputOptions.forLongWork(List.of(ThroughputOptions.PARALLEL_GC, ThroughputOptions.HUGE_PAGES),
                "Linux", MADVISE)).containsExactly(ThroughputOptions.PARALLEL_GC, ThroughputOptions.HUGE_PAGES);
    }

    @Test
    void childrenForOtherWorkLeaveTheOptionsOut() {
        assertThat(ThroughputOptions.isOwn(ThroughputOptions.PARALLEL_GC)).isTrue();
        assertThat(ThroughputOptions.isOwn(ThroughputOptions.HUGE_PAGES)).isTrue();
        assertThat(ThroughputOptions.isOwn("-XX:+UseG1GC")).isFalse();
        assertThat(ThroughputOptions.isOwn("-Xmx1g")).isFalse();
    }
}
