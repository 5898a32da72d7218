package io.writeback.connection;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** The address of this instance's own web server, for connections whose base URL is a bare path. */
@Component
public class LocalServer implements ApplicationListener<WebServerInitializedEvent> {

    private volatile int port = -1;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
    }

    String resolve(String baseUrl) {
        if (!baseUrl.startsWith("/")) {
            return baseUrl;
        }
        if (port < 0) {
            throw new IllegalStateException("the web server is not up yet, so " + baseUrl + " has no address");
        }
        return "http://127.0.0.1:" + port + baseUrl;
    }
}
