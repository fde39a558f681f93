package com.shop.checkout.service;

/**
 * An order with nothing to pay: every line was removed or priced at zero.
 */
public class EmptyOrderException extends RuntimeException {

    public EmptyOrderException(String orderId) {
        super("order " + orderId + " has nothing to pay");
    }
}
