package org.rareearth.tradedata.comtrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rareearth.tradedata.DataNotice;
import org.rareearth.tradedata.source.DirectorySource;
import org.rareearth.tradedata.ReadOptions;
import org.rareearth.tradedata.Reconciliation;
import org.rareearth.tradedata.TradeData;
import org.rareearth.shared.trade.TradeFlow;

/** The larger fixture generated from the demo data reads without problems and gives back what was generated. */
class DemoComtradeExportTest {

    static final Path DIR = Path.of("src/test/resources/comtrade/demo");

    static DemoComtradeExport.Generated generated;
    static TradeData data;

    @BeforeAll
    static void readBoth() throws IOException {
        generated = DemoComtradeExport.generate(DemoComtradeExport.DEMO);
        try (DirectorySource source = new DirectorySource(DIR, "demo")) {
            data = ComtradeReader.read(source, ReadOptions.everything());
        }
    }

    @Test
    void theCommittedFixtureIsWhatTheGeneratorWrites() throws IOException {
        assertThat(Files.readString(DIR.resolve(DemoComtradeExport.FILE), StandardCharsets.UTF_8))
                .isEqualTo(generated.csv());
        assertThat(Files.size(DIR.resolve(DemoComtradeExport.FILE))).isLessThan(1_000_000);
    }

    @Test
    void readsWithoutProblemsAndGivesTheGeneratedFlows() {
        assertThat(data.problems()).isEmpty();
        assertThat(data.years()).containsExactly(2023);
        List<TradeFlow> flows = data.flows().get(2023);
        assertThat(flows).hasSize(1010);
        assertThat(flows).containsExactlyElementsOf(generated.flows());
        double total = flows.stream().mapToDouble(TradeFlow::value).sum();
        double expected = generated.flows().stream().mapToDouble(TradeFlow::value).sum();
        assertThat(total).isEqualTo(expected);
    }

    @Test
    void reconciliationCountsAreTheGeneratedOnes() {
        Reconciliation r = data.reconciliation();
        assertThat(r.fromImporter()).isEqualTo(generated.fromImporter());
        assertThat(r.fromExporter()).isEqualTo(generated.fromExporter());
        assertThat(r.mirrored()).isEqualTo(generated.mirrored());
        assertThat(List.of(r.fromImporter(), r.fromExporter(), r.mirrored())).containsExactly(997L, 13L, 993L);
        assertThat(List.of(generated.importRows(), generated.exportRows(), generated.worldRows(), generated.taiwanRows()))
                .containsExactly(997L, 1006L, 252L, 58L);
        assertThat(r.droppedAggregates()).containsExactly(
                Map.entry("S19 Other Asia, nes", generated.taiwanRows()),
                Map.entry("W00 World", generated.worldRows()));
        assertThat(r.droppedOther()).isEmpty();
        assertThat(r.flows()).hasSize(1010);
        assertThat(r.flows()).allSatisfy(f -> assertThat(f.source()).isEqualTo(
                f.importerValue() != null ? Reconciliation.IMPORTER : Reconciliation.EXPORTER));
        long rows = generated.importRows() + generated.exportRows() + generated.worldRows() + generated.taiwanRows();
        assertThat(data.rows()).isEqualTo(new TradeData.RowCounts(rows,
                generated.importRows() + generated.exportRows(), 0, generated.worldRows() + generated.taiwanRows()));
        // every kept record became or confirmed a flow
        assertThat(generated.importRows() + generated.exportRows())
                .isEqualTo(r.fromImporter() + r.fromExporter() + r.mirrored());
    }

    @Test
    void carriesTheReconstructionNoticeAndTheDemoNames() {
        assertThat(data.notice()).startsWith("Reconstruction in UN Comtrade export layout").contains("NOT UN Comtrade data");
        assertThat(data.fileDigests()).containsOnlyKeys(DemoComtradeExport.FILE, DataNotice.FILE);
        assertThat(data.products()).containsOnlyKeys("253090", "280530", "284610", "284690", "850511");
        assertThat(data.countries()).containsEntry("HKG", "China, Hong Kong SAR").containsEntry("CHN", "China")
                .doesNotContainKey("TWN").doesNotContainKey("S19");
    }
}
