package org.rareearth.tradedata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.rareearth.tradedata.UploadRejectedException.Reason;

/**
 * The problems of one read, in reading order, up to {@link ReadOptions#maxProblems()}: a file that
 * faulty is almost certainly not what it claims to be, and both readers refuse it with the same words.
 */
public final class ProblemLog {

    private final int max;
    private final String format;
    private final List<DataProblem> problems = new ArrayList<>();

    /**
     * @param max    most problems recorded before the read is refused
     * @param format the format the files claim to be ({@link TradeData#BACI}, {@link TradeData#COMTRADE})
     */
    public ProblemLog(int max, String format) {
        this.max = max;
        this.format = format;
    }

    /**
     * Records a problem.
     *
     * @throws UploadRejectedException TOO_MANY_PROBLEMS when this is one more than the limit
     */
    public void add(DataProblem problem) {
        problems.add(problem);
        if (problems.size() > max) {
            throw new UploadRejectedException(Reason.TOO_MANY_PROBLEMS, "more than " + max
                    + " problems (rareearth.ingest.max-problems); stopped at " + problem.file() + " line "
                    + problem.line() + " (" + problem.message() + "): the files are probably not " + format + " data");
        }
    }

    public void add(String file, long line, String column, String message) {
        add(new DataProblem(file, line, column, message));
    }

    /** Every problem so far, in reading order. */
    public List<DataProblem> problems() {
        return Collections.unmodifiableList(problems);
    }

    public int size() {
        return problems.size();
    }
}
