package com.shop.checkout.repo;

import com.shop.checkout.model.Customer;
import java.util.Optional;

/**
 * Customers with their billing and shipping addresses.
 */
public interface CustomerRepository {

    Optional<Customer> findById(long customerId);
}
