package io.writeback.security;

import io.writeback.support.TestUsers;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser logged in through the login form, as Hawtio's users are: a session cookie and a CSRF cookie. */
final class BrowserSession {

    private final String root;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

    private BrowserSession(String root) {
        this.root = root;
    }

    static BrowserSession logIn(String root, TestUsers user) throws IOException, InterruptedException {
        BrowserSession browser = new BrowserSession(root);
        String page = browser.client.send(HttpRequest.newBuilder(URI.create(root + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        if (!token.find()) {
            throw new IllegalStateException("the login page holds no CSRF token: " + page);
        }
        String form = "username=" + user.username() + "&password=" + user.password() + "&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.client.send(HttpRequest.newBuilder(URI.create(root + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login refused: " + login.statusCode() + " " + login.headers().map());
        }
        return browser;
    }

    /** A POST carrying the session, with or without the CSRF token Hawtio sends from its cookie. */
    HttpResponse<String> post(String path, String json, boolean withCsrfToken) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (withCsrfToken) {
            request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(root + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue).reduce((first, last) -> last)
                .orElseThrow(() -> new IllegalStateException("no " + name + " cookie"));
    }
}
