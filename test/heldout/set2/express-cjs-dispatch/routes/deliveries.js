'use strict';
const express = require('express');
const mysql = require('mysql2/promise');
const { QUEUES, sendJson } = require('../lib/amqp');
const dispatchEvents = require('../lib/dispatchEvents');

const pool = mysql.createPool(process.env.MYSQL_URL);
const router = express.Router();

router.post('/', async (req, res, next) => {
  try {
    const [result] = await pool.execute('INSERT INTO deliveries (address, status) VALUES (?, ?)', [req.body.address, 'new']);
    await sendJson(QUEUES.geocode, { deliveryId: result.insertId, address: req.body.address });
    res.status(201).send({ id: result.insertId });
  } catch (err) {
    next(err);
  }
});

router.post('/:id/assign', async (req, res) => {
  await pool.execute('UPDATE deliveries SET courier_id = ? WHERE id = ?', [req.body.courierId, req.params.id]);
  dispatchEvents.emit('delivery:assigned', { id: req.params.id, courierId: req.body.courierId });
  res.sendStatus(204);
});

module.exports = router;
