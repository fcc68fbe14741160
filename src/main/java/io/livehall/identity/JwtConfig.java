package io.livehall.identity;

import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Nimbus JWT encoder and (resource-server) decoder over one RSA key; the decoder remembers the tokens it verified
 * ({@link VerifiedTokens}) and checks revocation on every request ({@link TokenRevocations}).
 */
@Configuration(proxyBeanMethods = false)
class JwtConfig {

    @Bean
    RSAKey jwtSigningKey(JwtProperties properties, @Value("${livehall.data-dir:./data}") String dataDir) {
        Path file = properties.keyFile() != null && !properties.keyFile().isBlank()
                ? Path.of(properties.keyFile())
                : Path.of(dataDir, "secrets", "jwt-signing-key.json");
        return SigningKey.loadOrGenerate(file.toAbsolutePath());
    }

    @Bean
    JwtEncoder jwtEncoder(RSAKey jwtSigningKey) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwtSigningKey)));
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(RSAKey jwtSigningKey, JwtProperties properties, TokenRevocations revocations,
                                  Clock clock) throws JOSEException {
        ReactiveJwtDecoder verified = verifier(jwtSigningKey, properties, clock);
        return token -> verified.decode(token).flatMap(revocations::rejectIfRevoked);
    }

    /**
     * Signature, issuer and expiry, remembered per token ({@link VerifiedTokens}); expiry is judged by {@code clock},
     * the one {@link TokenIssuer} issues by (the application's {@code Clock} bean), so a test clock moves both.
     */
    static ReactiveJwtDecoder verifier(RSAKey signingKey, JwtProperties properties, Clock clock) throws JOSEException {
        RSAPublicKey publicKey = signingKey.toRSAPublicKey();
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(publicKey).build();
        JwtTimestampValidator expiry = new JwtTimestampValidator();
        expiry.setClock(clock);
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                List.of(expiry, new JwtIssuerValidator(properties.issuer()))));
        // our issuer is a name, not a URL: the default converter tried (and failed, with an exception) to make a URL of it
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, iss -> iss == null ? null : iss.toString())));
        return new VerifiedTokens(decoder, 10_000, clock);
    }
}
