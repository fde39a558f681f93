package com.shop.checkout.inventory;

import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Reserves and confirms stock with the inventory service.
 */
@Component
public class StockClient {

    /** Calls slower than this are logged by checkout as "inventory call slow". */
    public static final long SLOW_CALL_MS = 800;

    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    private final RestClient inventory;

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
}
