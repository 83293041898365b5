package org.rareearth.simulation.solver;

/**
 * LU decomposition with partial (row) pivoting, {@code P A = L U}, of a dense square matrix, for
 * the Newton steps (MODEL.md 3). Factors in place: the matrix passed to {@link #factorInPlace} is
 * overwritten with {@code L} (unit diagonal, below) and {@code U} (on and above the diagonal).
 *
 * <p><b>Singular to working precision.</b> A pivot is refused when it is not above
 * {@code n * 2^-52} times the scale of its row <em>and</em> of its column in the matrix as given
 * (scale = largest absolute entry): elimination then left only rounding noise, so the matrix is
 * singular up to rounding and a solve would return noise amplified by {@code 1/pivot}. The test is
 * relative, so a well-conditioned matrix with tiny (or huge) entries is still factored; comparing
 * with the row's and the column's own scale keeps a matrix whose rows or columns differ by many
 * orders of magnitude (exporters of very different size) factorable. Not finite entries make the
 * matrix singular too.
 */
public final class LuDecomposition {

    /** Multiplied by {@code n}: the largest relative pivot that is still rounding noise. */
    static final double MACHINE_EPSILON = Math.ulp(1.0);

    private final double[][] lu;
    private final int[] pivot;
    /** Why the matrix is singular, or {@code null} when it is not. */
    private final String singularity;

    private LuDecomposition(double[][] lu, int[] pivot, String singularity) {
        this.lu = lu;
        this.pivot = pivot;
        this.singularity = singularity;
    }

    /** Factors a copy of {@code a}; {@code a} is left unchanged. */
    public static LuDecomposition of(double[][] a) {
        double[][] copy = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = a[i].clone();
        }
        return factorInPlace(copy);
    }

    /** Factors {@code a} in place (rows are swapped and overwritten). */
    public static LuDecomposition factorInPlace(double[][] a) {
        int n = a.length;
        int[] pivot = new int[n];
        String singularity = null;
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("matrix is not square: row " + i + " has " + a[i].length + " columns, expected " + n);
            }
            pivot[i] = i;
        }
        // the scales of the matrix as given; rowScale follows its row through the exchanges
        double[] rowScale = new double[n];
        double[] columnScale = new double[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < n; c++) {
                double v = Math.abs(a[i][c]);
                rowScale[i] = Math.max(rowScale[i], v);
                columnScale[c] = Math.max(columnScale[c], v);
            }
        }
        double tolerance = n * MACHINE_EPSILON;
        for (int k = 0; k < n; k++) {
            // partial pivoting: the largest |a[r][k]| among rows r >= k
            int best = k;
            double bestAbs = Math.abs(a[k][k]);
            for (int r = k + 1; r < n; r++) {
                double v = Math.abs(a[r][k]);
                if (v > bestAbs) {
                    bestAbs = v;
                    best = r;
                }
            }
            if (!Double.isFinite(bestAbs)) {
                singularity = singularity != null ? singularity : "entry " + bestAbs + " in column " + k;
                continue;
            }
            double scale = Math.min(rowScale[best], columnScale[k]);
            if (!(bestAbs > tolerance * scale)) {
                // the first refused pivot names the trouble; later ones follow from it
                singularity = singularity != null ? singularity : "pivot " + bestAbs + " in column " + k
                        + " is rounding noise (at most " + tolerance + " times the scale " + scale
                        + " of its row and column)";
                continue;
            }
            if (best != k) {
                double[] row = a[k];
                a[k] = a[best];
                a[best] = row;
                double s = rowScale[k];
                rowScale[k] = rowScale[best];
                rowScale[best] = s;
                int p = pivot[k];
                pivot[k] = pivot[best];
                pivot[best] = p;
            }
            double[] rowK = a[k];
            double inv = 1.0 / rowK[k];
            for (int r = k + 1; r < n; r++) {
                double[] rowR = a[r];
                double factor = rowR[k] * inv;
                if (factor == 0) {
                    continue;
                }
                rowR[k] = factor;
                for (int c = k + 1; c < n; c++) {
                    rowR[c] -= factor * rowK[c];
                }
            }
        }
        return new LuDecomposition(a, pivot, singularity);
    }

    /**
     * True when the matrix is singular to working precision (a pivot was rounding noise, see the
     * class comment) or has an entry that is not finite: {@link #solve} then throws.
     */
    public boolean isSingular() {
        return singularity != null;
    }

    /** Why the matrix is singular (e.g. {@code "pivot 1.1E-16 in column 2 is rounding noise ..."}), or {@code null}. */
    public String singularity() {
        return singularity;
    }

    public int size() {
        return pivot.length;
    }

    /** Solves {@code A x = b}; {@code b} is not modified. */
    public double[] solve(double[] b) {
        double[] x = new double[b.length];
        solve(b, x);
        return x;
    }

    /** Solves {@code A x = b} into {@code x} ({@code x != b}). */
    public void solve(double[] b, double[] x) {
        int n = pivot.length;
        if (b.length != n || x.length != n) {
            throw new IllegalArgumentException("right-hand side has length " + b.length + ", expected " + n);
        }
        if (singularity != null) {
            throw new ArithmeticException("matrix is singular to working precision: " + singularity);
        }
        for (int i = 0; i < n; i++) {
            x[i] = b[pivot[i]];
        }
        // forward substitution with unit-diagonal L
        for (int i = 0; i < n; i++) {
            double[] row = lu[i];
            double s = x[i];
            for (int c = 0; c < i; c++) {
                s -= row[c] * x[c];
            }
            x[i] = s;
        }
        // back substitution with U
        for (int i = n - 1; i >= 0; i--) {
            double[] row = lu[i];
            double s = x[i];
            for (int c = i + 1; c < n; c++) {
                s -= row[c] * x[c];
            }
            x[i] = s / row[i];
        }
    }
}
