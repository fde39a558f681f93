package com.shop.checkout.api;

import com.shop.checkout.model.Order;
import com.shop.checkout.model.OrderLine;
import java.util.List;

/**
 * The body of {@code POST /checkout}: the storefront's cart, as lines with the prices it showed.
 */
public record CheckoutRequest(String orderId, long customerId, List<OrderLine> lines) {

    public Order toOrder() {
        return new Order(orderId, customerId, lines);
    }
}
