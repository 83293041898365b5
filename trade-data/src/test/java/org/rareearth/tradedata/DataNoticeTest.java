package org.rareearth.tradedata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataNoticeTest {

    @Test
    void aDataSetWithoutANoticeGetsTheOneText() {
        assertThat(DataNotice.orNotRecorded(null)).isEqualTo(DataNotice.NOT_RECORDED);
        assertThat(DataNotice.orNotRecorded("  ")).isEqualTo(DataNotice.NOT_RECORDED);
        assertThat(DataNotice.NOT_RECORDED).startsWith("Provenance not recorded").doesNotContain("uploaded");
    }

    @Test
    void aNoticeIsRepeatedStripped() {
        assertThat(DataNotice.orNotRecorded(" CEPII BACI HS17 V202401b \n")).isEqualTo("CEPII BACI HS17 V202401b");
    }
}
