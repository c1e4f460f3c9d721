// Screenshots of an exported page for people to look at (not a test): node shot.mjs PAGE OUTDIR
import { chromium } from "playwright-core";
const [page_path, outdir] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const [name, width, height] of [["phone", 390, 844], ["desktop", 1280, 900]]) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto("file://" + page_path);
  await page.screenshot({ path: `${outdir}/${name}-top.png` });
  const open = await page.$("#row-philadelphia button.open");
  if (open) await open.click();
  const panel = await page.$("#details-philadelphia");
  if (panel) await panel.screenshot({ path: `${outdir}/${name}-philadelphia.png` });
  const chart = await page.$("section.chart");
  if (chart) await chart.screenshot({ path: `${outdir}/${name}-chart.png` });
  await page.close();
}
await browser.close();
