package org.rareearth.shared.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario document that {@link ScenarioReader} rejected. Carries every problem found, not only
 * the first; the message lists them all, separated by {@code "; "}.
 */
public class ScenarioException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<ScenarioProblem> problems;

    public ScenarioException(List<ScenarioProblem> problems) {
        super(problems.stream().map(ScenarioProblem::toString).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ScenarioException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in document order. */
    public List<ScenarioProblem> problems() {
        return problems;
    }
}
