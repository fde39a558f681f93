package com.shop.checkout.api;

import com.shop.checkout.model.Customer;
import com.shop.checkout.model.Order;
import com.shop.checkout.service.CheckoutService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The checkout endpoints the storefront calls: price the cart, then place the order.
 *
 * <p>Every request carries the storefront's {@code trace_id} in the MDC (see
 * {@code TraceIdFilter}), so one checkout can be followed across
 * checkout-service, payments-api and the gateway.
 */
@RestController
@RequestMapping("/checkout")
public class CheckoutController {

    private static final Logger log = LoggerFactory.getLogger(CheckoutController.class);

    private final CheckoutService checkoutService;

    public CheckoutController(CheckoutService checkoutService) {
        this.checkoutService = checkoutService;
    }

    /**
     * Prices the cart: reserves stock, then computes subtotal and tax. Failures
     * are logged here with the order and customer, which the error handler lacks.
     *
     * @param request the cart's lines and the customer checking out
     * @return the priced order, shown to the customer before they pay
     * @throws RuntimeException whatever pricing threw, after logging it
     */
    @PostMapping
    public ResponseEntity<CheckoutResponse> checkout(@RequestBody CheckoutRequest request) {
        String order = request.orderId();
        long customer = request.customerId();
        String traceId = MDC.get("trace_id");
        log.info("POST /checkout order={} customer={} trace_id={}", order, customer, traceId);
        try {
            Order draft = request.toOrder();
            checkoutService.reserveStock(draft);
            // pricing needs the customer: the tax rate depends on where the order ships
            Customer buyer = checkoutService.customer(customer);
            Order priced = checkoutService.priceOrder(draft, buyer);
            return ResponseEntity.ok(CheckoutResponse.of(priced));
        } catch (RuntimeException e) {
            log.error("checkout failed order={} customer={} trace_id={}", order, customer, traceId, e);
            throw e;
        }
    }

    /**
     * Places an order that was priced by {@link #checkout}.
     *
     * @param request the same request, confirmed by the customer
     * @return the stored order
     */
    @PostMapping("/place")
    public ResponseEntity<CheckoutResponse> place(@RequestBody CheckoutRequest request) {
        Customer buyer = checkoutService.customer(request.customerId());
        Order priced = checkoutService.priceOrder(request.toOrder(), buyer);
        Order saved = checkoutService.placeOrder(priced);
        return ResponseEntity.ok(CheckoutResponse.of(saved));
    }
}
