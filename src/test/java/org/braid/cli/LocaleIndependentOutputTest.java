package org.braid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What scripts read (the JSON, the CSV files, the text of {@code analyze} and {@code info}) is the
 * same byte for byte whatever the machine's locale: Turkish lowercases {@code I} to a dotless
 * {@code ı} ("data_fın"), German writes {@code 1,500000}.
 */
class LocaleIndependentOutputTest {
    /**
     * Between them: reinjections and goodput, checksum failures, a fallback after MP_FAIL, refused
     * MPTCP, MP_FASTCLOSE, zero windows and backup changes.
     */
    private static final List<String> TRACES = List.of("loss-reinjections.pcap", "checksum-fail-two-subflows.pcap",
            "checksum-fail-one-subflow.pcap", "fallback-tcp.pcap", "fastclose.pcap", "zero-window.pcap",
            "mp-prio-backup.pcap");
    private static final Locale TURKISH = Locale.forLanguageTag("tr-TR");
    private static final Locale GERMAN = Locale.forLanguageTag("de-DE");

    @TempDir
    Path dir;

    /** Guards the test itself: on a JVM without these locales' data it would prove nothing. */
    @Test
    void theLocalesReallyDifferFromRoot() {
        assertThat("FIN".toLowerCase(TURKISH)).isNotEqualTo("FIN".toLowerCase(Locale.ROOT));
        assertThat(String.format(GERMAN, "%.1f", 1.5)).isNotEqualTo(String.format(Locale.ROOT, "%.1f", 1.5));
        assertThat(String.format(GERMAN, "%,d", 1500)).isNotEqualTo(String.format(Locale.ROOT, "%,d", 1500));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tr-TR", "de-DE", "en-US"})
    void outputIsByteIdenticalToTheRootLocale(String tag) throws IOException {
        Map<String, String> root = outputsUnder(Locale.ROOT);
        assertThat(root.values()).as("the traces give decimals and lowercase names to get wrong")
                .anyMatch(text -> text.contains("data_fin")).anyMatch(text -> text.matches("(?s).*\\d\\.\\d{6}.*"));
        Map<String, String> other = outputsUnder(Locale.forLanguageTag(tag));
        assertThat(other.keySet()).isEqualTo(root.keySet());
        for (String key : root.keySet()) {
            assertThat(other.get(key)).as(key + " under " + tag).isEqualTo(root.get(key));
        }
    }

    /** Every output of every trace, keyed by command and file, run with {@code locale} as the default. */
    private Map<String, String> outputsUnder(Locale locale) throws IOException {
        Locale saved = Locale.getDefault();
        Locale savedFormat = Locale.getDefault(Locale.Category.FORMAT);
        Locale savedDisplay = Locale.getDefault(Locale.Category.DISPLAY);
        Locale.setDefault(locale);
        try {
            Map<String, String> outputs = new LinkedHashMap<>();
            for (String name : TRACES) {
                String trace = Traces.sampleTrace(name).toString();
                outputs.put(name + " analyze --json", stdout("analyze", "--json", trace));
                outputs.put(name + " analyze", stdout("analyze", trace));
                outputs.put(name + " info --json", stdout("info", "--json", trace));
                outputs.put(name + " info", stdout("info", trace));
                Path out = dir.resolve(name);
                outputs.put(name + " report", stdout("report", trace, "--out", out.toString()));
                try (Stream<Path> files = Files.list(out)) {
                    for (Path csv : files.sorted().toList()) {
                        // The manifest names the time it was written; every other byte must not move.
                        String text = Files.readString(csv).replaceAll("\"created\" : \"[^\"]*\"", "\"created\"");
                        outputs.put(name + " report " + csv.getFileName(), text);
                    }
                }
            }
            return outputs;
        } finally {
            Locale.setDefault(saved);
            Locale.setDefault(Locale.Category.FORMAT, savedFormat);
            Locale.setDefault(Locale.Category.DISPLAY, savedDisplay);
        }
    }

    private static String stdout(String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isLessThanOrEqualTo(1);
        return result.out();
    }
}
