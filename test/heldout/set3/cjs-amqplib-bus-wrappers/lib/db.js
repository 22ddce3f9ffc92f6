'use strict';
const mysql = require('mysql2/promise');

module.exports = mysql.createPool({ uri: process.env.MYSQL_URL, connectionLimit: 5 });
