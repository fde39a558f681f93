package com.shop.checkout.api;

import com.shop.checkout.model.Order;
import java.math.BigDecimal;

/**
 * What the storefront shows before payment: the totals of the priced order.
 */
public record CheckoutResponse(String orderId, BigDecimal subtotal, BigDecimal tax, BigDecimal total) {

    public static CheckoutResponse of(Order order) {
        return new CheckoutResponse(order.getId(), order.getSubtotal(), order.getTax(), order.getTotal());
    }
}
