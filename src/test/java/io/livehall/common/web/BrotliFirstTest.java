package io.livehall.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BrotliFirstTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "gzip, deflate, br, zstd | br, gzip, deflate, zstd",
            "br, gzip                | br, gzip",
            "gzip                    | gzip",
            "gzip, br;q=0            | gzip",
            "gzip;q=0, br;q=0.5      | br",
            "BR, gzip;q=1.0          | br, gzip;q=1.0",
            "identity                | identity"})
    void brotliComesFirstWhenAcceptedAndRefusedCodingsGo(String header, String expected) {
        assertThat(BrotliFirst.brotliFirst(header)).isEqualTo(expected);
    }
}
