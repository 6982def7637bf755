// `npm start`: build what is out of date, then run Sinergi in this process (so Ctrl-C reaches the
// server directly and it can stop its embedded PostgreSQL cleanly).
'use strict';
const { buildApi, buildWeb } = require('./build-if-needed');

buildApi();
buildWeb();
require('../dist/api/main.js');
