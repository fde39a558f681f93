'use strict';

const { createClient } = require('redis');

const client = createClient({ url: process.env.REDIS_URL || 'redis://redis:6379' });
client.connect();

/** The stored cart with this id, or null: { id, lines: [{ sku, quantity }] }. */
async function get(cartId) {
  const json = await client.get(`cart:${cartId}`);
  return json ? JSON.parse(json) : null;
}

module.exports = { get };
