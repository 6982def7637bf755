// Finds Debian's Chromium (never a downloaded browser): CHROME_BIN or CHROMIUM_PATH, else the PATH.
'use strict';
const { existsSync } = require('node:fs');
const path = require('node:path');

function findChromium() {
  for (const env of [process.env.CHROMIUM_PATH, process.env.CHROME_BIN]) if (env && existsSync(env)) return env;
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

module.exports = { findChromium };
