// Lighthouse 12, its default mobile profile (simulated slow 4G, a 4× slower CPU), on each page given, in Debian's
// Chromium. Prints one Markdown table; `--json <file>` also keeps the numbers. Used by scripts/lighthouse.sh.
import { mkdir, writeFile } from 'node:fs/promises';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const args = process.argv.slice(2);
const base = args[0];
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : null;
// `--reports <dir>` keeps each page's whole Lighthouse report, to see which request or element costs what.
const reportsAt = args.indexOf('--reports');
const reportsDir = reportsAt >= 0 ? args[reportsAt + 1] : null;
const firstOption = [jsonAt, reportsAt].filter(i => i >= 0).sort((a, b) => a - b)[0];
// Each page is "Name=/path?query": split at the first "=" only, the query has its own.
const pages = args.slice(1, firstOption).map(p => {
  const at = p.indexOf('=');
  return { name: p.slice(0, at), path: p.slice(at + 1) };
});

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const rows = [];
try {
  for (const page of pages) {
    const url = new URL(page.path, base).toString();
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
    const audit = id => lhr.audits[id]?.numericValue;
    const score = id => lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100);
    rows.push({
      page: page.name, path: page.path,
      performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'),
      lcpMs: audit('largest-contentful-paint'), tbtMs: audit('total-blocking-time'), cls: audit('cumulative-layout-shift'),
      transferBytes: audit('total-byte-weight'),
      runtimeError: lhr.runtimeError?.message ?? null,
    });
    if (reportsDir) {
      await mkdir(reportsDir, { recursive: true });
      await writeFile(`${reportsDir}/${page.name.replaceAll(' ', '-').toLowerCase()}.json`, JSON.stringify(lhr));
    }
    process.stderr.write(`lighthouse: ${page.name} ${rows.at(-1).performance}\n`);
  }
} finally {
  await chrome.kill();
}

const n = (v, digits = 0) => v == null ? 'n/d' : v.toLocaleString('es-CO', { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log('| Página | Rendimiento | Accesibilidad | Buenas prácticas | LCP (s) | TBT (ms) | CLS | Transferencia (KB) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows)
  console.log(`| ${r.page} (\`${r.path}\`) | ${n(r.performance)} | ${n(r.accessibility)} | ${n(r.bestPractices)} | ${n(r.lcpMs / 1000, 1)} | ${n(r.tbtMs)} | ${n(r.cls, 3)} | ${n(r.transferBytes / 1024)} |`);
if (jsonFile) await writeFile(jsonFile, JSON.stringify(rows, null, 2));
