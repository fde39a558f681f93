package com.shop.checkout.service;

/**
 * An order line that cannot be placed, such as a zero or negative quantity.
 */
public class InvalidOrderException extends RuntimeException {

    public InvalidOrderException(String orderId, String sku) {
        super("order " + orderId + " has an invalid line for sku " + sku);
    }
}
