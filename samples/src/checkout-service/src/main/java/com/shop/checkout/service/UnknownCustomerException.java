package com.shop.checkout.service;

/**
 * The customer of a checkout request does not exist (or was deleted meanwhile).
 */
public class UnknownCustomerException extends RuntimeException {

    public UnknownCustomerException(long customerId) {
        super("customer " + customerId + " not found");
    }
}
