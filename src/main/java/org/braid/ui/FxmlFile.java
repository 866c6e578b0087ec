package org.braid.ui;

import java.net.URL;

/** The window's top-level FXML files (they include the rest from the same folder). */
public enum FxmlFile {
    MAIN("/fxml/main.fxml");

    private final String resource;

    FxmlFile(String resource) {
        this.resource = resource;
    }

    public URL url() {
        URL url = FxmlFile.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("FXML resource missing from the build: " + resource);
        }
        return url;
    }
}
