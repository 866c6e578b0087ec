package org.braid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.braid.testing.BraidJvm;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickStartTest {
    @TempDir
    Path dir;

    @Test
    void longWorkIsTheWindowCaptureBenchAPipeOrTracesOfTheThresholdInAll() throws IOException {
        Path small = Files.write(dir.resolve("a.pcap"), new byte[600]);
        Files.write(dir.resolve("b.pcap"), new byte[600]);
        assertThat(QuickStart.isLongWork(new String[0], true, 1_000)).isTrue();
        assertThat(QuickStart.isLongWork(new String[] {"capture", "-i", "eth0"}, false, 1_000)).isTrue();
        assertThat(QuickStart.isLongWork(new String[] {"bench", small.toString()}, false, 1_000)).isTrue();
        assertThat(QuickStart.isLongWork(new String[] {"analyze", "-"}, false, 1_000)).isTrue();

        assertThat(QuickStart.isLongWork(new String[] {"analyze", "--json", small.toString()}, false, 1_000)).isFalse();
        assertThat(QuickStart.isLongWork(new String[] {"analyze", small.toString(), small.toString()}, false, 1_000))
                .as("two files of 600 bytes").isTrue();
        assertThat(QuickStart.isLongWork(new String[] {"report", "-o", "out", dir.toString()}, false, 1_000))
                .as("a folder counts its files").isTrue();
        assertThat(QuickStart.isLongWork(new String[] {"report", "-o", dir.toString(), small.toString()}, false, 1_000))
                .as("an option's value is no trace").isFalse();
        assertThat(QuickStart.isLongWork(new String[] {"analyze", dir.resolve("missing").toString()}, false, 1))
                .as("a name of nothing counts nothing; the command reports it").isFalse();
        assertThat(QuickStart.isLongWork(new String[] {"analyze", "--version"}, false, 1)).isFalse();
    }

    @Test
    void theChildDropsTheQuickOptionAndKeepsTheClassPath() {
        List<String> command = QuickStart.relaunchCommand(new String[] {"analyze", "x.pcap"}, false,
                List.of(QuickStart.QUICK_JIT));
        assertThat(command).doesNotContain(QuickStart.QUICK_JIT)
                .contains("-D" + QuickStart.STARTED_AGAIN + "=true", "-D" + QuickStart.LAUNCHED_QUICK + "=true",
                        System.getProperty("java.class.path"))
                .endsWith("org.braid.Main", "analyze", "x.pcap");
    }

    @Test
    void commandLineWorkGetsTheThroughputCollectorAndTheWindowAndCaptureKeepTheirs() {
        List<String> quick = List.of(QuickStart.QUICK_JIT);
        assertThat(QuickStart.relaunchCommand(new String[] {"analyze", "x.pcap"}, false, quick))
                .contains(ThroughputOptions.PARALLEL_GC);
        assertThat(QuickStart.relaunchCommand(new String[] {"report", "-o", "out", "x.pcap"}, false, quick))
                .contains(ThroughputOptions.PARALLEL_GC);
        assertThat(QuickStart.relaunchCommand(new String[] {"x.pcap"}, true, quick))
                .noneMatch(ThroughputOptions::isOwn).contains("-D" + QuickStart.LAUNCHED_QUICK + "=true");
        assertThat(QuickStart.relaunchCommand(new String[] {"capture", "-i", "lo"}, false, quick))
                .noneMatch(ThroughputOptions::isOwn);
    }

    @Test
    void aFullyCompilingJvmStartsAgainOnlyForTheCollector() {
        List<String> plain = List.of("-Xmx2g");
        assertThat(QuickStart.relaunchCommand(new String[] {"analyze", "x.pcap"}, false, plain))
                .as("plain java -jar on a big trace").contains(ThroughputOptions.PARALLEL_GC)
                .doesNotContain("-D" + QuickStart.LAUNCHED_QUICK + "=true");
        assertThat(QuickStart.relaunchCommand(new String[] {"x.pcap"}, true, plain)).as("the window").isNull();
        assertThat(QuickStart.relaunchCommand(new String[] {"capture", "-i", "lo"}, false, plain)).isNull();
        assertThat(QuickStart.relaunchCommand(new String[] {"analyze", "x.pcap"}, false, List.of("-XX:+UseG1GC")))
                .as("the user's collector").isNull();
        assertThat(QuickStart.relaunchCommand(new String[] {"analyze", "x.pcap"}, false,
                List.of(ThroughputOptions.PARALLEL_GC))).as("collected as the work wants already").isNull();
    }

    @Test
    void aQuickJvmStartsLongWorkAgainWithBothCompilers() throws Exception {
        assertThat(run(List.of(QuickStart.QUICK_JIT), "analyze", "--version").output())
                .contains("JIT: quick start");
        // Every command is long work when the threshold is 0 bytes: the answer comes from the child.
        assertThat(run(List.of(QuickStart.QUICK_JIT, "-Dbraid.longWorkBytes=0"), "analyze", "--version").output())
                .contains("JIT: both compilers, started again for long work");
        assertThat(run(List.of(), "analyze", "--version").output()).contains("JIT: both compilers)");
        assertThat(run(List.of("-Dbraid.longWorkBytes=0"), "analyze", "--version").output())
                .as("started again for the collector alone")
                .contains("JIT: both compilers, started again for long work, throughput collector)");
        assertThat(run(List.of(QuickStart.QUICK_JIT, "-Dbraid.longWorkBytes=0"), "analyze", "--version").output())
                .as("the child was given the throughput collector").contains("long work, throughput collector)");
    }

    @Test
    void theChildsOutputAndExitCodeAreTheCommandsOwn() throws Exception {
        String trace = Traces.sampleTrace("two-subflows.pcap").toString();
        Result direct = run(List.of(), "analyze", "--json", trace);
        Result relaunched = run(List.of(QuickStart.QUICK_JIT, "-Dbraid.longWorkBytes=1"), "analyze", "--json", trace);
        assertThat(relaunched).isEqualTo(direct);
        Result missing = run(List.of(QuickStart.QUICK_JIT, "-Dbraid.longWorkBytes=0"), "analyze",
                dir.resolve("none.pcap").toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.ERROR);
    }

    private record Result(int exit, String output) {}

    private static Result run(List<String> options, String... args) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(BraidJvm.command(List.of(), options, args)).redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
