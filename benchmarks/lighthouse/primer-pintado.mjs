// The first paint of each page on a phone (issue 14): what a visitor sees before the interactive circuit connects,
// which is the server's prerendered HTML with its stylesheets and no script at all. Saves one PNG per page.
//   node primer-pintado.mjs <base> <dir> "Name=/path?query"…
import { mkdir } from 'node:fs/promises';
import puppeteer from 'puppeteer-core';

const [base, dir, ...pages] = process.argv.slice(2);
await mkdir(dir, { recursive: true });
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  for (const page of pages) {
    const at = page.indexOf('=');
    const name = page.slice(0, at).replaceAll(' ', '-').toLowerCase();
    const tab = await browser.newPage();
    // Lighthouse's phone: a Moto G Power's 412 × 823 CSS pixels.
    await tab.setViewport({ width: 412, height: 823, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    await tab.setJavaScriptEnabled(false);
    await tab.goto(new URL(page.slice(at + 1), base).toString(), { waitUntil: 'load' });
    // The kiosk's slide fades in with CSS: photograph it once it has.
    await tab.evaluate(() => Promise.all(document.getAnimations().map(a => a.finished)));
    await tab.screenshot({ path: `${dir}/${name}.png` });
    await tab.close();
    process.stderr.write(`primer pintado: ${dir}/${name}.png\n`);
  }
} finally {
  await browser.close();
}
