package org.braid.ui.viewmodel;

import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.braid.filter.FieldResolver;
import org.braid.filter.Filter;
import org.braid.filter.FilterParser;
import org.braid.filter.FilterResult;
import org.braid.ui.packets.ConversationColor;
import org.braid.ui.packets.PacketSummaries;

/**
 * Colorize Conversation: temporary colouring rules, each a conversation's display filter with one
 * of the ten colours, that take precedence over the colouring rules (the newest first) until
 * Reset Colorization. They are not saved. Rows are matched when shown, so only visible rows cost.
 */
public final class ConversationColoring {
    /**
     * A temporary rule.
     *
     * @param name   what the legend calls it (the conversation)
     * @param filter the display filter selecting the conversation's packets
     */
    public record Rule(String name, String filter, ConversationColor color, Filter compiled) {}

    private final ObservableList<Rule> rules = FXCollections.observableArrayList();
    private final Supplier<FieldResolver> fields;

    ConversationColoring(Supplier<FieldResolver> fields) {
        this.fields = fields;
    }

    /**
     * Colours the packets {@code filter} selects with {@code color}, replacing an earlier colour of
     * the same conversation; false when the filter is not valid.
     */
    public boolean colorize(String name, String filter, ConversationColor color) {
        FilterResult result = FilterParser.parse(filter, fields.get());
        if (!result.isValid()) {
            return false;
        }
        rules.removeIf(rule -> rule.filter().equals(filter));
        rules.add(0, new Rule(name, filter, color, result.filter()));
        return true;
    }

    /** Drops every temporary rule. */
    public void reset() {
        rules.clear();
    }

    /** The temporary rules, the one applied first at the top. */
    public ObservableList<Rule> rules() { return rules; }

    /** The colour of packet {@code index}, or null when no temporary rule selects it. */
    public ConversationColor colorOf(PacketSummaries summaries, int index) {
        for (Rule rule : rules) {
            if (summaries.matches(rule.compiled(), index)) {
                return rule.color();
            }
        }
        return null;
    }
}
