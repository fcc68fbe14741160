package io.livehall;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The one allowance of the test suite: {@code SecureRandom} (hence {@code UUID.randomUUID()}) refills its
 * buffer from {@code /dev/urandom}, a file read that BlockHound flags but that never waits on Linux.
 * Everything else that blocks on a reactive thread fails the test that did it.
 */
public class UrandomBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "implNextBytes");
        builder.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "implGenerateSeed");
    }
}
