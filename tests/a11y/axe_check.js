#!/usr/bin/env node
// Offline accessibility check of local HTML files: axe-core inside headless
// Chromium (the Debian package), driven by puppeteer-core.
//
// Usage: node axe_check.js [--details] [--incomplete] [--] FILE.html [FILE2.html ...]
//
// Prints one JSON object per file, one per line (JSON Lines), to stdout:
//   {"file": "...", "violations": [{"id", "impact", "help", "nodes": [selector, ... first 5]}],
//    "narrow_overflow": N, "clipped": [...]}
// narrow_overflow: how many CSS pixels the page is wider than a 320-pixel screen (0: the
// page itself never scrolls sideways; wide tables scroll inside their own region);
// clipped: the chart texts (svg.chart text) that reach outside their chart's viewBox.
// --details     adds per violation "helpUrl", "node_count" and "details" (html + failureSummary
//               of the first 5 nodes)
// --incomplete  adds "incomplete": the checks axe could not decide (for a person to review)
//
// Only WCAG 2.x level A/AA rules run (tags wcag2a wcag2aa wcag21a wcag21aa wcag22aa).
// Pages may load only file:, data:, blob: and about: URLs; every other request is
// aborted (and reported on stderr), so a page can never make the check hang on the network.
//
// Exit codes: 0 every file was checked (whatever was found); 1 at least one file
// could not be checked (its line has "error"); 2 usage error or missing file;
// 3 Chromium could not be started.
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium), AXE_CHECK_TIMEOUT_MS
// (default 30000: launch, page load and axe run each), AXE_CHECK_TIMING=1 (print
// milestones to stderr).
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const MAX_NODES = 5;
const VIEWPORT = { width: 1280, height: 800 };
const ALLOWED_SCHEMES = new Set(['file:', 'data:', 'blob:', 'about:']);

// The flags Chromium needs here: run as root, no GPU, and nothing that phones home
// (on a closed network those calls hang the start).
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider',
  '--no-default-browser-check',
  '--disable-domain-reliability',
  '--metrics-recording-only',
  '--mute-audio',
];

function die(code, message) {
  process.stderr.write(`axe_check: ${message}\n`);
  process.exit(code);
}

function parseArgs(argv) {
  const opts = { details: false, incomplete: false, files: [] };
  let onlyFiles = false;
  for (const arg of argv) {
    if (onlyFiles) opts.files.push(arg);
    else if (arg === '--') onlyFiles = true;
    else if (arg === '--details') opts.details = true;
    else if (arg === '--incomplete') opts.incomplete = true;
    else if (arg === '-h' || arg === '--help') {
      process.stdout.write(
        'usage: node axe_check.js [--details] [--incomplete] [--] FILE.html [FILE2.html ...]\n');
      process.exit(0);
    } else if (arg.startsWith('--')) die(2, `unknown option ${arg}`);
    else opts.files.push(arg);
  }
  if (opts.files.length === 0) die(2, 'usage: node axe_check.js FILE.html [FILE2.html ...]');
  for (const f of opts.files) {
    let st;
    try {
      st = fs.statSync(f);
    } catch (e) {
      die(2, `no such file: ${f}`);
    }
    if (!st.isFile()) die(2, `not a file: ${f}`);
  }
  return opts;
}

function loadDependencies() {
  // Resolved from this script's own node_modules, never from the network.
  try {
    const puppeteer = require('puppeteer-core');
    const axePath = require.resolve('axe-core/axe.min.js');
    const axeSource = fs.readFileSync(axePath, 'utf8');
    return { puppeteer, axeSource };
  } catch (e) {
    die(2, `cannot load axe-core/puppeteer-core (run "npm ci" in ${__dirname}): ${e.message}`);
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// The children of this process that lead their own process group: Chromium, as
// puppeteer starts it detached. Linux /proc; empty elsewhere.
function childGroupLeaders() {
  const leaders = [];
  let entries = [];
  try { entries = fs.readdirSync('/proc'); } catch (e) { return leaders; }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses.
      const [, ppid, pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) === process.pid && Number(pgrp) === Number(name)) leaders.push(Number(name));
    } catch (e) { /* process gone meanwhile */ }
  }
  return leaders;
}

function selector(target) {
  // target is a list of selectors, one per frame / shadow root level.
  return Array.isArray(target) ? target.map(selector).join(' >>> ') : String(target);
}

function summarise(results, opts) {
  const conv = (r) => {
    const out = {
      id: r.id,
      impact: r.impact,
      help: r.help,
      nodes: r.nodes.slice(0, MAX_NODES).map((n) => selector(n.target)),
    };
    if (opts.details) {
      out.helpUrl = r.helpUrl;
      out.node_count = r.nodes.length;
      out.details = r.nodes.slice(0, MAX_NODES).map((n) => ({
        target: selector(n.target),
        html: n.html,
        failureSummary: n.failureSummary,
      }));
    }
    return out;
  };
  return {
    violations: results.violations.map(conv),
    ...(opts.incomplete ? { incomplete: results.incomplete.map(conv) } : {}),
  };
}

