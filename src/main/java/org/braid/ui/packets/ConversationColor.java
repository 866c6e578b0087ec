package org.braid.ui.packets;

/**
 * The ten colours of View > Colorize Conversation, Wireshark's: a conversation coloured with one
 * draws its packets in it, ahead of every colouring rule, until Reset Colorization.
 */
public enum ConversationColor {
    PINK("Pink", "#ffc0c0"),
    MAGENTA("Magenta", "#ffc0ff"),
    PURPLE("Purple", "#e0c0e0"),
    BLUE("Blue", "#c0c0ff"),
    TEAL("Teal", "#c0e0e0"),
    CYAN("Cyan", "#c0ffff"),
    GREEN("Green", "#c0ffc0"),
    YELLOW("Yellow", "#ffffc0"),
    OLIVE("Olive", "#e0e0c0"),
    GREY("Grey", "#e0e0e0");

    private final String title;
    private final String hex;

    ConversationColor(String title, String hex) {
        this.title = title;
        this.hex = hex;
    }

    public String title() { return title; }

    /** The colour as CSS writes it. */
    public String hex() { return hex; }

    /** The CSS style class of rows of this colour (braid.css). */
    public String styleClass() { return "conversation-" + name().toLowerCase(java.util.Locale.ROOT); }
}
