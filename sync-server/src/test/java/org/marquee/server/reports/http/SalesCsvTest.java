package org.marquee.server.reports.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CSV fields as a spreadsheet opens them: quoted when they must be, never a formula. */
class SalesCsvTest {

    @Test
    void aTitleWithACommaOrAQuoteIsQuoted() {
        assertThat(SalesCsv.field("Dune, Part Two")).isEqualTo("\"Dune, Part Two\"");
        assertThat(SalesCsv.field("The \"Best\" Film")).isEqualTo("\"The \"\"Best\"\" Film\"");
        assertThat(SalesCsv.field("plain")).isEqualTo("plain");
    }

    @Test
    void aTitleThatLooksLikeAFormulaStaysText() {
        assertThat(SalesCsv.field("=HYPERLINK(\"http://x\")")).startsWith("\"'=HYPERLINK");
        assertThat(SalesCsv.field("+1")).isEqualTo("'+1");
        assertThat(SalesCsv.field("@cmd")).isEqualTo("'@cmd");
    }
}
