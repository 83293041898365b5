package org.rareearth.deploy;

import java.util.List;

/** What is wrong with a set of manifests, every problem on its own line. */
public final class ManifestProblems extends RuntimeException {

    private final List<String> problems;

    public ManifestProblems(List<String> problems) {
        super(problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
