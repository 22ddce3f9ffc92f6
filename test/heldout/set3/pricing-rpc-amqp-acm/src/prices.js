'use strict';
const { MongoClient } = require('mongodb');

const client = new MongoClient(process.env.MONGO_URL);
const collection = () => client.db('pricing').collection('prices');

async function quote(sku, qty) {
  const doc = await collection().findOne({ sku });
  if (!doc) return { sku, error: 'unknown_sku' };
  return { sku, qty, total: doc.cents * qty };
}

module.exports = { quote, collection };
