package com.shop.checkout.repo;

import com.shop.checkout.model.Order;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.hibernate.exception.JDBCConnectionException;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;
import org.springframework.stereotype.Repository;

/**
 * Stores placed orders with plain JDBC; failures become Spring's {@code DataAccessException}.
 */
@Repository
public class OrderRepository {

    private static final String INSERT_ORDER = "insert into orders (id, customer_id, subtotal, tax) values (?, ?, ?, ?)";

    private final DataSource dataSource;
    private final HibernateJpaDialect jpaDialect = new HibernateJpaDialect();

    public OrderRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Order save(Order order) {
        try {
            return insert(dataSource.getConnection(), order);
        } catch (SQLException e) {
            throw jpaDialect.convertHibernateAccessException(new JDBCConnectionException("Unable to acquire JDBC Connection", e));
        }
    }

    private Order insert(Connection connection, Order order) throws SQLException {
        try (connection; PreparedStatement insert = connection.prepareStatement(INSERT_ORDER)) {
            insert.setString(1, order.getId());
            insert.setLong(2, order.getCustomerId());
            insert.setBigDecimal(3, order.getSubtotal());
            insert.setBigDecimal(4, order.getTax());
            insert.executeUpdate();
            return order;
        }
    }
}
