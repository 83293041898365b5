package org.rareearth.shared.scenario;

/**
 * A {@link PolicyEvent} built with a value its invariants forbid. Thrown by the records'
 * constructors, so an invalid event never exists; {@link ScenarioReader} checks the same rules
 * field by field first and reports each at its path instead.
 */
public class InvalidEventException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final PolicyEventType type;
    private final String field;
    private final String problem;

    /**
     * @param field   the event's field ({@link EventFields}), or {@code ""} for the event as a whole
     * @param problem what is wrong, e.g. {@code must be between 0 and 1, was 1.5}
     */
    public InvalidEventException(PolicyEventType type, String field, String problem) {
        super(type + (field.isEmpty() ? "" : " " + field) + ": " + problem);
        this.type = type;
        this.field = field;
        this.problem = problem;
    }

    public PolicyEventType type() {
        return type;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
