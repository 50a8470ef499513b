package io.cutover.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorizationTest {

    @Test
    void basicIsTheUserAndPasswordInBase64() {
        // RFC 7617's own example
        assertThat(Authorization.basic("Aladdin", "open sesame")).isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assertThat(Authorization.basic("migration", "s3cret")).isEqualTo("Basic bWlncmF0aW9uOnMzY3JldA==");
    }

    @Test
    void aBearerTokenComesBackOutOfItsHeader() {
        assertThat(Authorization.bearer("t0ken")).isEqualTo("Bearer t0ken");
        assertThat(Authorization.bearerToken(Authorization.bearer("t0ken"))).contains("t0ken");
        assertThat(Authorization.bearerToken(Authorization.basic("a", "b"))).isEmpty();
    }
}
