'use strict';

const RECS_URL = process.env.RECS_URL || 'http://recommendations:8000';

/**
 * The "for you" list of a user from the recommendations service; an empty
 * list when the service is down, so the home page still renders.
 */
async function forUser(userId, limit, log) {
  try {
    const response = await fetch(`${RECS_URL}/recommend?user_id=${encodeURIComponent(userId)}&limit=${limit}`);
    if (!response.ok) {
      log.warn({ status: response.status }, 'recommendations answered an error');
      return [];
    }
    return (await response.json()).items;
  } catch (err) {
    log.error(`upstream recommendations unavailable: ${err.cause ? err.cause.message : err.message}`);
    return [];
  }
}

module.exports = { forUser };
