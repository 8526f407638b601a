package it.cabina.etl.sources;

import it.cabina.etl.landing.LedgerEntry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Per delivery and file, the reconciliation counts gathered while loading (file types load side by side). */
public final class FileCountsCollector {
    private final Map<String, Map<String, LedgerEntry.FileCounts>> byDelivery = new LinkedHashMap<>();

    public synchronized void put(String deliveryName, LedgerEntry.FileCounts counts) {
        byDelivery.computeIfAbsent(deliveryName, k -> new LinkedHashMap<>()).put(counts.name(), counts);
    }

    /** Read once the loading is over. */
    public synchronized Map<String, LedgerEntry.FileCounts> of(String deliveryName) {
        return Collections.unmodifiableMap(byDelivery.getOrDefault(deliveryName, Map.of()));
    }
}
