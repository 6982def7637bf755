/** Path of Debian's Chromium (CHROMIUM_PATH, CHROME_BIN or the PATH), or undefined. */
export function findChromium(): string | undefined;
