package io.writeback.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;

/**
 * CSRF tokens for Hawtio's browser session: Hawtio reads the {@code XSRF-TOKEN} cookie and sends it back as
 * is in {@code X-XSRF-TOKEN}; a token in a form parameter is the masked (BREACH-safe) one.
 */
final class BrowserCsrfTokenHandler implements CsrfTokenRequestHandler {

    private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();
    private final CsrfTokenRequestHandler masked = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
        masked.handle(request, response, token);
        if (request.getHeader("Authorization") == null) {
            token.get(); // issues the cookie, which is otherwise made only when a page asks for the token
        }
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
        boolean inHeader = StringUtils.hasText(request.getHeader(token.getHeaderName()));
        return (inHeader ? plain : masked).resolveCsrfTokenValue(request, token);
    }
}
