// `npm run audit` (not in CI): Lighthouse 12.2.3 against headless Chromium on 127.0.0.1.
// Preset: Lighthouse's default, mobile (Moto G Power emulation, simulated slow 4G and a 4×
// CPU slowdown). Performance: median of 5 runs of the article page with the widget and of the
// same page without it (bench/pages/article-no-widget.html, written here from the article: the
// script tag and the element removed, a <base> so its relative links still resolve). Then
// accessibility of demo/index.html and the article. The article is demo/article.html; until it
// exists, demo/index.html stands in (and the output says so).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import lighthouse from 'lighthouse';
import { format, resolveConfig } from 'prettier';
import { launch } from '../bench/lib/browser.ts';
import { startStaticServer } from './lib/static-server.ts';

const RUNS = Number(process.env.AUDIT_RUNS ?? 5);
const NO_WIDGET = 'bench/pages/article-no-widget.html';

interface PerfRun {
  score: number;
  tbt: number;
  cls: number;
  lcp: number;
  /** Long tasks (> 50 ms) whose script is one of the widget's files, in ms. */
  widgetLongTasks: number[];
}

export function withoutWidget(html: string, dir: string): string {
  return html
    .replace(/[ \t]*<!--[^>]*script tag and the element[^>]*-->\n?/i, '')
    .replace(/[ \t]*<script[^>]*src="[^"]*clinic-locator\.js"[^>]*><\/script>\n?/gi, '')
    .replace(/[ \t]*<clinic-locator[\s\S]*?<\/clinic-locator>\n?/gi, '')
    .replace(/<head>/i, `<head>\n    <base href="/${dir}/" />`);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  const article = existsSync('demo/article.html') ? 'demo/article.html' : 'demo/index.html';
  if (article !== 'demo/article.html') {
    console.log('note: demo/article.html does not exist yet: auditing demo/index.html instead');
  }
  // Written as Prettier formats it, so `npm run lint` stays clean after an audit.
  writeFileSync(
    NO_WIDGET,
    await format(withoutWidget(readFileSync(article, 'utf8'), 'demo'), {
      ...(await resolveConfig(NO_WIDGET)),
      filepath: NO_WIDGET,
    }),
  );

  const server: Server = await startStaticServer({ root: '.', port: 0 });
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const { browser, close } = await launch();
  const port = Number(new URL(browser.wsEndpoint()).port);
  const run = async (path: string, categories: string[]) => {
    const result = await lighthouse(`${origin}/${path}?tiles=local`, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: categories,
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
    return result.lhr;
  };
  const perf = async (path: string): Promise<PerfRun> => {
    const lhr = await run(path, ['performance']);
    const items = ((lhr.audits['long-tasks']?.details as { items?: unknown[] } | undefined)
      ?.items ?? []) as { url?: string; duration?: number; startTime?: number }[];
    // Which file each long task ran, to find the widget's part in it.
    for (const t of items) {
      if ((t.duration ?? 0) > 50) {
        console.log(
          `  long task ${path}: ${Math.round(t.duration ?? 0)} ms at ${Math.round(t.startTime ?? 0)} ms, ${t.url ?? '?'}`,
        );
      }
    }
    return {
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      tbt: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
      cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
      lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
      widgetLongTasks: items
        .filter((t) => /clinic-locator|\/dist\//.test(t.url ?? '') && (t.duration ?? 0) > 50)
        .map((t) => Math.round(t.duration ?? 0)),
    };
  };
  try {
    const results: Record<string, PerfRun[]> = {};
    for (const path of [article, NO_WIDGET]) {
      results[path] = [];
      for (let i = 0; i < RUNS; i++) results[path].push(await perf(path));
    }
    console.log(
      `\nLighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile preset (default), median of ${RUNS} runs, Chromium ${await browser.version()}\n`,
    );
    const rows: string[][] = [];
    for (const [path, runs] of Object.entries(results)) {
      rows.push([
        path,
        String(median(runs.map((r) => r.score))),
        `${median(runs.map((r) => r.tbt)).toFixed(0)} ms`,
        median(runs.map((r) => r.cls)).toFixed(3),
        `${(median(runs.map((r) => r.lcp)) / 1000).toFixed(2)} s`,
        runs.map((r) => (r.widgetLongTasks.length ? r.widgetLongTasks.join('+') : '0')).join(', '),
        runs.map((r) => r.score).join(', '),
      ]);
    }
    console.log(
      '| page | performance | TBT | CLS | LCP | widget long tasks > 50 ms (per run) | scores |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
    const withScore = median((results[article] ?? []).map((r) => r.score));
    const withoutScore = median((results[NO_WIDGET] ?? []).map((r) => r.score));
    console.log(
      `\nwith widget ${withScore} vs without ${withoutScore}: ${withoutScore - withScore} points (target: ≥ 98 and within 2; TBT 0 ms)`,
    );
    console.log('\n| page | accessibility |\n| --- | --- |');
    for (const path of [...new Set(['demo/index.html', article])]) {
      const lhr = await run(path, ['accessibility']);
      const failed = Object.values(lhr.audits)
        .filter((a) => a.score === 0 && a.scoreDisplayMode === 'binary')
        .map((a) => a.id);
      console.log(
        `| ${path} | ${Math.round((lhr.categories.accessibility?.score ?? 0) * 100)}${failed.length ? ` (failed: ${failed.join(', ')})` : ''} |`,
      );
      // Name what failed, so it can be found and fixed.
      for (const id of failed) {
        const details = lhr.audits[id]?.details as
          { items?: { node?: { selector?: string; snippet?: string } }[] } | undefined;
        for (const item of details?.items ?? []) {
          console.log(`    ${id}: ${item.node?.selector ?? ''} ${item.node?.snippet ?? ''}`);
        }
      }
    }
  } finally {
    await close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
