package com.shop.checkout.inventory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Reserves and confirms stock with the inventory service, and keeps the stock
 * levels of low-stock skus fresh for the storefront's "only 2 left" badges.
 */
@Component
public class StockClient {

    private static final Logger log = LoggerFactory.getLogger(StockClient.class);

    /** Inventory calls slower than this are logged as "inventory call slow". */
    public static final long SLOW_CALL_MS = 800;

    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    private final RestClient inventory;
    private final Map<String, Integer> lowStock = new ConcurrentHashMap<>();

    public StockClient(RestClient.Builder builder) {
        this.inventory = builder.baseUrl("http://inventory:8080").build();
    }

    /**
     * Holds {@code quantity} units of {@code sku} for a checkout in progress.
     */
    public void reserve(String sku, int quantity) {
        inventory.post()
                .uri("/stock/{sku}/reservations?quantity={quantity}&timeoutMs={timeout}", sku, quantity, TIMEOUT.toMillis())
                .retrieve()
                .toBodilessEntity();
    }

    /**
     * Makes the reservations of a placed order final.
     */
    public void confirm(String orderId) {
        inventory.post()
                .uri("/orders/{orderId}/confirm", orderId)
                .retrieve()
                .toBodilessEntity();
    }

    /** The last known stock of a low-stock sku, or null when it is not low. */
    public Integer lowStockLevel(String sku) {
        return lowStock.get(sku);
    }

    /**
     * Refreshes the levels of the low-stock skus every ten minutes. A slow
     * answer is logged, not retried: the next refresh comes soon enough.
     */
    @Scheduled(fixedDelay = 600_000)
    void refreshLowStock() {
        for (String sku : lowStock.keySet()) {
            long started = System.nanoTime();
            Integer level = inventory.get().uri("/stock/{sku}", sku).retrieve().body(Integer.class);
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            if (tookMs > SLOW_CALL_MS) {
                log.warn("inventory call slow took={}ms sku={}", tookMs, sku);
            }
            lowStock.put(sku, level);
        }
    }
}
