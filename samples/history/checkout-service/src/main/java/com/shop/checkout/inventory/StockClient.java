package com.shop.checkout.inventory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Reserves and confirms stock with the inventory service, and keeps the stock
 * levels of low-stock skus fresh for the storefront's "only 2 left" badges.
 */
@Component
public class StockClient {

    private static final Duration TIMEOUT = Duration.ofMillis(3000);

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
     * Refreshes the levels of the low-stock skus every ten minutes.
     */
    @Scheduled(fixedDelay = 600_000)
    void refreshLowStock() {
        for (String sku : lowStock.keySet()) {
            Integer level = inventory.get().uri("/stock/{sku}", sku).retrieve().body(Integer.class);
            lowStock.put(sku, level);
        }
    }
}
