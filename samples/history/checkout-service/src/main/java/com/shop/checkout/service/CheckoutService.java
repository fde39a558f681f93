package com.shop.checkout.service;

import com.shop.checkout.inventory.StockClient;
import com.shop.checkout.model.Customer;
import com.shop.checkout.model.Order;
import com.shop.checkout.model.OrderLine;
import com.shop.checkout.repo.CustomerRepository;
import com.shop.checkout.repo.OrderRepository;
import com.shop.checkout.tax.TaxCalculator;
import java.math.BigDecimal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prices and places orders: the one place that knows the order of the steps
 * (stock, price, tax, persist). Controllers call it; it never talks HTTP
 * itself.
 */
@Service
public class CheckoutService {

    private static final Logger log = LoggerFactory.getLogger(CheckoutService.class);

    private final CustomerRepository customers;
    private final OrderRepository orders;
    private final StockClient stock;
    private final TaxCalculator taxCalculator;

    public CheckoutService(
            CustomerRepository customers,
            OrderRepository orders,
            StockClient stock,
            TaxCalculator taxCalculator) {
        this.customers = customers;
        this.orders = orders;
        this.stock = stock;
        this.taxCalculator = taxCalculator;
    }

    /**
     * The customer checking out. Addresses are loaded with the customer, so
     * pricing needs no further query.
     *
     * @param customerId the id from the checkout request
     * @return the customer, with the addresses on file
     * @throws UnknownCustomerException when no customer has that id
     */
    public Customer customer(long customerId) {
        return customers.findById(customerId)
                .orElseThrow(() -> new UnknownCustomerException(customerId));
    }

    /**
     * Reserves every line of the order with the inventory service.
     */
    public void reserveStock(Order order) {
        for (OrderLine line : order.getLines()) {
            stock.reserve(line.sku(), line.quantity());
        }
    }

    /**
     * Subtotal and tax of the order. Prices are the ones quoted in the cart;
     * the tax depends on where the order ships, so it needs the customer.
     *
     * @param order the order to price
     * @param customer the customer the tax depends on
     * @return the same order with its totals set
     */
    public Order priceOrder(Order order, Customer customer) {
        BigDecimal subtotal = BigDecimal.ZERO;
        for (OrderLine line : order.getLines()) {
            subtotal = subtotal.add(line.getSubtotal());
        }
        if (subtotal.signum() == 0) {
            throw new EmptyOrderException(order.getId());
        }
        // tax is computed per line, so a mixed cart rounds the same way on the invoice
        BigDecimal tax = taxCalculator.compute(order, customer);
        order.price(subtotal, tax);
        return order;
    }

    /**
     * Persists a priced order; the payment is taken by payments-api once the
     * order is stored.
     *
     * <p>Runs in one transaction: the connection comes from the shared Hikari
     * pool, so a saturated pool shows up here as a connection timeout.
     *
     * @param order a priced order
     * @return the stored order
     */
    @Transactional
    public Order placeOrder(Order order) {
        if (order.getTotal().signum() <= 0) {
            throw new EmptyOrderException(order.getId());
        }
        for (OrderLine line : order.getLines()) {
            if (line.quantity() <= 0) {
                throw new InvalidOrderException(order.getId(), line.sku());
            }
        }
        log.info("placing order={} total={}", order.getId(), order.getTotal());
        // stock was reserved at checkout; the stored order makes the reservation final
        stock.confirm(order.getId());
        try {
            return orders.save(order);
        } catch (DataAccessException e) {
            log.error("could not place order={}", order.getId(), e);
            throw e;
        }
    }
}
