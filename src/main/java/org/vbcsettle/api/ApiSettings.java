package org.vbcsettle.api;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import java.time.Duration;

/** {@code vbc.http.*}: where the API listens and the bounds it enforces on requests. */
public record ApiSettings(String host, int port, long maxJsonBytes, long maxNdjsonBytes, int maxNdjsonLineBytes,
                          int ndjsonBatchSize, Duration requestTimeout, Duration streamingTimeout,
                          Duration shutdownDeadline, MetricsAccess metricsAccess) {

    /**
     * Who may read {@code GET /metrics} ({@code vbc.http.metrics}, env {@code VBC_METRICS}): {@code open} (no
     * token, the way a Prometheus server on the same network scrapes), {@code token} (any valid bearer
     * token), or {@code off} (404).
     */
    public enum MetricsAccess {
        OPEN, TOKEN, OFF;

        static MetricsAccess parse(String s) {
            for (MetricsAccess a : values()) {
                if (a.name().equalsIgnoreCase(s.trim())) {
                    return a;
                }
            }
            throw new IllegalArgumentException("vbc.http.metrics must be open, token or off, was '" + s + "'");
        }
    }

    /** With {@code /metrics} open. */
    public ApiSettings(String host, int port, long maxJsonBytes, long maxNdjsonBytes, int maxNdjsonLineBytes,
                       int ndjsonBatchSize, Duration requestTimeout, Duration streamingTimeout, Duration shutdownDeadline) {
        this(host, port, maxJsonBytes, maxNdjsonBytes, maxNdjsonLineBytes, ndjsonBatchSize, requestTimeout, streamingTimeout,
                shutdownDeadline, MetricsAccess.OPEN);
    }

    public static ApiSettings fromConfig(Config root) {
        Config c = withDefaults(root).getConfig("vbc.http");
        return new ApiSettings(c.getString("host"), c.getInt("port"), c.getBytes("max-json-bytes"),
                c.getBytes("max-ndjson-bytes"), Math.toIntExact(c.getBytes("max-ndjson-line-bytes")),
                c.getInt("ndjson-batch-size"), c.getDuration("request-timeout"), c.getDuration("streaming-timeout"),
                c.getDuration("shutdown-deadline"), MetricsAccess.parse(c.getString("metrics")));
    }

    /** The given config over this package's {@code api.conf}, so that the API works before it is included. */
    public static Config withDefaults(Config root) {
        return root.withFallback(ConfigFactory.parseResources(ApiSettings.class.getClassLoader(), "api.conf")).resolve();
    }

    public ApiSettings withPort(int p) {
        return new ApiSettings(host, p, maxJsonBytes, maxNdjsonBytes, maxNdjsonLineBytes, ndjsonBatchSize,
                requestTimeout, streamingTimeout, shutdownDeadline, metricsAccess);
    }

    public ApiSettings withMetricsAccess(MetricsAccess a) {
        return new ApiSettings(host, port, maxJsonBytes, maxNdjsonBytes, maxNdjsonLineBytes, ndjsonBatchSize,
                requestTimeout, streamingTimeout, shutdownDeadline, a);
    }

    public ApiSettings withHost(String h) {
        return new ApiSettings(h, port, maxJsonBytes, maxNdjsonBytes, maxNdjsonLineBytes, ndjsonBatchSize,
                requestTimeout, streamingTimeout, shutdownDeadline, metricsAccess);
    }
}
