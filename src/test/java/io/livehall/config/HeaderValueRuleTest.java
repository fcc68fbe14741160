package io.livehall.config;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/** The firewall's header-value rule with its ASCII fast path answers exactly as Spring Security's default. */
class HeaderValueRuleTest {

    @Property(tries = 2000)
    void answersAsTheDefaultRule(@ForAll("headerValues") String value) {
        assertThat(SecurityConfig.allowedHeaderValue(value))
                .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(value));
    }

    @Provide
    Arbitrary<String> headerValues() {
        Arbitrary<Character> printable = Arbitraries.chars().range(' ', '~');
        Arbitrary<Character> anyChar = Arbitraries.chars().range('\u0000', '\uffff');
        Arbitrary<Character> edges = Arbitraries.of('\u0000', '\t', '\n', '\r', '\u001f', '\u007f', '\u0080', '\u009f',
                '\u00a0', '中', '\u0378', '\ud800', '\ufffe');
        return Arbitraries.oneOf(printable, printable, printable, printable, edges, anyChar)
                .list().ofMaxSize(300).map(cs -> {
                    StringBuilder b = new StringBuilder(cs.size());
                    cs.forEach(b::append);
                    return b.toString();
                });
    }

    @Test
    void aBearerTokenPassesAndControlCharactersDoNot() {
        String token = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl-_~+/=";
        assertThat(SecurityConfig.allowedHeaderValue(token)).isTrue();
        assertThat(SecurityConfig.allowedHeaderValue("")).isTrue();
        assertThat(SecurityConfig.allowedHeaderValue(null)).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null));
        assertThat(SecurityConfig.allowedHeaderValue("a\tb")).isTrue();
        assertThat(SecurityConfig.allowedHeaderValue("中文 值")).isTrue();
        assertThat(SecurityConfig.allowedHeaderValue("a\u0000b")).isFalse();
        assertThat(SecurityConfig.allowedHeaderValue("a\nb")).isFalse();
        assertThat(SecurityConfig.allowedHeaderValue("a\u007fb")).isFalse();
    }
}
