package com.shop.checkout.model;

/**
 * A customer as checkout sees it. The shipping address is null until the
 * customer picks one: pickup-in-store and digital-only orders never do.
 */
public class Customer {

    private final long id;
    private final String email;
    private final Address billingAddress;
    private final Address shippingAddress;

    public Customer(long id, String email, Address billingAddress, Address shippingAddress) {
        this.id = id;
        this.email = email;
        this.billingAddress = billingAddress;
        this.shippingAddress = shippingAddress;
    }

    public long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public Address getBillingAddress() {
        return billingAddress;
    }

    /** The address the order ships to, or null for orders that do not ship. */
    public Address getShippingAddress() {
        return shippingAddress;
    }
}
