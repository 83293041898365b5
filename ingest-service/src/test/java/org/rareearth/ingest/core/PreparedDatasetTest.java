package org.rareearth.ingest.core;

import org.rareearth.tradedata.UploadRejectedException;
import org.rareearth.tradedata.DataNotice;
import org.rareearth.tradedata.ContentVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.tradedata.DemoZip;
import org.rareearth.tradedata.baci.BaciDataset;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.TradeBaselineEvent;

/** The framework-free part of an ingest on the demo data: version, notice, events. */
class PreparedDatasetTest {

    @TempDir
    Path tmp;

    @Test
    void demoDataGivesOneBaselinePerYearAndProduct() throws IOException {
        PreparedDataset d = PreparedDataset.read(DemoZip.DEMO);
        assertThat(d.version()).matches("sha256:[0-9a-f]{64}");
        assertThat(d.events()).hasSize(35);
        assertThat(d.problems()).isEmpty();
        assertThat(d.rejectedRows()).isZero();
        assertThat(d.noticeRecorded()).isTrue();
        assertThat(d.dataNotice()).startsWith("Reconstructed demo data in BACI layout: NOT official CEPII BACI data");
        TradeBaselineEvent magnets = d.events().stream().filter(e -> e.year() == 2023 && e.product().equals("850511"))
                .findFirst().orElseThrow();
        assertThat(magnets.key()).isEqualTo(d.version() + ":2023:850511");
        assertThat(magnets.tariff("CHN", "USA")).isCloseTo(0.021, within(1e-12));
        // pairs without a documented wedge are not listed
        assertThat(magnets.tariffs()).allMatch(t -> t.rate() > 0);
        // the JSON round trip other services do
        assertThat(EventCodec.decode(EventCodec.encode(magnets), TradeBaselineEvent.class)).isEqualTo(magnets);
    }

    @Test
    void aDiagonalRowIsNeitherStoredNorPublished() throws IOException {
        // CHN -> CHN: BACI has no domestic flows, so this row is an error, not D0 (MODEL.md 1)
        Path dir = DemoZip.demo().replaceLine("BACI_HS17_Y2023_RE.csv", 2, "2023,156,156,850511,5000.000,900.000")
                .writeTo(tmp.resolve("diagonal"));
        PreparedDataset d = PreparedDataset.read(dir);
        assertThat(d.rejectedRows()).isEqualTo(1);
        assertThat(d.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo("i,j");
            assertThat(p.message()).isEqualTo(org.rareearth.tradedata.RowProblems.sameCountry("CHN"));
        });
        assertThat(d.events()).allSatisfy(e -> assertThat(e.flows()).noneMatch(f -> f.exporter().equals(f.importer())));
    }

    @Test
    void versionIsTheContentNotThePacking() throws IOException {
        String demo = BaciDataset.version(DemoZip.DEMO);
        Path copy = DemoZip.demo().without("README.md").without("production.csv").writeTo(tmp.resolve("copy"));
        assertThat(BaciDataset.version(copy)).isEqualTo(demo);
        Path changed = DemoZip.demo().replaceLine("tariffs.csv", 2, Files.readAllLines(DemoZip.DEMO.resolve("tariffs.csv")).get(1)
                .replace("0.050", "0.060")).writeTo(tmp.resolve("changed"));
        assertThat(BaciDataset.version(changed)).isNotEqualTo(demo);
        Path noticed = DemoZip.demo().withNotice("other").writeTo(tmp.resolve("noticed"));
        assertThat(BaciDataset.version(noticed)).isNotEqualTo(demo);
        assertThat(ContentVersion.normalise(demo.substring(7))).isEqualTo(demo);
    }

    @Test
    void withoutDatasetPropertiesTheNoticeSaysProvenanceIsNotRecorded() throws IOException {
        Path dir = DemoZip.demo().without("dataset.properties").writeTo(tmp.resolve("bare"));
        PreparedDataset d = PreparedDataset.read(dir);
        assertThat(d.noticeRecorded()).isFalse();
        assertThat(d.events()).allMatch(e -> e.dataNotice().equals(DataNotice.NOT_RECORDED));
    }

    @Test
    void aMissingMandatoryFileIsNamedWithoutTheServerPath() {
        Path dir = DemoZip.demo().without("country_codes.csv").writeTo(tmp.resolve("nocountries"));
        assertThatThrownBy(() -> PreparedDataset.read(dir))
                .isInstanceOf(UploadRejectedException.class)
                .hasMessage("country_codes.csv: mandatory file is missing")
                .satisfies(t -> assertThat(((UploadRejectedException) t).reason())
                        .isEqualTo(UploadRejectedException.Reason.NOT_A_DATASET));
    }

    @Test
    void faultyRowsAreCountedOnceAndTheRestKept() throws IOException {
        Path dir = DemoZip.demo()
                // two faulty fields in one row: one rejected row, two problems
                .replaceLine("BACI_HS17_Y2023_RE.csv", 3, "2023,999,458,253090,abc,40136.000")
                .writeTo(tmp.resolve("faulty"));
        PreparedDataset d = PreparedDataset.read(dir);
        assertThat(d.problems()).hasSize(2).allMatch(p -> p.line() == 3 && p.file().equals("BACI_HS17_Y2023_RE.csv"));
        assertThat(d.rejectedRows()).isEqualTo(1);
        assertThat(d.events().stream().filter(e -> e.year() == 2023).mapToInt(e -> e.flows().size()).sum()).isEqualTo(1067);
    }
}
