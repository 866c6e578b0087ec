package org.braid.ui.viewmodel;

/** Something the window must tell the user in a dialog: what happened, to which file, and the details. */
public record UserMessage(Kind kind, String title, String header, String details) {
    public enum Kind { ERROR, WARNING, INFO }
}
