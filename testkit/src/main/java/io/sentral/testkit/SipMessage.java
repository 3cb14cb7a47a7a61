package io.sentral.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An immutable SIP request or response in raw text form (RFC 3261 §7). Parsing is lenient in
 * what a test peer may send (bare LF line ends, folded header lines, compact header names,
 * comma-separated Via/Contact lists, which become separate entries) and strict in structure (a
 * bad start line, a header without colon or a body shorter than its Content-Length throw
 * {@link IllegalArgumentException} naming the problem). Changing a message means copying it:
 * {@link #toBuilder()} or a {@code with…} method.
 *
 * <p>Header names are looked up case-insensitively and compact names are stored in their long
 * form. {@link #toString()} is the wire form; built messages always carry a correct Content-Length.
 */
public final class SipMessage {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9.!%*_+`'~-]+");
    private static final String CRLF = "\r\n";

    private final boolean request;
    private final String method;
    private final String requestUri;
    private final int status;
    private final String reason;
    private final List<Header> headers;
    private final String body;

    /** One header line; the name in the form it is written (compact names expanded). */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            name = HeaderNames.canonical(name);
            if (!TOKEN.matcher(name).matches()) {
                throw new IllegalArgumentException("bad header name '" + name + "'");
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("header " + name + " value contains a line break");
            }
            value = value.trim();
        }

        boolean is(String otherName) {
            return HeaderNames.key(name).equals(HeaderNames.key(otherName));
        }
    }

    private SipMessage(boolean request, String method, String requestUri, int status, String reason,
                       List<Header> headers, String body) {
        this.request = request;
        this.method = method;
        this.requestUri = requestUri;
        this.status = status;
        this.reason = reason;
        this.headers = List.copyOf(headers);
        this.body = body;
    }

    /** Starts a request; add headers, then {@link Builder#build()}. */
    public static Builder request(String method, String requestUri) {
        return new Builder(true, method, requestUri, 0, "");
    }

    /** Starts a response with no headers; see {@link #responseTo} for one that answers a request. */
    public static Builder response(int status, String reason) {
        return new Builder(false, "", "", status, reason);
    }

    /**
     * Starts a response to {@code request} (RFC 3261 §8.2.6.2): copies every Via in order, From,
     * To, Call-ID and CSeq. The caller adds the To tag, Contact and body as the situation needs.
     */
    public static Builder responseTo(SipMessage request, int status, String reason) {
        if (!request.isRequest()) {
            throw new IllegalArgumentException("cannot respond to a response: " + request.startLine());
        }
        Builder b = response(status, reason);
        for (String name : List.of("Via", "From", "To", "Call-ID", "CSeq")) {
            request.headers(name).forEach(v -> b.header(name, v));
        }
        return b;
    }

    public static SipMessage parse(String text) {
        return parse(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
    }

    /** Parses one message (a UDP datagram or a frame cut from a stream). */
    public static SipMessage parse(byte[] data) {
        Objects.requireNonNull(data, "data");
        int start = 0;
        while (start < data.length && (data[start] == '\r' || data[start] == '\n')) {
            start++;
        }
        int headEnd = indexOf(data, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), start);
        int bodyStart = headEnd + 4;
        int lfEnd = indexOf(data, "\n\n".getBytes(StandardCharsets.US_ASCII), start);
        if (lfEnd >= 0 && (headEnd < 0 || lfEnd < headEnd)) {
            headEnd = lfEnd;
            bodyStart = lfEnd + 2;
        }
        if (headEnd < 0) {
            headEnd = data.length;
            bodyStart = data.length;
        }
        String head = new String(data, start, headEnd - start, StandardCharsets.UTF_8);
        List<String> lines = unfold(head);
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            throw new IllegalArgumentException("empty SIP message");
        }
        Builder b = startLine(lines.getFirst());
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("header line without name and colon: '" + line + "'");
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (HeaderNames.isList(name)) {
                HeaderNames.splitList(value).forEach(v -> b.header(name, v));
            } else {
                b.header(name, value);
            }
        }
        byte[] bodyBytes = Arrays.copyOfRange(data, Math.min(bodyStart, data.length), data.length);
        Optional<String> declared = b.first("Content-Length");
        if (declared.isPresent()) {
            int length = contentLength(declared.get());
            if (length > bodyBytes.length) {
                throw new IllegalArgumentException("body has " + bodyBytes.length + " bytes but Content-Length says "
                        + length);
            }
            bodyBytes = Arrays.copyOf(bodyBytes, length);
        }
        b.body = new String(bodyBytes, StandardCharsets.UTF_8);
        return new SipMessage(b.request, b.method, b.requestUri, b.status, b.reason, b.headers, b.body);
    }

    private static Builder startLine(String line) {
        String[] parts = line.trim().split(" ", 3);
        if (parts[0].equals("SIP/2.0")) {
            if (parts.length < 2 || !parts[1].matches("[1-6][0-9][0-9]")) {
                throw new IllegalArgumentException("bad status line: '" + line + "'");
            }
            return response(Integer.parseInt(parts[1]), parts.length == 3 ? parts[2] : "");
        }
        if (parts.length != 3 || !parts[2].equals("SIP/2.0") || !TOKEN.matcher(parts[0]).matches()) {
            throw new IllegalArgumentException("bad request line: '" + line + "'");
        }
        return request(parts[0], parts[1]);
    }

    private static List<String> unfold(String head) {
        List<String> lines = new ArrayList<>();
        for (String line : head.split("\r?\n", -1)) {
            if (!lines.isEmpty() && !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                lines.set(lines.size() - 1, lines.getLast().stripTrailing() + " " + line.trim());
            } else if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static int contentLength(String value) {
        try {
            int length = Integer.parseInt(value.trim());
            if (length < 0) {
                throw new NumberFormatException();
            }
            return length;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad Content-Length '" + value + "'", e);
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public boolean isRequest() {
        return request;
    }

    public boolean isResponse() {
        return !request;
    }

    /** The request method; for a response, the method in its CSeq. */
    public String method() {
        return request ? method : cseq().method();
    }

    public String requestUri() {
        requireRequest("Request-URI");
        return requestUri;
    }

    public int status() {
        if (request) {
            throw new IllegalStateException("a request has no status: " + startLine());
        }
        return status;
    }

    public String reason() {
        if (request) {
            throw new IllegalStateException("a request has no reason phrase: " + startLine());
        }
        return reason;
    }

    /** 1xx. */
    public boolean isProvisional() {
        return !request && status < 200;
    }

    /** 2xx–6xx. */
    public boolean isFinal() {
        return !request && status >= 200;
    }

    /** 2xx. */
    public boolean isSuccess() {
        return !request && status >= 200 && status < 300;
    }

    public String startLine() {
        return request ? method + " " + requestUri + " SIP/2.0" : "SIP/2.0 " + status + " " + reason;
    }

    /** The first value of the header, compact or long name, any case. */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.is(name)).map(Header::value).findFirst();
    }

    /** Every value of the header, in message order. */
    public List<String> headers(String name) {
        return headers.stream().filter(h -> h.is(name)).map(Header::value).toList();
    }

    public List<Header> allHeaders() {
        return headers;
    }

    public boolean hasHeader(String name) {
        return header(name).isPresent();
    }

    public String body() {
        return body;
    }

    public Optional<String> contentType() {
        return header("Content-Type");
    }

    public String callId() {
        return required("Call-ID");
    }

    public CSeq cseq() {
        return CSeq.parse(required("CSeq"));
    }

    public NameAddr from() {
        return NameAddr.parse(required("From"));
    }

    public NameAddr to() {
        return NameAddr.parse(required("To"));
    }

    public Optional<String> fromTag() {
        return from().tag();
    }

    public Optional<String> toTag() {
        return to().tag();
    }

    /** The first Contact, if any. */
    public Optional<NameAddr> contact() {
        return contacts().stream().findFirst();
    }

    /** Every Contact entry, also when several share one header line. */
    public List<NameAddr> contacts() {
        return headers("Contact").stream().flatMap(v -> HeaderNames.splitList(v).stream()).map(NameAddr::parse).toList();
    }

    /** Every Via entry, topmost first, also when several share one header line. */
    public List<Via> vias() {
        return headers("Via").stream().flatMap(v -> HeaderNames.splitList(v).stream()).map(Via::parse).toList();
    }

    public Via topVia() {
        return vias().stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Via header in " + startLine()));
    }

    /** The branch of the topmost Via, if it has one. */
    public Optional<String> branch() {
        return vias().stream().findFirst().flatMap(Via::branch);
    }

    /** The wire form in UTF-8. */
    public byte[] toBytes() {
        return toString().getBytes(StandardCharsets.UTF_8);
    }

    public Builder toBuilder() {
        Builder b = new Builder(request, method, requestUri, status, reason);
        b.headers.addAll(headers);
        b.body = body;
        return b;
    }

    /** A copy where {@code name} has exactly this one value (in place of its first occurrence). */
    public SipMessage withHeader(String name, String value) {
        return toBuilder().setHeader(name, value).build();
    }

    /** A copy with one more {@code name} header after the existing ones. */
    public SipMessage withAddedHeader(String name, String value) {
        return toBuilder().header(name, value).build();
    }

    public SipMessage withoutHeader(String name) {
        return toBuilder().removeHeader(name).build();
    }

    /** A copy with this body and Content-Type; an empty body removes Content-Type. */
    public SipMessage withBody(String contentType, String newBody) {
        return toBuilder().body(contentType, newBody).build();
    }

    public SipMessage withRequestUri(String uri) {
        requireRequest("Request-URI");
        return toBuilder().requestUri(uri).build();
    }

    /** A copy with a new CSeq number (same method). */
    public SipMessage withCSeq(long number) {
        return withHeader("CSeq", new CSeq(number, cseq().method()).toString());
    }

    /** A copy whose topmost Via carries {@code branch}: a new transaction for the same request. */
    public SipMessage withTopViaBranch(String branch) {
        Via top = topVia();
        Builder b = toBuilder();
        int at = b.indexOf("Via");
        List<String> entries = new ArrayList<>(HeaderNames.splitList(b.headers.get(at).value()));
        entries.set(0, top.withParam("branch", branch).toString());
        b.headers.set(at, new Header("Via", String.join(", ", entries)));
        return b.build();
    }

    private String required(String name) {
        return header(name).orElseThrow(() -> new IllegalArgumentException("no " + name + " header in " + startLine()));
    }

    private void requireRequest(String what) {
        if (!request) {
            throw new IllegalStateException("a response has no " + what + ": " + startLine());
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(startLine()).append(CRLF);
        headers.forEach(h -> out.append(h.name()).append(": ").append(h.value()).append(CRLF));
        return out.append(CRLF).append(body).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipMessage other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** Collects a message; {@link #build()} sets Content-Length to the body's length in bytes. */
    public static final class Builder {
        private final boolean request;
        private final String method;
        private String requestUri;
        private final int status;
        private final String reason;
        private final List<Header> headers = new ArrayList<>();
        private String body = "";

        private Builder(boolean request, String method, String requestUri, int status, String reason) {
            this.request = request;
            this.method = Objects.requireNonNull(method, "method");
            this.requestUri = Objects.requireNonNull(requestUri, "requestUri");
            this.status = status;
            this.reason = Objects.requireNonNull(reason, "reason");
            if (request && (!TOKEN.matcher(method).matches() || requestUri.isBlank() || requestUri.contains(" "))) {
                throw new IllegalArgumentException("bad request line: '" + method + " " + requestUri + "'");
            }
            if (!request && (status < 100 || status > 699)) {
                throw new IllegalArgumentException("status must be 100-699: " + status);
            }
        }

        /** Appends a header (also a further value of one already present). */
        public Builder header(String name, String value) {
            headers.add(new Header(name, value));
            return this;
        }

        /** Puts this single value in place of the header's first occurrence, or appends it. */
        public Builder setHeader(String name, String value) {
            Header header = new Header(name, value);
            int at = indexOf(name);
            headers.removeIf(h -> h.is(name));
            headers.add(at < 0 ? headers.size() : at, header);
            return this;
        }

        /** Inserts before the first header of this name (a new topmost Via), or first if none. */
        public Builder prependHeader(String name, String value) {
            int at = indexOf(name);
            headers.add(Math.max(at, 0), new Header(name, value));
            return this;
        }

        public Builder removeHeader(String name) {
            headers.removeIf(h -> h.is(name));
            return this;
        }

        public Builder requestUri(String uri) {
            if (!request) {
                throw new IllegalStateException("a response has no Request-URI");
            }
            this.requestUri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /** Sets the body and its Content-Type; an empty body removes Content-Type. */
        public Builder body(String contentType, String text) {
            Objects.requireNonNull(contentType, "contentType");
            this.body = Objects.requireNonNull(text, "text");
            if (text.isEmpty()) {
                removeHeader("Content-Type");
            } else {
                setHeader("Content-Type", contentType);
            }
            return this;
        }

        public SipMessage build() {
            setHeader("Content-Length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
            return new SipMessage(request, method, requestUri, status, reason, headers, body);
        }

        private int indexOf(String name) {
            for (int i = 0; i < headers.size(); i++) {
                if (headers.get(i).is(name)) {
                    return i;
                }
            }
            return -1;
        }

        private Optional<String> first(String name) {
            int at = indexOf(name);
            return at < 0 ? Optional.empty() : Optional.of(headers.get(at).value());
        }
    }
}
