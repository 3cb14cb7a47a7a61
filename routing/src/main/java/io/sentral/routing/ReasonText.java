package io.sentral.routing;

/**
 * Makes text received from a customer safe to put into a SIP reason phrase, a policy event or a
 * log line: a hostile user part may carry CR/LF (header or log injection), control characters,
 * non-ASCII look-alikes or kilobytes of junk. Everything outside printable ASCII becomes {@code ?}
 * and the text is cut to {@value #MAX} characters.
 */
final class ReasonText {
    static final int MAX = 32;

    private ReasonText() {
    }

    static String quote(String raw) {
        StringBuilder safe = new StringBuilder(Math.min(raw.length(), MAX + 3));
        for (int i = 0; i < raw.length() && i < MAX; i++) {
            char c = raw.charAt(i);
            safe.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        if (raw.length() > MAX) {
            safe.append("...");
        }
        return safe.toString();
    }
}
