package it.cabina.etl.sources;

import it.cabina.etl.landing.LedgerEntry;

import java.util.LinkedHashMap;
import java.util.Map;

/** Per delivery and file, the reconciliation counts gathered while loading (file types load side by side). */
public final class FileCountsCollector {
    private final Map<String, Map<String, LedgerEntry.FileCounts>> byDelivery = new LinkedHashMap<>();

    public synchronized void put(String deliveryName, LedgerEntry.FileCounts counts) {
        byDelivery.computeIfAbsent(deliveryName, k -> new LinkedHashMap<>()).put(counts.name(), counts);
    }

    public synchronized Map<String, LedgerEntry.FileCounts> of(String deliveryName) {
        return Map.copyOf(byDelivery.getOrDefault(deliveryName, Map.of()));
    }
}
