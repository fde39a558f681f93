package com.shop.checkout.tax;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tax rates by ISO country code, with a default for countries the shop has no agreement for.
 */
@Component
public class TaxRates {

    private static final BigDecimal DEFAULT_RATE = new BigDecimal("0.20");

    private final Map<String, BigDecimal> byCountry = Map.of(
            "DE", new BigDecimal("0.19"),
            "FR", new BigDecimal("0.20"),
            "NL", new BigDecimal("0.21"),
            "CH", new BigDecimal("0.081"),
            "GB", new BigDecimal("0.20"),
            "US", new BigDecimal("0.00"));

    public BigDecimal forCountry(String country) {
        return byCountry.getOrDefault(country, DEFAULT_RATE);
    }

    public BigDecimal defaultRate() {
        return DEFAULT_RATE;
    }
}
