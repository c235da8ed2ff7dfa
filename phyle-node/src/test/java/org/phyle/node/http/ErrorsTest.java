package org.phyle.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.phyle.core.Society;
import org.phyle.core.SocietyView;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.StrictJson;
import org.phyle.node.TestNodes;
import org.phyle.node.Txs;

/**
 * Every malformed input class gets RFC 9457 problem+json with a stable code and a sentence for a person, including the
 * errors the HTTP server raises before our handlers run; no class name, library option or stack detail reaches the
 * client. A second server on the same node has short timeouts, to try the deadline and a body that never arrives.
 */
class ErrorsTest {
    static TestNodes.Running running;
    static ApiServer quick;
    static int port;
    static Hash society;
    static final SigningKey alice = SigningKey.generate();

    @BeforeAll
    static void start() {
        running = TestNodes.small();
        port = running.server.port();
        society = running.node.read(SocietyView::id);
        quick = new ApiServer(running.node).timeouts(1500, 1000).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        quick.close();
        running.close();
    }

    /** The body is problem+json of this status and code, with a sentence and nothing of the server's insides. */
    static JsonNode assertProblem(RawHttp.Answer a, int status, String code) {
        assertThat(a.status()).as(a.head() + a.body()).isEqualTo(status);
        assertThat(a.header("Content-Type")).as(a.head()).startsWith("application/problem+json");
        JsonNode p = StrictJson.parse(a.body().getBytes(StandardCharsets.UTF_8));
        assertThat(p.get("code").asText()).isEqualTo(code);
        assertThat(p.get("type").asText()).isEqualTo("/api/v1/problems/" + code);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asText()).isNotBlank();
        assertWrittenForAPerson(p.get("detail").asText());
        assertThat(a.head().toLowerCase()).doesNotContain("server: jetty");
        return p;
    }

    static void assertWrittenForAPerson(String detail) {
        assertThat(detail).isNotBlank().doesNotStartWith(" ")
                .doesNotContainIgnoringCase("jetty").doesNotContainIgnoringCase("javalin")
                .doesNotContainIgnoringCase("jackson").doesNotContainIgnoringCase("exception")
                .doesNotContain("java.", "org.", "`", "Feature", "Constraints", "<", "\tat ");
    }

    static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    }

    static String post(String target, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Length: " + bytes.length + "\r\n\r\n" + new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static Stream<Arguments> serverLevelErrors() {
        return Stream.of(
                Arguments.of("a control byte in the path", get("/api/v1/blocks/\u0001"), 400, "BAD_HTTP_REQUEST"),
                Arguments.of("a bad percent escape", get("/api/v1/txs/%zz"), 400, "BAD_HTTP_REQUEST"),
                Arguments.of("an encoded NUL", get("/api/v1/txs/%00"), 400, "BAD_HTTP_REQUEST"),
                Arguments.of("an overlong UTF-8 escape", get("/api/v1/txs/%C0%AF"), 400, "BAD_HTTP_REQUEST"),
                Arguments.of("an encoded slash going up", get("/api/v1/%2e%2e/%2e%2e/etc/passwd"), 404, "NOT_FOUND"),
                Arguments.of("a URI over the limit", get("/api/v1/blocks?x=" + "a".repeat(10_000)), 414, "URI_TOO_LONG"),
                Arguments.of("headers over the limit", "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
                        + "b".repeat(10_000) + "\r\nConnection: close\r\n\r\n", 431, "HEADERS_TOO_LARGE"),
                Arguments.of("no Host header", "GET /api/v1/health HTTP/1.1\r\nConnection: close\r\n\r\n", 400,
                        "BAD_HTTP_REQUEST"),
                Arguments.of("a garbled request line", "GARBAGE\r\n\r\n", 400, "BAD_HTTP_REQUEST"),
                Arguments.of("a bad chunk size", "POST /api/v1/txs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                        + "application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
                        400, "BODY_INCOMPLETE"),
                Arguments.of("an unknown path under /api", get("/api/v1/nothing-here"), 404, "NOT_FOUND"),
                Arguments.of("an unknown version", get("/api/v2/health"), 404, "NOT_FOUND"),
                Arguments.of("a method a path does not answer", "DELETE /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Connection: close\r\n\r\n", 404, "NOT_FOUND"),
                Arguments.of("a bad query parameter", get("/api/v1/entries?start=abc"), 400, "BAD_REQUEST"),
                Arguments.of("a cursor past every number", get("/api/v1/citizens?after=9223372036854775807"), 400,
                        "BAD_REQUEST"),
                Arguments.of("a write as text/plain", post("/api/v1/txs", "text/plain", "{}"), 415,
                        "UNSUPPORTED_MEDIA_TYPE"),
                Arguments.of("a write as a form", post("/api/v1/txs/batch", "application/x-www-form-urlencoded", "[]"),
                        415, "UNSUPPORTED_MEDIA_TYPE"),
                Arguments.of("a write without Content-Type", post("/api/v1/txs", null, "{}"), 415,
                        "UNSUPPORTED_MEDIA_TYPE"),
                Arguments.of("a write in another charset", post("/api/v1/txs", "application/json; charset=latin1", "{}"),
                        415, "UNSUPPORTED_MEDIA_TYPE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverLevelErrors")
    void theServersOwnRefusalsAreProblems(String why, String request, int status, String code) {
        long before = running.node.head().treeSize();
        assertProblem(RawHttp.send(port, request), status, code);
        assertThat(running.node.head().treeSize()).isEqualTo(before);
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("NaN", "{\"payload\":NaN}", "MALFORMED"),
                Arguments.of("a leading zero", "{\"payload\":01}", "MALFORMED"),
                Arguments.of("a comment", "{/* hi */}", "MALFORMED"),
                Arguments.of("trailing content", "{} {}", "MALFORMED"),
                Arguments.of("a duplicate member", "{\"a\":1,\"a\":2}", "MALFORMED"),
                Arguments.of("nesting 40 deep", "[".repeat(40) + "]".repeat(40), "MALFORMED"),
                Arguments.of("a 500-digit number", "{\"payload\":" + "9".repeat(500) + "}", "MALFORMED"),
                Arguments.of("an unterminated string", "{\"payload\":\"abc", "MALFORMED"),
                Arguments.of("an array", "[]", "MALFORMED"),
                Arguments.of("a bare word", "hello", "MALFORMED"),
                Arguments.of("nothing", "", "MALFORMED"),
                Arguments.of("an object too short to be an envelope", "{\"signature\":\"x\"}", "MALFORMED"),
                Arguments.of("an envelope without payload", "{\"signature\":\"" + "A".repeat(86) + "\",\"other\":\""
                        + "x".repeat(120) + "\"}", "MISSING_FIELD"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedBodiesGetASentenceWithoutTheParsersWords(String why, String body, String code) {
        JsonNode p = Problems.assertProblem(running, "/txs", body.getBytes(StandardCharsets.UTF_8), 400, code);
        assertWrittenForAPerson(p.get("detail").asText());
    }

    @Test
    void bytesThatAreNotUtf8AreNamedByTheirOffset() {
        byte[] text = ("{\"a\":\"" + "x".repeat(250) + "\"}").getBytes(StandardCharsets.US_ASCII);
        text[100] = (byte) 0xc0;
        text[101] = (byte) 0xaf; // an overlong '/'
        JsonNode p = Problems.assertProblem(running, "/txs", text, 400, "MALFORMED");
        assertWrittenForAPerson(p.get("detail").asText());
        assertThat(p.get("detail").asText()).contains("offset 100");
    }

    @Test
    void aWriteDeclaredAsJsonWithCharsetIsAccepted() {
        String tx = Txs.notaryJson(society, alice, "charset stated").toString();
        RawHttp.Answer a = RawHttp.send(port, post("/api/v1/txs", "application/json; charset=UTF-8", tx));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
    }

    @Test
    void aCursorPastTheLastNumberIsAnEmptyPageNotTheFirst() {
        JsonNode page = Http.get(running.url() + "/api/v1/citizens?after=2147483647").json();
        assertThat(page.get("people")).isEmpty();
        assertThat(Http.get(running.url() + "/api/v1/citizens?after=2147483646").json().get("people")).isEmpty();
    }

    @Test
    void aClientSendingAByteAtATimeIsCutOffAtTheDeadline() throws Exception {
        String request = get("/api/v1/health");
        long start = System.nanoTime();
        try (Socket s = RawHttp.open(quick.port())) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            // one byte every 400 ms: never idle for the 1 s idle timeout, but far slower than the 1.5 s deadline
            boolean cut = false;
            for (int i = 0; i < request.length() - 4 && !cut; i++) {
                try {
                    RawHttp.write(out, request.substring(i, i + 1));
                } catch (java.io.IOException closed) {
                    cut = true;
                    break;
                }
                Thread.sleep(400);
                cut = in.available() > 0;
            }
            RawHttp.Answer a = RawHttp.read(in);
            assertProblem(a, 408, "REQUEST_TIMEOUT");
            assertThat(in.read()).isEqualTo(-1); // and the connection is closed
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void aBodyTrickledAByteAtATimeIsCutOffAtTheDeadline() throws Exception {
        long before = running.node.head().treeSize();
        try (Socket s = RawHttp.open(quick.port())) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            RawHttp.write(out, "POST /api/v1/txs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n");
            for (int i = 0; i < 20 && in.available() == 0; i++) {
                try {
                    RawHttp.write(out, " ");
                } catch (java.io.IOException closed) {
                    break;
                }
                Thread.sleep(400);
            }
            RawHttp.Answer a = RawHttp.read(in);
            assertThat(a.status()).isIn(400, 408);
            assertProblem(a, a.status(), a.status() == 408 ? "REQUEST_TIMEOUT" : "BODY_INCOMPLETE");
        }
        assertThat(running.node.head().treeSize()).isEqualTo(before);
    }

    @Test
    void aBodyThatNeverArrivesIsAProblemNotAHang() throws Exception {
        try (Socket s = RawHttp.open(quick.port())) {
            RawHttp.write(s.getOutputStream(), "POST /api/v1/txs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                    + "application/json\r\nContent-Length: 100\r\n\r\n{\"payload\":");
            RawHttp.Answer a = RawHttp.read(s.getInputStream());
            assertThat(a.status()).isIn(400, 408);
            assertProblem(a, a.status(), a.status() == 408 ? "REQUEST_TIMEOUT" : "BODY_INCOMPLETE");
        }
    }

    @Test
    void aSlowButSteadyClientWithinTheDeadlineIsServed() throws Exception {
        String request = get("/api/v1/health");
        try (Socket s = RawHttp.open(quick.port())) {
            for (int i = 0; i < request.length(); i += 10) {
                RawHttp.write(s.getOutputStream(), request.substring(i, Math.min(request.length(), i + 10)));
                Thread.sleep(20);
            }
            assertThat(RawHttp.read(s.getInputStream()).status()).isEqualTo(200);
        }
    }

    @Test
    void theServersCodesShareNoNameWithAnotherCode() {
        var names = ApiServer.allCodes().stream().map(c -> c.name()).toList();
        for (HttpCode c : HttpCode.values()) {
            assertThat(names.stream().filter(c.name()::equals).count()).as(c.name()).isEqualTo(1);
        }
    }

    @Test
    void everyCodeTheServerUsesIsInTheCatalogue() {
        JsonNode problems = Http.get(running.url() + "/api/v1/problems").json().get("problems");
        java.util.Set<String> codes = new java.util.HashSet<>();
        problems.forEach(p -> codes.add(p.get("code").asText()));
        for (HttpCode c : HttpCode.values()) {
            assertThat(codes).contains(c.name());
            JsonNode one = Http.get(running.url() + "/api/v1/problems/" + c.name()).json();
            assertThat(one.get("status").asInt()).isEqualTo(c.status());
        }
    }
}
