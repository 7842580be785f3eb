package io.tiercare.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** For a test that needs no database or broker (the gateway): only the public key of {@link TestTokens}. */
public class TestTokensResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("mp.jwt.verify.publickey", TestTokens.publicKey());
    }

    @Override
    public void stop() {
    }
}
