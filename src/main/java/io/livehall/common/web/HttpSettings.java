package io.livehall.common.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code livehall.http.*}: HTTP limits and the proxies in front of the app (env: {@code LIVEHALL_HTTP_MAX_BODY_SIZE},
 * {@code LIVEHALL_HTTP_TRUSTED_PROXIES}, ...).
 *
 * @param maxBodySize    largest request body (413 beyond)
 * @param maxUploadSize  largest body of {@code POST /api/files} (each purpose then checks its own size)
 * @param trustedProxies addresses or CIDR ranges (e.g. {@code 10.0.0.0/8}) of reverse proxies whose
 *                       {@code X-Forwarded-For} is believed ({@link ClientAddress}); empty: the socket's address is the
 *                       client's, whatever the headers say
 */
@ConfigurationProperties("livehall.http")
record HttpSettings(@DefaultValue("256KB") DataSize maxBodySize,
                    @DefaultValue("51MB") DataSize maxUploadSize,
                    @DefaultValue List<String> trustedProxies) {
}
