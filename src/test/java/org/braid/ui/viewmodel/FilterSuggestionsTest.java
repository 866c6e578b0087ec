package org.braid.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The filter bar completes field names, offers its history, and guesses the field a typo meant. */
class FilterSuggestionsTest {
    private static final List<String> FIELDS = List.of("ip.addr", "ip.src", "ip.dst", "tcp.port", "tcp.stream");

    @Test
    void theWordBeingTypedCompletesToFieldNames() {
        assertThat(FilterSuggestions.completions("tcp.port == 80 && ip.", FIELDS, List.of()))
                .containsExactly("tcp.port == 80 && ip.addr", "tcp.port == 80 && ip.src", "tcp.port == 80 && ip.dst");
        assertThat(FilterSuggestions.completions("tcp.s", FIELDS, List.of())).containsExactly("tcp.stream");
        assertThat(FilterSuggestions.completions("", FIELDS, List.of("tcp.port == 80"))).isEmpty();
    }

    @Test
    void historyEntriesStartingWithTheTextAreOffered() {
        FilterBarViewModel bar = new FilterBarViewModel();
        bar.markApplied("tcp.port == 80");
        bar.markApplied("mptcp.subtype == 2");
        bar.markApplied("tcp.port == 80"); // again: moves to the front, once
        assertThat(bar.history()).containsExactly("tcp.port == 80", "mptcp.subtype == 2");
        assertThat(bar.suggestions("tcp.port =")).contains("tcp.port == 80");
    }

    @Test
    void anUnknownFieldGetsTheNearestKnownOne() {
        FilterBarViewModel bar = new FilterBarViewModel();
        bar.textProperty().set("ip.adr == 10.0.0.1");
        assertThat(bar.messageProperty().get()).startsWith("column 1: unknown field 'ip.adr'")
                .endsWith("; did you mean 'ip.addr'?");
        bar.textProperty().set("zzzzzzzz == 1");
        assertThat(bar.messageProperty().get()).doesNotContain("did you mean");
        assertThat(FilterSuggestions.edits("ip.adr", "ip.addr")).isEqualTo(1);
    }
}
