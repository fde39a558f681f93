'use strict';

const { fetchPrices } = require('../catalog/client');

/** Totals a cart at current catalog prices (cartTotal is the reducer); resolves to { cartId, items, total }. */
async function computeCart(cart) {
  const prices = await fetchPrices(cart.lines.map((line) => line.sku));
  const priced = cart.lines
    .map((line) => ({ ...line, product: prices.get(line.sku) }))
    // a sku delisted since it was added to the cart has no price: leave it out of the total
    .filter((line) => line.product !== undefined);
  const sum = priced.reduce(cartTotal, 0);
  return { cartId: cart.id, items: priced, total: Number(sum.toFixed(2)) };
}

function cartTotal(total, item) {
  return total + item.product.price * item.quantity;
}

module.exports = { computeCart, cartTotal };
