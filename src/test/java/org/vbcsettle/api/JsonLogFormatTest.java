package org.vbcsettle.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.vbcsettle.contract.Mappers;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped logback.xml with {@code VBC_LOG_FORMAT=json}: one JSON object a line, the request id a field. */
class JsonLogFormatTest {

    static LoggerContext configured(String format) throws Exception {
        LoggerContext context = new LoggerContext();
        context.putProperty("VBC_LOG_FORMAT", format);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL main = JsonLogFormatTest.class.getClassLoader().getResource("logback.xml");
        assertThat(main).as("logback.xml of the application").isNotNull();
        configurator.doConfigure(main);
        return context;
    }

    static String encode(LoggerContext context, String appender) {
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> a = (OutputStreamAppender<ILoggingEvent>) root.getAppender(appender);
        assertThat(a).as("root appender " + appender).isNotNull();
        ch.qos.logback.classic.Logger logger = context.getLogger("org.vbcsettle.ledger.ContractEntity");
        LoggingEvent e = new LoggingEvent("test", logger, Level.INFO, "contract {}: \"quoted\" line", null, new Object[]{"c-1"});
        e.setMDCPropertyMap(Map.of("requestId", "req-7"));
        return new String(a.getEncoder().encode(e), StandardCharsets.UTF_8);
    }

    @Test
    void jsonFormatWritesOneJsonObjectALineWithTheRequestId() throws Exception {
        LoggerContext context = configured("json");
        try {
            String line = encode(context, "json");
            assertThat(line).endsWith("\n");
            assertThat(line.strip()).doesNotContain("\n");
            JsonNode n = Mappers.json().readTree(line);
            assertThat(n.path("message").asText()).isEqualTo("contract c-1: \"quoted\" line");
            assertThat(n.path("level").asText()).isEqualTo("INFO");
            assertThat(n.path("logger_name").asText()).isEqualTo("org.vbcsettle.ledger.ContractEntity");
            assertThat(n.path("requestId").asText()).isEqualTo("req-7");
            assertThat(n.has("@timestamp")).isTrue();
        } finally {
            context.stop();
        }
    }

    @Test
    void textFormatIsTheDefaultAndShowsTheRequestId() throws Exception {
        LoggerContext context = configured("text");
        try {
            assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("json")).isNull();
            String line = encode(context, "text");
            assertThat(line).contains("INFO").contains("[req-7]").contains("contract c-1: \"quoted\" line");
        } finally {
            context.stop();
        }
    }
}
