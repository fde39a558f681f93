'use strict';

/**
 * GET /cart/:cartId — the cart with its lines priced at current catalog
 * prices, as the storefront shows it on the cart page and at checkout.
 *
 * Errors go to the error middleware in server.js, which logs them with the
 * request's cartId and answers 500.
 */

const express = require('express');
const { computeCart } = require('../cart/total');
const carts = require('../cart/store');

const router = express.Router();

/** Loads the cart, prices it and answers with the totals. */
async function handleCart(req, res) {
  const { cartId } = req.params;
  req.log = req.log.child({ cartId });
  const cart = await carts.get(cartId);
  if (!cart) {
    res.status(404).json({ error: `cart ${cartId} not found` });
    return;
  }
  // prices move during sales: never trust the ones stored with the cart
  const totals = await computeCart(cart);
  res.json(totals);
}

router.get('/cart/:cartId', (req, res, next) => handleCart(req, res).catch(next));

module.exports = { router, handleCart };
