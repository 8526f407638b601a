package it.cabina.portal.load;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One planner of the load test, with a browser's connection pool of its own: logs in, then until the end time opens the
 * list, filters it by a period, opens a dashboard and downloads a report, pausing between requests. Every request is
 * timed; an unexpected status or a failed request is an error.
 */
final class Planner {
    record Sample(String kind, long nanos, long bytes) {}

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern DOWNLOAD = Pattern.compile("href=\"(/reports/[^\"]+)\"");
    private static final Pattern DASHBOARD = Pattern.compile("href=\"(/cruscotto/[^\"]+)\"");
    private static final Pattern PERIOD = Pattern.compile("<option value=\"(\\d{4}(?:-S[12])?)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String username, password;
    private final Instant loginAt, end;
    private final long thinkMillis;
    private final List<Sample> samples = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private String session;

    Planner(int port, String username, String password, Instant loginAt, Instant end, long thinkMillis) {
        this.loginAt = loginAt;
        this.base = "http://127.0.0.1:" + port;
        this.username = username;
        this.password = password;
        this.end = end;
        this.thinkMillis = thinkMillis;
    }

    List<Sample> samples() { return samples; }

    List<String> errors() { return errors; }

    void run() {
        try {
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), loginAt).toMillis()));
            if (!login()) return;
            while (Instant.now().isBefore(end)) {
                String list = page("list", "/");
                if (list == null) continue;
                List<String> periods = all(PERIOD, list);
                if (!periods.isEmpty() && before()) page("filter", "/?period=" + pick(periods));
                List<String> dashboards = all(DASHBOARD, list);
                if (!dashboards.isEmpty() && before()) page("dashboard", pick(dashboards));
                List<String> downloads = all(DOWNLOAD, list);
                if (!downloads.isEmpty() && before()) download(pick(downloads));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean login() throws InterruptedException {
        HttpResponse<String> form = send("login-form", HttpRequest.newBuilder(uri("/login")).GET(), 200);
        if (form == null) return false;
        Matcher token = TOKEN.matcher(form.body());
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("cabina_accesso="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
        if (!token.find() || cookie == null) {
            errors.add(username + ": login form without token");
            return false;
        }
        String body = "username=" + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
        HttpResponse<String> r = send("login", HttpRequest.newBuilder(uri("/login")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)), 303);
        if (r == null) return false;
        session = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("cabina_sessione="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
        if (session == null) errors.add(username + ": no session cookie after login");
        return session != null;
    }

    private String page(String kind, String path) throws InterruptedException {
        HttpResponse<String> r = send(kind, HttpRequest.newBuilder(uri(path)).header("Cookie", session).GET(), 200);
        return r == null ? null : r.body();
    }

    private void download(String path) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Cookie", session).timeout(Duration.ofSeconds(30)).GET().build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long nanos = System.nanoTime() - t0;
            if (r.statusCode() != 200 || r.body().length == 0) errors.add(username + ": GET " + path + " → " + r.statusCode());
            else samples.add(new Sample("download", nanos, r.body().length));
        } catch (java.io.IOException e) {
            errors.add(username + ": GET " + path + " → " + e);
        }
    }

    private HttpResponse<String> send(String kind, HttpRequest.Builder request, int expected) throws InterruptedException {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - t0;
            if (r.statusCode() != expected) {
                errors.add(username + ": " + kind + " " + r.uri().getPath() + " → " + r.statusCode() + " (expected " + expected + ")");
                return null;
            }
            samples.add(new Sample(kind, nanos, r.body().length()));
            return r;
        } catch (java.io.IOException e) {
            errors.add(username + ": " + kind + " → " + e);
            return null;
        }
    }

    /** Pauses as a person between two clicks; false when the time is up. */
    private boolean before() throws InterruptedException {
        if (thinkMillis > 0) Thread.sleep(ThreadLocalRandom.current().nextLong(2 * thinkMillis + 1));
        return Instant.now().isBefore(end);
    }

    private URI uri(String path) { return URI.create(base + path); }

    private static List<String> all(Pattern p, String html) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(html);
        while (m.find()) found.add(m.group(1));
        return found;
    }

    private static String pick(List<String> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }
}
