package io.paasruntime.core.addons;

import io.paasruntime.core.secrets.SecretCipher;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialCipherTest {
    private static final String URL = "postgres://addon_1:s3cret-pw@127.0.0.1:5432/addon_1";

    @Test
    void sealedValuesOpenOnlyForTheirAddonWithTheirKey() {
        byte[] key = new byte[32];
        key[0] = 1;
        CredentialCipher cipher = new CredentialCipher(key);
        UUID addon = UUID.randomUUID();

        String sealed = cipher.seal(URL, addon);

        assertThat(sealed).startsWith("v1:").doesNotContain("s3cret");
        assertThat(cipher.seal(URL, addon)).as("fresh nonce each time").isNotEqualTo(sealed);
        assertThat(cipher.open(sealed, addon)).isEqualTo(URL);
        assertThatThrownBy(() -> cipher.open(sealed, UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CredentialCipher(new byte[32]).open(sealed, addon))
                .isInstanceOf(IllegalArgumentException.class);
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> cipher.open(tampered, addon)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.open(URL, addon)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentialsSealedBeforeTheCipherWasSharedStillOpen() {
        // the format of the first version: "v1:" + base64(nonce ‖ AES-GCM(url, aad = the add-on id as text))
        UUID addon = UUID.randomUUID();
        SecretCipher shared = new SecretCipher(new byte[32]);
        String earlier = "v1:" + shared.seal(URL, addon.toString().getBytes(StandardCharsets.US_ASCII));

        assertThat(new CredentialCipher(shared).open(earlier, addon)).isEqualTo(URL);
        assertThat(Base64.getDecoder().decode(earlier.substring(3))).hasSize(12 + URL.length() + 16);
    }
}
