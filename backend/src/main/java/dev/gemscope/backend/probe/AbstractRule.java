package dev.gemscope.backend.probe;

/** Id, title and citation of a rule; subclasses add the expectation and the check. */
abstract class AbstractRule implements Rule {

    private final String id;
    private final String title;
    private final String citation;

    AbstractRule(String id, String title, String citation) {
        this.id = id;
        this.title = title;
        this.citation = citation;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final String citation() {
        return citation;
    }

    @Override
    public String toString() {
        return "rule " + id + ": " + title;
    }
}
