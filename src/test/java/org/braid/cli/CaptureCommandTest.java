package org.braid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Argument handling of {@code braid capture}; the capture itself is tested in org.braid.capture. */
class CaptureCommandTest {
    @Test
    void durationAndCountExcludeEachOther() {
        CliRunner.Result result = CliRunner.run("capture", "-i", "lo", "--duration", "1", "--count", "5");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("mutually exclusive");
    }

    @Test
    void interfaceIsRequiredUnlessListing() {
        CliRunner.Result result = CliRunner.run("capture");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("Missing required option: '--interface=IFACE' (see --list-interfaces)");
    }

    @Test
    void listsInterfacesWithAny() {
        CliRunner.Result result = CliRunner.run("capture", "--list-interfaces");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).anyMatch(line -> line.startsWith("any  up"))
                .anyMatch(line -> line.startsWith("lo  up, loopback  127.0.0.1"));
    }

    @Test
    void nonPositiveLimitsAreRefused() {
        assertThat(CliRunner.run("capture", "-i", "lo", "--count", "-1").exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(CliRunner.run("capture", "-i", "lo", "--duration", "0").exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(CliRunner.run("capture", "-i", "lo", "-s", "0").exitCode()).isEqualTo(ExitCodes.ERROR);
    }
}
