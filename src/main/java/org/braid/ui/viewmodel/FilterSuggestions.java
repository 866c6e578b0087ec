package org.braid.ui.viewmodel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the filter bar offers while typing: completions of the field name being typed and earlier
 * filters that start with the text; and, for an unknown field, the nearest known one ("did you mean").
 */
final class FilterSuggestions {
    private static final Pattern UNKNOWN = Pattern.compile("unknown field '([^']*)'");
    /** Names further than this many edits from the typed one are no guess. */
    private static final int MAX_EDITS = 3;
    private static final int MAX_SUGGESTIONS = 12;

    private FilterSuggestions() {}

    /** Whole filter texts: {@code typed} with its last word completed to a field name, then matching history. */
    static List<String> completions(String typed, java.util.Collection<String> fieldNames, List<String> history) {
        String text = typed == null ? "" : typed;
        List<String> out = new ArrayList<>();
        int start = lastWordStart(text);
        String word = text.substring(start);
        if (!word.isEmpty()) {
            for (String name : fieldNames) {
                if (name.startsWith(word) && !name.equals(word)) {
                    out.add(text.substring(0, start) + name);
                }
            }
        }
        for (String earlier : history) {
            if (!text.isBlank() && earlier.startsWith(text) && !earlier.equals(text) && !out.contains(earlier)) {
                out.add(earlier);
            }
        }
        return out.size() > MAX_SUGGESTIONS ? out.subList(0, MAX_SUGGESTIONS) : out;
    }

    /** For an "unknown field 'x'" error, the known field nearest to x; empty otherwise. */
    static Optional<String> didYouMean(String error, java.util.Collection<String> fieldNames) {
        Matcher m = UNKNOWN.matcher(error);
        if (!m.find()) {
            return Optional.empty();
        }
        String typed = m.group(1).toLowerCase(Locale.ROOT);
        return fieldNames.stream()
                .filter(name -> edits(typed, name) <= MAX_EDITS)
                .min(Comparator.comparingInt((String name) -> edits(typed, name)).thenComparing(Comparator.naturalOrder()));
    }

    private static int lastWordStart(String text) {
        int i = text.length();
        while (i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '.'
                || text.charAt(i - 1) == '_')) {
            i--;
        }
        return i;
    }

    /** Levenshtein distance. */
    static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
