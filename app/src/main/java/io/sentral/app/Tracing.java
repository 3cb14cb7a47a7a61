package io.sentral.app;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sentral.config.TracingSettings;
import io.sentral.core.trace.TraceBook;
import io.sentral.core.trace.WireTap;
import io.sentral.sip.trace.HepExporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The node's SIP tracing (N3): the trace-on-demand book, always there and idle until a target is
 * switched on, and the HEP exporter when {@code node.tracing.hep} names a collector, with its
 * packet counters {@code sentral_hep_packets_total{outcome="sent|dropped"}}.
 */
final class Tracing implements AutoCloseable {
    private final TraceBook book;
    private final Optional<HepExporter> hep;

    private Tracing(TraceBook book, Optional<HepExporter> hep) {
        this.book = book;
        this.hep = hep;
    }

    static Tracing start(TracingSettings settings, MeterRegistry meters) {
        TraceBook book = new TraceBook(settings.keptCalls(), settings.messagesPerCall());
        Optional<HepExporter> hep = settings.hep().map(collector -> {
            try {
                return new HepExporter(new InetSocketAddress(collector.host(), collector.port()),
                        collector.captureId(), collector.password());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot export HEP to " + collector.host() + ":" + collector.port()
                        + ": " + e.getMessage(), e);
            }
        });
        hep.ifPresent(exporter -> {
            FunctionCounter.builder("sentral.hep.packets", exporter, HepExporter::sent)
                    .description("SIP messages exported to the HEP collector").tag("outcome", "sent").register(meters);
            FunctionCounter.builder("sentral.hep.packets", exporter, HepExporter::dropped)
                    .description("SIP messages exported to the HEP collector").tag("outcome", "dropped")
                    .register(meters);
        });
        return new Tracing(book, hep);
    }

    TraceBook book() {
        return book;
    }

    /** What the SIP edge reports every message to. */
    List<WireTap> taps() {
        List<WireTap> taps = new ArrayList<>(List.of(book));
        hep.ifPresent(taps::add);
        return taps;
    }

    @Override
    public void close() {
        hep.ifPresent(exporter -> {
            try {
                exporter.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
