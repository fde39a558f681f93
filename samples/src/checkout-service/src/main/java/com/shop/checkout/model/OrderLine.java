package com.shop.checkout.model;

import java.math.BigDecimal;

/**
 * One product of an order, at the unit price quoted when it was added to the cart.
 */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {

    public BigDecimal getSubtotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
