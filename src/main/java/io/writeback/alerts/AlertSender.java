package io.writeback.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends an alert to the webhooks and the mail recipients that cover its sync. A destination that fails
 * is logged (by its host, never its URL, which often holds a token) and does not stop the others.
 */
@Component
class AlertSender {

    private static final Logger log = LoggerFactory.getLogger(AlertSender.class);

    private final AlertProperties properties;
    private final ObjectProvider<JavaMailSender> mail;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    AlertSender(AlertProperties properties, ObjectProvider<JavaMailSender> mail, ObjectMapper json) {
        this.properties = properties;
        this.mail = mail;
        this.json = json;
    }

    void send(Alert alert) {
        for (AlertProperties.Webhook webhook : properties.webhooks()) {
            if (webhook.covers(alert.sync())) {
                post(webhook, alert);
            }
        }
        if (properties.email().covers(alert.sync())) {
            mail(alert);
        }
    }

    private void post(AlertProperties.Webhook webhook, Alert alert) {
        URI url = URI.create(webhook.url());
        try {
            String body = json.writeValueAsString("slack".equals(webhook.format()) ? alert.slack() : alert.json());
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() >= 300) {
                log.warn("Alert for sync {}: the webhook at {} answered HTTP {}", alert.sync(), url.getHost(), answer.statusCode());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            log.warn("Alert for sync {}: the webhook at {} could not be called: {}", alert.sync(), url.getHost(),
                    e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void mail(Alert alert) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.warn("Alert for sync {}: writeback.alerts.email names recipients, but no mail server is set (spring.mail.host)",
                    alert.sync());
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setTo(properties.email().to().toArray(String[]::new));
        if (properties.email().from() != null) {
            message.setFrom(properties.email().from());
        }
        message.setSubject(alert.title());
        message.setText(alert.text());
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn("Alert for sync {}: the mail could not be sent: {}", alert.sync(), e.getMessage());
        }
    }
}