// What axe does not measure: whether a chart's text fits inside the chart, and whether
// the page (rather than a table's own region) scrolls sideways on a narrow screen
// (WCAG 1.4.10 Reflow: 320 CSS pixels).
async function measureLayout(page) {
  const clipped = await page.evaluate(() => {
    const found = [];
    for (const svg of document.querySelectorAll('svg.chart')) {
      const box = svg.viewBox.baseVal;
      for (const text of svg.querySelectorAll('text')) {
        const b = text.getBBox();
        if (b.x < box.x - 0.5 || b.y < box.y - 0.5
            || b.x + b.width > box.x + box.width + 0.5 || b.y + b.height > box.y + box.height + 0.5) {
          found.push(text.textContent);
        }
      }
    }
    return found;
  });
  await page.setViewport({ width: 320, height: 800 });
  const narrowOverflow = await page.evaluate(
    () => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
  await page.setViewport(VIEWPORT);
  return { narrow_overflow: narrowOverflow, clipped };
}

async function checkFile(browser, file, ctx) {
  const page = await browser.newPage();
  try {
    await page.setViewport(VIEWPORT);
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      let scheme = 'invalid:';
      try {
        scheme = new URL(req.url()).protocol;
      } catch (e) { /* keep invalid */ }
      if (ALLOWED_SCHEMES.has(scheme)) {
        req.continue().catch(() => {});
      } else {
        process.stderr.write(`axe_check: ${file}: blocked request to ${req.url()}\n`);
        req.abort('blockedbyclient').catch(() => {});
      }
    });
    const url = pathToFileURL(path.resolve(file)).href;
    await page.goto(url, { waitUntil: 'load', timeout: ctx.timeout });
    // Runtime.evaluate is not subject to the page's Content-Security-Policy.
    await page.evaluate(ctx.axeSource);
    const results = await withTimeout(
      page.evaluate(
        (tags, resultTypes) =>
          window.axe.run(document, {
            runOnly: { type: 'tag', values: tags },
            resultTypes,
          }),
        TAGS,
        ctx.opts.incomplete ? ['violations', 'incomplete'] : ['violations'],
      ),
      ctx.timeout,
      'axe.run',
    );
    const layout = await measureLayout(page);
    return { file, ...summarise(results, ctx.opts), ...layout };
  } finally {
    await page.close().catch(() => {});
  }
}

const T0 = Date.now();
function timing(what) {
  if (process.env.AXE_CHECK_TIMING === '1') {
    process.stderr.write(`axe_check: ${what} at ${Date.now() - T0} ms\n`);
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { puppeteer, axeSource } = loadDependencies();
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  const timeout = Number(process.env.AXE_CHECK_TIMEOUT_MS) || 30000;
  if (!fs.existsSync(executablePath)) {
    die(3, `Chromium not found at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH)`);
  }

  // Everything Chromium writes (profile, crashpad database, caches) goes in one
  // temporary folder, removed at the end: nothing lands in $HOME.
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'axe-check-chromium-'));
  const userDataDir = path.join(tmpDir, 'profile');
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(tmpDir, 'config'),
    XDG_CACHE_HOME: path.join(tmpDir, 'cache'),
  };
  let browser;
  const cleanup = async () => {
    if (browser) {
      const proc = browser.process();
      try {
        await withTimeout(browser.close(), 10000, 'closing Chromium');
      } catch (e) {
        process.stderr.write(`axe_check: ${e.message}; killing it\n`);
      }
      // puppeteer starts Chromium as the leader of its own process group: whatever
      // of that group is still running now (a stuck renderer, a zygote) is killed.
      if (proc && proc.pid) {
        try { process.kill(-proc.pid, 'SIGKILL'); } catch (e) { /* group already gone */ }
      }
      browser = undefined;
    }
    fs.rmSync(tmpDir, { recursive: true, force: true });
  };

  // Interrupted: kill Chromium's whole process group at once, remove the temporary
  // folder and exit as the signal would have (130, 143, 129). During the launch,
  // before `browser` is known, the group is found as a child process of this one.
  const onSignal = (signal, number) => {
    const proc = browser && browser.process();
    for (const pgid of proc && proc.pid ? [proc.pid] : childGroupLeaders()) {
      try { process.kill(-pgid, 'SIGKILL'); } catch (e) { /* group already gone */ }
    }
    fs.rmSync(tmpDir, { recursive: true, force: true });
    process.stderr.write(`axe_check: stopped by ${signal}\n`);
    process.exit(128 + number);
  };
  process.once('SIGINT', () => onSignal('SIGINT', 2));
  process.once('SIGTERM', () => onSignal('SIGTERM', 15));
  process.once('SIGHUP', () => onSignal('SIGHUP', 1));

  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true, // DevTools over a pipe: no port, no stderr parsing
      userDataDir,
      env,
      args: CHROMIUM_ARGS,
      timeout,
      protocolTimeout: timeout * 2,
      // Signals are handled above; puppeteer also kills Chromium on process exit.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (e) {
    await cleanup();
    die(3, `Chromium could not start (${executablePath}): ${e.message.split('\n')[0]}`);
  }

  timing('Chromium started');
  let failed = 0;
  try {
    for (const file of opts.files) {
      let line;
      try {
        line = await checkFile(browser, file, { axeSource, opts, timeout });
      } catch (e) {
        failed += 1;
        line = { file, error: e.message.split('\n')[0] };
        process.stderr.write(`axe_check: ${file}: ${line.error}\n`);
        if (!browser.connected) {
          process.stdout.write(JSON.stringify(line) + '\n');
          throw new Error('Chromium went away');
        }
      }
      process.stdout.write(JSON.stringify(line) + '\n');
      timing(`checked ${file}`);
    }
  } catch (e) {
    await cleanup();
    die(3, e.message);
  }
  await cleanup();
  timing('Chromium closed');
  return failed ? 1 : 0;
}

main().then(
  (code) => { process.exitCode = code; },
  (e) => die(1, e && e.stack ? e.stack : String(e)),
);
