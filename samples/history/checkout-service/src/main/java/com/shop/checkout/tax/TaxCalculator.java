package com.shop.checkout.tax;

import com.shop.checkout.model.Address;
import com.shop.checkout.model.Customer;
import com.shop.checkout.model.Order;
import com.shop.checkout.model.OrderLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.stereotype.Component;

/**
 * Sales tax for an order, at the rate of the country the order ships to.
 */
@Component
public class TaxCalculator {

    private final TaxRates rates;

    public TaxCalculator(TaxRates rates) {
        this.rates = rates;
    }

    /**
     * Tax on every line of the order, each line rounded half up to the cent.
     */
    public BigDecimal compute(Order order, Customer customer) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal rate = rateFor(customer);
        for (OrderLine line : order.getLines()) {
            total = total.add(round(line.getSubtotal().multiply(rate)));
        }
        return total;
    }

    /**
     * The tax rate of the country the order ships to, or the default rate for
     * orders that do not ship (store pickup, digital goods).
     */
    BigDecimal rateFor(Customer customer) {
        Address shipping = customer.getShippingAddress();
        if (shipping == null) {
            return rates.defaultRate();
        }
        return rates.forCountry(shipping.getCountry());
    }

    private static BigDecimal round(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
