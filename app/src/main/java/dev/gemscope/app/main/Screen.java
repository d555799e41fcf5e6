package dev.gemscope.app.main;

/** The main window's tabs, in order. */
public enum Screen {
    OBJECTS("GEM objects"),
    DMABUFS("DMA-BUFs"),
    PROCESSES("Processes & clients"),
    GRAPH("Sharing graph"),
    FAILURES("Failed operations"),
    COMPARE("Compare");

    private final String title;

    Screen(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
