package org.rareearth.simulation.solver;

/**
 * LU decomposition with partial (row) pivoting, {@code P A = L U}, of a dense square matrix, for
 * the Newton steps (MODEL.md 3). Factors in place: the matrix passed to {@link #factorInPlace} is
 * overwritten with {@code L} (unit diagonal, below) and {@code U} (on and above the diagonal).
 */
public final class LuDecomposition {

    private final double[][] lu;
    private final int[] pivot;
    private final boolean singular;

    private LuDecomposition(double[][] lu, int[] pivot, boolean singular) {
        this.lu = lu;
        this.pivot = pivot;
        this.singular = singular;
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
        boolean singular = false;
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("matrix is not square: row " + i + " has " + a[i].length + " columns, expected " + n);
            }
            pivot[i] = i;
        }
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
            if (!(bestAbs > 0) || Double.isInfinite(bestAbs)) {
                singular = true;
                continue;
            }
            if (best != k) {
                double[] row = a[k];
                a[k] = a[best];
                a[best] = row;
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
        return new LuDecomposition(a, pivot, singular);
    }

    /** True when a pivot was exactly zero (or not finite): {@link #solve} is then undefined. */
    public boolean isSingular() {
        return singular;
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
        if (singular) {
            throw new ArithmeticException("matrix is singular");
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
