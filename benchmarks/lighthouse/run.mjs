// Lighthouse 12, its default mobile profile (simulated slow 4G, a 4× slower CPU), on each page given, in Debian's
// Chromium. Used by scripts/lighthouse.sh. Prints one Markdown table.
//   node run.mjs <base> "Name=/path?query"… [--runs 3] [--json <file>] [--reports <dir>]
// Each page runs --runs times and the table shows the run with the median performance score (Lighthouse's own advice:
// one run on a shared machine varies by several points), with the lowest and highest score beside it. `--json` keeps
// the numbers of every run; `--reports` keeps each median run's whole report, to see which request or element costs what.
import { mkdir, writeFile } from 'node:fs/promises';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const args = process.argv.slice(2);
const option = name => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : null;
};
const base = args[0];
const runs = Number(option('--runs') ?? 3);
const jsonFile = option('--json');
const reportsDir = option('--reports');
// Each page is "Name=/path?query": split at the first "=" only, the query has its own.
const pages = args.slice(1).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--')).map(p => {
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
    const measured = [];
    for (let run = 0; run < runs; run++) {
      const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
      const audit = id => lhr.audits[id]?.numericValue;
      const score = id => lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100);
      measured.push({
        lhr,
        performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'),
        fcpMs: audit('first-contentful-paint'), lcpMs: audit('largest-contentful-paint'), tbtMs: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'), transferBytes: audit('total-byte-weight'),
        runtimeError: lhr.runtimeError?.message ?? null,
      });
      process.stderr.write(`lighthouse: ${page.name} (${run + 1}/${runs}) ${measured.at(-1).performance}\n`);
    }
    const byScore = [...measured].sort((a, b) => (a.performance ?? -1) - (b.performance ?? -1));
    const median = byScore[Math.floor((byScore.length - 1) / 2)];
    if (reportsDir) {
      await mkdir(reportsDir, { recursive: true });
      await writeFile(`${reportsDir}/${page.name.replaceAll(' ', '-').toLowerCase()}.json`, JSON.stringify(median.lhr));
    }
    const strip = ({ lhr, ...numbers }) => numbers;
    rows.push({
      page: page.name, path: page.path, ...strip(median),
      performanceLowest: byScore[0].performance, performanceHighest: byScore.at(-1).performance,
      runs: measured.map(strip),
    });
  }
} finally {
  await chrome.kill();
}

const n = (v, digits = 0) => v == null ? 'n/d' : v.toLocaleString('es-CO', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const range = r => runs > 1 ? ` (${n(r.performanceLowest)}–${n(r.performanceHighest)})` : '';
console.log(`| Página | Rendimiento${runs > 1 ? ` (mediana de ${runs}: mín.–máx.)` : ''} | Accesibilidad | Buenas prácticas | LCP (s) | TBT (ms) | CLS | Transferencia (KB) |`);
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows)
  console.log(`| ${r.page} (\`${r.path}\`) | ${n(r.performance)}${range(r)} | ${n(r.accessibility)} | ${n(r.bestPractices)} | ${n(r.lcpMs / 1000, 1)} | ${n(r.tbtMs)} | ${n(r.cls, 3)} | ${n(r.transferBytes / 1024)} |`);
if (jsonFile) await writeFile(jsonFile, JSON.stringify(rows, null, 2));
