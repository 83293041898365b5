package org.rareearth.shared.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario document that {@link ScenarioReader} rejected. Carries every problem found, not only
 * the first; the message lists them all, separated by {@code "; "}.
 *
 * <p>{@link #malformed()} tells the two kinds apart: text that is not a JSON document at all
 * (empty, or not well-formed JSON) versus a well-formed document whose fields are invalid. A
 * service answers the first as a bad request and the second as unprocessable content.
 */
public class ScenarioException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<ScenarioProblem> problems;
    private final boolean malformed;

    public ScenarioException(List<ScenarioProblem> problems) {
        this(problems, false);
    }

    private ScenarioException(List<ScenarioProblem> problems, boolean malformed) {
        super(problems.stream().map(ScenarioProblem::toString).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ScenarioException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
        this.malformed = malformed;
    }

    /** The text is empty or not well-formed JSON: there is no document to validate. */
    public static ScenarioException malformed(ScenarioProblem problem) {
        return new ScenarioException(List.of(problem), true);
    }

    /** Every problem, in document order. */
    public List<ScenarioProblem> problems() {
        return problems;
    }

    /** True when the text was no JSON document at all; false when the fields of a document are invalid. */
    public boolean malformed() {
        return malformed;
    }
}
