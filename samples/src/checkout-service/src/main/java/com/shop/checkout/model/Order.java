package com.shop.checkout.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order being checked out: its lines, and the totals once priced.
 */
public class Order {

    private final String id;
    private final long customerId;
    private final List<OrderLine> lines;
    private BigDecimal subtotal = BigDecimal.ZERO;
    private BigDecimal tax = BigDecimal.ZERO;

    public Order(String id, long customerId, List<OrderLine> lines) {
        this.id = id;
        this.customerId = customerId;
        this.lines = List.copyOf(lines);
    }

    public String getId() {
        return id;
    }

    public long getCustomerId() {
        return customerId;
    }

    public List<OrderLine> getLines() {
        return lines;
    }

    public BigDecimal getSubtotal() {
        return subtotal;
    }

    public BigDecimal getTax() {
        return tax;
    }

    public BigDecimal getTotal() {
        return subtotal.add(tax);
    }

    public void price(BigDecimal subtotal, BigDecimal tax) {
        this.subtotal = subtotal;
        this.tax = tax;
    }
}
