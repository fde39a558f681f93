'use strict';

const CATALOG_URL = process.env.CATALOG_URL || 'http://catalog:8080';
const TIMEOUT_MS = 3000;

/**
 * Current prices of the given skus, as a Map sku → { sku, price, currency }.
 * Skus the catalog no longer lists (delisted products) are absent from the map.
 */
async function fetchPrices(skus) {
  const url = `${CATALOG_URL}/prices?skus=${encodeURIComponent(skus.join(','))}`;
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) {
    throw new Error(`catalog answered ${response.status} for ${skus.length} skus`);
  }
  const products = await response.json();
  return new Map(products.map((product) => [product.sku, product]));
}

module.exports = { fetchPrices };
