// How many separate HTML parses the circuit's first render costs on each page (issue 14). Blazor inserts every markup
// block by setting innerHTML on a template, one parse each; whitespace-only blocks are pure waste. Run against a
// running app:  node benchmarks/lighthouse/parseos.mjs http://127.0.0.1:5000/capacidad …
import puppeteer from 'puppeteer-core';

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  for (const url of process.argv.slice(2)) {
    const tab = await browser.newPage();
    await tab.evaluateOnNewDocument(() => {
      const original = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML');
      window.__parseos = [];
      Object.defineProperty(Element.prototype, 'innerHTML', {
        set(html) { window.__parseos.push(String(html)); original.set.call(this, html); },
        get() { return original.get.call(this); },
      });
    });
    await tab.goto(url, { waitUntil: 'load' });
    await tab.waitForFunction(() => document.activeElement?.tagName === 'H1', { timeout: 15000 }); // the circuit drew the page
    const parseos = await tab.evaluate(() => window.__parseos);
    const elementos = await tab.evaluate(() => document.querySelectorAll('*').length);
    console.log(`${url}: ${parseos.length} parses, ${parseos.filter(p => /^\s*$/.test(p)).length} of whitespace alone, ${elementos} elements`);
    await tab.close();
  }
} finally {
  await browser.close();
}
