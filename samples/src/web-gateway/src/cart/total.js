'use strict';

const { fetchPrices } = require('../catalog/client');

/** Totals a cart at current catalog prices (cartTotal is the reducer); resolves to { cartId, items, total }. */
async function computeCart(cart) {
  const prices = await fetchPrices(cart.lines.map((line) => line.sku));
  const priced = cart.lines.map((line) => ({ ...line, product: prices.get(line.sku) }));
  const sum = priced.reduce(cartTotal, 0);
  return { cartId: cart.id, items: priced, total: Math.round(sum * 100) / 100 };
}

function cartTotal(total, item) {
  return total + item.product.price * item.quantity;
}

module.exports = { computeCart, cartTotal };
