package org.rareearth.tradedata.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void splitsPlainAndQuotedFields() {
        assertThat(Csv.split("a,b,,c")).containsExactly("a", "b", "", "c");
        assertThat(Csv.split("344,\"China, Hong Kong SAR\",HK")).containsExactly("344", "China, Hong Kong SAR", "HK");
        assertThat(Csv.split("\"say \"\"hi\"\"\",x")).containsExactly("say \"hi\"", "x");
        assertThat(Csv.split(" 1 , 2 ")).containsExactly("1", "2");
        assertThat(Csv.split("\"a\" ,b")).containsExactly("a", "b");
        assertThat(Csv.split("a,")).containsExactly("a", "");
    }

    @Test
    void anUnclosedQuoteGivesNull() {
        assertThat(Csv.split("1,\"open")).isNull();
    }
}
