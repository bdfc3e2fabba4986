/**
 * Open the HTML report in headless Chromium (Debian's `chromium`, driven by playwright-core; no
 * browser download): the page renders, the chart is there, and a status filter changes the
 * visible rows. Skipped, with the reason printed, where Chromium is absent.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCheck } from '../../policies/pipeline';
import { writeComplianceReports } from '../../policies/reporters';
import { allFixtures } from '../support/fixtures';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
const ARTIFACTS = path.resolve(__dirname, '../.artifacts');

(CHROMIUM ? describe : describe.skip)('HTML report in headless Chromium', () => {
  it('renders, shows the chart, and filters rows by status', async () => {
    const { chromium } = await import('playwright-core');
    const fixture = allFixtures().find((f) => f.endsWith('runner_plan_38_types.json'))!;
    const { result } = runCheck([fixture], { now: new Date('2026-11-28T00:00:00Z') });
    const files = writeComplianceReports(result, ARTIFACTS, { toolVersion: 'test', catalogueVersion: 'test', generatedAt: new Date('2026-11-28T00:00:00Z') }, 'browser-report');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`file://${files.html}`);
      expect(await page.title()).toContain('HIPAA Security Rule compliance mapping');
      expect(await page.locator('#score-chart rect').count()).toBeGreaterThan(3);
      const visible = () => page.locator('tr.finding:visible').count();
      // A finding is listed once under each 45 CFR citation its rule cites.
      const rows = await page.locator('tr.finding').count();
      const failRows = await page.locator('tr.finding[data-status="fail"]').count();
      expect(failRows).toBeGreaterThan(0);
      expect(await visible()).toBe(rows);
      await page.getByLabel(/Fail$/).first().uncheck();
      const withoutFail = await visible();
      expect(withoutFail).toBe(rows - failRows);
      expect(await page.locator('#visible-count').textContent()).toBe(String(withoutFail));
      await page.selectOption('#strategy-filter', '1');
      expect(await visible()).toBe(await page.locator('tr.finding[data-strategy="1"]:not([data-status="fail"])').count());
      expect(await page.locator('section.strategy[data-strategy="2"]').isVisible()).toBe(false);
      await page.selectOption('#strategy-filter', 'all');
      await page.getByLabel(/Fail$/).first().check();
      await page.evaluate('window.scrollTo(0, 0)');
      const shot = path.join(ARTIFACTS, 'report.png');
      await page.screenshot({ path: shot, fullPage: false });
      expect(fs.statSync(shot).size).toBeGreaterThan(10_000);
      console.log(`report screenshot: ${shot}`);
    } finally {
      await browser.close();
    }
  }, 120_000);
});

if (!CHROMIUM) console.warn('skipped the browser test: Chromium is not installed (apt-get install chromium)');
