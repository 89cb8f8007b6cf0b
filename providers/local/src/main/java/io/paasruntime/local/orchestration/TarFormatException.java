package io.paasruntime.local.orchestration;

import java.io.IOException;

/** The bytes are not a tar archive this reader understands. */
final class TarFormatException extends IOException {
    TarFormatException(String message) {
        super(message);
    }
}
