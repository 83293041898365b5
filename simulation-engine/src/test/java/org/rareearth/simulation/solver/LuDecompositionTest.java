package org.rareearth.simulation.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LuDecompositionTest {

    @Test
    void solvesARandomSystem() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 30;
        double[][] a = new double[n][n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble() - 0.5;
            for (int j = 0; j < n; j++) {
                a[i][j] = random.nextDouble() - 0.5;
            }
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i] += a[i][j] * x[j];
            }
        }

        double[] solved = LuDecomposition.of(a).solve(b);

        for (int i = 0; i < n; i++) {
            assertThat(solved[i]).isCloseTo(x[i], within(1e-10));
        }
    }

    @Test
    void pivotsWhenTheLeadingEntryIsZero() {
        // [0 1; 2 3] x = [1; 8]  =>  x = [2.5, 1]; without row exchange the first pivot is 0
        double[][] a = {{0, 1}, {2, 3}};

        LuDecomposition lu = LuDecomposition.of(a);

        assertThat(lu.isSingular()).isFalse();
        assertThat(lu.solve(new double[] {1, 8})).containsExactly(2.5, 1.0);
        assertThat(a[0]).containsExactly(0, 1);    // of() leaves the input alone
    }

    @Test
    void reportsASingularMatrix() {
        LuDecomposition lu = LuDecomposition.of(new double[][] {{1, 2}, {2, 4}});

        assertThat(lu.isSingular()).isTrue();
        assertThatThrownBy(() -> lu.solve(new double[] {1, 2})).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void refusesAMatrixSingularUpToRounding() {
        // rank 2: row 3 = 2 * row 2 - row 1; in floating point the last pivot is rounding noise, not 0
        double[][] a = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};

        LuDecomposition lu = LuDecomposition.of(a);

        assertThat(lu.isSingular()).isTrue();
        assertThat(lu.singularity()).contains("column 2").contains("rounding noise");
        assertThatThrownBy(() -> lu.solve(new double[] {1, 2, 3}))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageStartingWith("matrix is singular to working precision: pivot ");
    }

    @Test
    void refusesARankDeficientProductComputedInFloatingPoint() {
        // A = B C with B 6x5 and C 5x6: rank 5, singular; its rounded entries make every pivot non-zero
        SplittableRandom random = new SplittableRandom(11);
        int n = 6;
        double[][] b = new double[n][n - 1];
        double[][] c = new double[n - 1][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n - 1; k++) {
                b[i][k] = random.nextDouble() - 0.5;
                c[k][i] = random.nextDouble() - 0.5;
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n - 1; k++) {
                    a[i][j] += b[i][k] * c[k][j];
                }
            }
        }

        assertThat(LuDecomposition.of(a).isSingular()).isTrue();
    }

    @Test
    void solvesAWellConditionedMatrixWithTinyEntries() {
        // [2 1; 1 3] * 1e-200: condition number about 2.6, whatever its scale
        double s = 1e-200;
        double[][] a = {{2 * s, s}, {s, 3 * s}};

        LuDecomposition lu = LuDecomposition.of(a);

        assertThat(lu.isSingular()).isFalse();
        // x = [1, 2]: b = A x = [4s, 7s]
        double[] x = lu.solve(new double[] {4 * s, 7 * s});
        assertThat(x[0]).isCloseTo(1.0, within(1e-14));
        assertThat(x[1]).isCloseTo(2.0, within(1e-14));
    }

    @Test
    void solvesRowsAndColumnsOfVeryDifferentScale() {
        // well conditioned once a row (an exporter a billionfold smaller) or a column is rescaled
        double[][] rows = {{1e8, 1e8}, {1e-10, 2e-10}};
        double[] x = LuDecomposition.of(rows).solve(new double[] {3e8, 5e-10});
        assertThat(x[0]).isCloseTo(1.0, within(1e-9));
        assertThat(x[1]).isCloseTo(2.0, within(1e-9));

        double[][] columns = {{1e-20, 1}, {2e-20, 3}};
        // y = [1e20, 2]: b = [1 + 2, 2 + 6]
        double[] y = LuDecomposition.of(columns).solve(new double[] {3, 8});
        assertThat(y[0]).isCloseTo(1e20, within(1e11));
        assertThat(y[1]).isCloseTo(2.0, within(1e-9));
    }
}
