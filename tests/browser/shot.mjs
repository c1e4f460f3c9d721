// Screenshots of an exported page for people to look at (not a test): node shot.mjs PAGE OUTDIR [ID]
// At a phone's, a tablet's and two desktops' widths: the first screen, a card opened (ID,
// philadelphia by default) and the chart of tiers over time.
import { chromium } from "playwright-core";
const [pagePath, outdir, id = "philadelphia"] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const [width, height] of [[390, 844], [768, 1024], [1280, 900], [1920, 1080]]) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto("file://" + pagePath);
  await page.screenshot({ path: `${outdir}/${width}-top.png` });
  const place = await page.$(`details.place[data-id="${id}"]`);
  if (place) {
    await page.click(`details.place[data-id="${id}"] > summary`);
    await place.screenshot({ path: `${outdir}/${width}-${id}.png` });
  }
  const chart = await page.$("section.chart");
  if (chart) await chart.screenshot({ path: `${outdir}/${width}-chart.png` });
  await page.close();
}
await browser.close();
