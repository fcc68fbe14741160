package io.livehall.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code livehall.login.*}: how many failed logins are allowed before further attempts get 429 (env:
 * {@code LIVEHALL_LOGIN_MAX_FAILURES}, {@code LIVEHALL_LOGIN_WINDOW}, ...). See {@link LoginRateLimiter}.
 *
 * @param maxFailures           per username from one address, within {@code window}
 * @param window                window of the per-(username, address) and per-address counters
 * @param maxFailuresPerUser    per username from all addresses together, within {@code userWindow}
 * @param userWindow            window of the per-username ceiling
 * @param maxFailuresPerAddress per address over all usernames, within {@code window}
 */
@ConfigurationProperties("livehall.login")
record LoginSettings(@DefaultValue("10") int maxFailures,
                     @DefaultValue("5m") Duration window,
                     @DefaultValue("50") int maxFailuresPerUser,
                     @DefaultValue("15m") Duration userWindow,
                     @DefaultValue("50") int maxFailuresPerAddress) {
}
