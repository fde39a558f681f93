'use strict';

const express = require('express');
const pino = require('pino');
const pinoHttp = require('pino-http');
const { router: cartRouter } = require('./routes/cart');

const logger = pino({ base: { pid: process.pid, hostname: require('os').hostname(), service: 'web-gateway' } });

const app = express();
app.use(pinoHttp({ logger, genReqId: (req) => req.headers['x-request-id'] }));
app.use(cartRouter);

// Last: every error a route passes to next() is logged once, with the request's bindings (reqId, cartId).
app.use((err, req, res, _next) => {
  req.log.error({ err }, 'request failed');
  res.status(500).json({ error: 'internal error' });
});

app.listen(process.env.PORT || 3000, () => logger.info('web-gateway listening'));
