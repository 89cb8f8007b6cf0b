package io.paasruntime.local.orchestration;

import io.paasruntime.spi.ProviderException;

/** An inclusive range of TCP ports, written {@code 20000-20999} in config. */
record PortRange(int first, int last) {
    PortRange {
        if (first < 1024 || last > 65535 || first > last) {
            throw new IllegalArgumentException("port range must lie within 1024-65535 and not be empty: " + first + "-" + last);
        }
    }

    static PortRange parse(String key, String text) {
        var m = java.util.regex.Pattern.compile("\\s*(\\d{1,5})\\s*-\\s*(\\d{1,5})\\s*").matcher(text);
        try {
            if (m.matches()) {
                return new PortRange(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
        } catch (IllegalArgumentException e) {
            throw ProviderException.invalid(key, "setting " + key + ": " + e.getMessage());
        }
        throw ProviderException.invalid(key, "setting " + key + " must look like 20000-20999, got '" + text + "'");
    }

    boolean overlaps(PortRange other) {
        return first <= other.last && other.first <= last;
    }

    int size() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
