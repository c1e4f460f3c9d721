// Browser tests of `scorecard export --format html`, in Debian's Chromium driven by
// playwright-core. Usage: node test_page.mjs SCORECARD_BINARY REPO_ROOT OUT_DIR
// Exits 77 (skipped) when Chromium is not installed; `make test` installs it.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const [binary, root, outDir] = process.argv.slice(2);
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
if (!existsSync(chromiumPath)) {
  console.log(`skipped: ${chromiumPath} not found (make test installs Debian's chromium)`);
  process.exit(77);
}
let chromium;
try {
  ({ chromium } = await import("playwright-core"));
} catch {
  console.log("skipped: playwright-core is not installed (make test runs npm ci in tests/browser)");
  process.exit(77);
}

mkdirSync(outDir, { recursive: true });
const pagePath = join(outDir, "scorecard.html");
// CPD's 12 cities (named one by one: data/ grows), the county that runs Chicago's jail, a
// hostile file, and one without a population.
const cpdCities = ["chicago", "dallas", "durham", "louisville", "madison", "minneapolis", "new-york-city", "san-diego",
  "san-francisco", "seattle", "st-louis", "washington-dc"].map((id) => `data/jurisdictions/cities/${id}.yaml`);
execFileSync(binary, ["-q", "export", ...cpdCities, "data/jurisdictions/counties/cook-county.yaml", "tests/e2e/fixtures/hostile", "tests/e2e/fixtures/tier-ids.yaml", "--format", "html",
  "-o", pagePath, "--title", "Where our cities stand", "--intro", "A test page: <b>not bold</b> & friends."],
  { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
const url = "file://" + pagePath;

let passed = 0;
let failed = 0;
function check(condition, what) {
  if (condition) passed += 1;
  else { failed += 1; console.log("FAILED: " + what); }
}

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});

const problems = { console: [], page: [], requests: [], dialogs: [] };
function watch(page) {
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.console.push(m.text()); });
  page.on("pageerror", (e) => problems.page.push(String(e)));
  page.on("request", (r) => { if (!/^(file|data):/.test(r.url())) problems.requests.push(r.url()); });
  page.on("dialog", async (d) => { problems.dialogs.push(d.message()); await d.dismiss(); });
}

const visibleRows = (page) => page.$$eval("#scorecard tbody tr.row", (rows) =>
  rows.filter((r) => !r.hidden).map((r) => ({
    id: r.id.slice(4),
    cells: Array.from(r.cells).map((c) => c.textContent.trim()),
    sort: Array.from(r.cells).map((c) => c.getAttribute("data-sort")),
  })));
const headerIndex = (page, title) => page.$$eval("#scorecard thead th", (ths, t) =>
  ths.findIndex((th) => th.textContent.trim() === t), title);
const ariaSort = (page, index) => page.$eval(`#scorecard thead th:nth-child(${index + 1})`, (th) => th.getAttribute("aria-sort"));
const clickHeader = (page, index) => page.click(`#scorecard thead th:nth-child(${index + 1}) button`);

// ---- desktop, scripts on -------------------------------------------------------------
const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
const page = await context.newPage();
watch(page);
await page.goto(url);

check((await page.title()) === "Where our cities stand", "the --title is the page title");
check((await page.textContent(".intro")) === "A test page: <b>not bold</b> & friends.", "the --intro is shown as text");
let rows = await visibleRows(page);
check(rows.length === 15, `all 15 rows are shown (got ${rows.length})`);
check((await page.textContent("#status")) === "Showing 15 of 15 jurisdictions", "the status counts the rows");
check(await page.$eval("#controls", (c) => !c.hidden), "the script reveals the controls");
check((await page.$$eval("tr.details", (d) => d.filter((x) => !x.hidden).length)) === 0, "details start closed");

// Hostile data stays text.
const hostileName = await page.textContent("#row-hostile th");
check(hostileName.includes("<script>alert(1)</script>"), "a name with <script> shows as text");
check((await page.$$eval("script", (s) => s.length)) === 2, "no script element comes from data");
check(await page.$eval("#scorecard-data", (s) => JSON.parse(s.textContent).jurisdictions.length === 15),
  "the embedded JSON parses and holds every jurisdiction");
check(await page.$eval("#scorecard-data", (s) => JSON.parse(s.textContent).jurisdictions
  .some((j) => j.name.includes("</script><img") || j.criteria.release_notification.note === "</script><img src=x onerror=alert(1)>")),
  "the embedded JSON keeps hostile strings intact");

// Sort by population: largest first on the first click, unknown populations last.
const population = await headerIndex(page, "Population");
await clickHeader(page, population);
rows = await visibleRows(page);
check((await ariaSort(page, population)) === "descending", "population sorts largest first (aria-sort descending)");
check(rows.slice(0, 5).map((r) => r.id).join() === "new-york-city,chicago,san-diego,dallas,san-francisco",
  `population order: ${rows.map((r) => r.id).join()}`);
check(rows.slice(13).every((r) => r.sort[population] === "") && rows.slice(0, 13).every((r) => r.sort[population] !== ""),
  "the unknown populations come last");
await clickHeader(page, population);
rows = await visibleRows(page);
check((await ariaSort(page, population)) === "ascending", "a second click reverses (aria-sort ascending)");
check(rows.slice(0, 5).map((r) => r.id).join() === "hostile,madison,durham,st-louis,minneapolis",
  `ascending population order: ${rows.map((r) => r.id).join()}`);
check(rows.slice(13).every((r) => r.sort[population] === ""), "the unknown populations stay last");

// Sort by a criterion.
const sharing = await headerIndex(page, "Information Sharing");
await clickHeader(page, sharing);
rows = await visibleRows(page);
// Not rated (an empty sort key) comes after every tier.
const keys = rows.map((r) => r.sort[sharing]);
const rated = keys.filter((k) => k !== "").map(Number);
check(rated.every((t, i) => i === 0 || rated[i - 1] <= t) && keys.slice(rated.length).every((k) => k === ""),
  `Information Sharing sorts ascending, not rated last: ${keys}`);
check(rows[0].cells[sharing].startsWith("1"), "the best Information Sharing tier comes first");
check((await ariaSort(page, population)) === "none", "only the sorted column has aria-sort");

// Keyboard: headers are buttons; Enter and Space sort.
const nameColumn = await headerIndex(page, "Jurisdiction");
await page.focus("#scorecard thead th:nth-child(1) button");
await page.keyboard.press("Enter");
rows = await visibleRows(page);
check((await ariaSort(page, nameColumn)) === "ascending", "Enter on a header sorts");
const names = rows.map((r) => r.sort[nameColumn].toLocaleLowerCase());
check(names.every((n, i) => i === 0 || names[i - 1] <= n), "names sort alphabetically");
await page.keyboard.press("Space");
check((await ariaSort(page, nameColumn)) === "descending", "Space on a header reverses");
await page.keyboard.press("Tab");
check(await page.evaluate(() => document.activeElement.closest("th") !== null), "Tab moves to the next header");

// Filters.
await page.fill("#search", "san");
rows = await visibleRows(page);
check(rows.map((r) => r.id).sort().join() === "san-diego,san-francisco", `search "san": ${rows.map((r) => r.id)}`);
check((await page.textContent("#status")) === "Showing 2 of 15 jurisdictions", "the status follows the filter");
await page.fill("#search", "ca");
rows = await visibleRows(page);
check(rows.map((r) => r.id).sort().join() === "chicago,san-diego,san-francisco", `search "ca" matches names and states: ${rows.map((r) => r.id)}`);
await page.fill("#search", "");
await page.selectOption("#tier-filter", "1");
rows = await visibleRows(page);
check(rows.map((r) => r.id).sort().join() === "chicago,washington-dc", `tier 1 filter: ${rows.map((r) => r.id)}`);
await page.fill("#search", "chi");
rows = await visibleRows(page);
check(rows.map((r) => r.id).join() === "chicago", "search and tier combine");
await page.fill("#search", "");
await page.selectOption("#tier-filter", "");
check((await visibleRows(page)).length === 15, "clearing the filters shows every row");

// Details with citations.
await page.click("#row-chicago button.open");
check(await page.$eval("#details-chicago", (d) => !d.hidden), "a name opens its details");
check((await page.getAttribute("#row-chicago button.open", "aria-expanded")) === "true", "aria-expanded follows");
const links = await page.$$eval("#details-chicago a", (as) => as.map((a) => a.getAttribute("href")));
check(links.length >= 8 && links.every((h) => /^https?:\/\//.test(h)), `Chicago's citations are http(s) links (${links.length})`);
check(links.includes("https://reformtransform.org/scorecard/ice-chicago"), "CPD's Chicago page is linked");
check((await page.textContent("#details-chicago")).includes("Chicago runs no jail"), "notes are shown");
check((await page.textContent("#details-chicago")).includes(
  "Answers: detainer_hold_prohibited is any_conviction, from Cook County, which runs the jail: Cook County, Policy for Responding to ICE Detainers"),
  "an inherited answer says where it comes from");
await page.screenshot({ path: join(outDir, "scorecard-details.png") });
await page.click("#row-chicago button.open");
check(await page.$eval("#details-chicago", (d) => d.hidden), "a second click closes them");
await page.click("#row-hostile button.open");
const hostileHref = await page.$eval("#details-hostile a", (a) => a.getAttribute("href"));
check(hostileHref === "https://example.org/a?b=1&c=<2>\"'", `a URL with quotes and brackets survives as one attribute: ${hostileHref}`);
check(await page.$eval("#details-hostile", (d) => d.textContent.includes("</script><img src=x onerror=alert(1)>")),
  "a hostile note shows as text");
await page.click("#row-hostile button.open");

// Colour is never the only signal, and text on colour is readable (WCAG AA, 4.5:1).
const contrast = await page.$$eval("td.tier", (cells) => {
  const lum = (rgb) => {
    const [r, g, b] = rgb.match(/\d+/g).slice(0, 3).map(Number).map((v) => {
      const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  return cells.map((td) => {
    const s = getComputedStyle(td);
    const a = lum(s.color) + 0.05, b = lum(s.backgroundColor) + 0.05;
    return { ratio: Math.max(a, b) / Math.min(a, b), text: td.textContent.trim() };
  });
});
check(contrast.every((c) => c.ratio >= 4.5), `tier cells reach 4.5:1 (lowest ${Math.min(...contrast.map((c) => c.ratio)).toFixed(2)})`);
check(contrast.every((c) => /^([1-3—?]|not rated)/.test(c.text)), "every tier cell carries its number (or ?, not rated) as text");

await page.goto(url);
await page.screenshot({ path: join(outDir, "scorecard.png"), fullPage: true });

// Print: the controls disappear.
await page.emulateMedia({ media: "print" });
check(await page.$eval("#controls", (c) => getComputedStyle(c).display === "none"), "printing hides the controls");
await page.emulateMedia({ media: "screen" });

check(problems.console.length === 0, `no console errors or warnings: ${problems.console.join(" | ")}`);
check(problems.page.length === 0, `no script errors: ${problems.page.join(" | ")}`);
check(problems.requests.length === 0, `no network requests: ${problems.requests.join(" | ")}`);
check(problems.dialogs.length === 0, `no script from data ran (dialogs: ${problems.dialogs.join(" | ")})`);
await context.close();

// ---- scripts off: the table is complete HTML ------------------------------------------
const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1400, height: 1000 } });
const plain = await noScript.newPage();
await plain.goto(url);
check((await plain.$$eval("#scorecard tbody tr.row", (r) => r.length)) === 15, "without scripts all 15 rows are there");
check(await plain.$eval("#details-chicago", (d) => !d.hidden && d.getBoundingClientRect().height > 0),
  "without scripts the details are visible");
check(await plain.$eval("#controls", (c) => c.hidden), "without scripts the controls (which need one) stay hidden");
// History: a timeline per jurisdiction and the tiers year by year, drawn as inline SVG,
// shown without scripts and with text beside them.
const timeline = await plain.$eval("#details-chicago figure.timeline svg", (s) => ({
  role: s.getAttribute("role"), title: s.querySelector("title")?.textContent || "", segments: s.querySelectorAll("rect").length,
  shown: s.getBoundingClientRect().height > 0 }));
check(timeline.role === "img" && timeline.title.startsWith("Tiers of Chicago from 2011") && timeline.shown,
  `Chicago's panel shows its timeline, labelled: ${JSON.stringify(timeline)}`);
check(timeline.segments >= 10, `the timeline has a segment per tier held: ${timeline.segments}`);
const changes = await plain.textContent("#details-chicago ol.history");
check(changes.includes("2021-01-27 Information Sharing: 2 Making Progress With Need for Improvement → 1 On Track"),
  "the list beside it says the 2021 change");
check((await plain.$$eval("section.chart svg[role=img]", (s) => s.length)) === 2, "the page charts jurisdictions and residents per tier");
const numbers = await plain.$$eval("section.chart table.numbers tbody tr", (r) => r.map((x) => x.textContent));
check(numbers.length >= 10 && numbers[numbers.length - 1].startsWith(String(new Date().getUTCFullYear())),
  `the numbers run year by year to this year: ${numbers.slice(-2).join(" | ")}`);
await noScript.close();

// ---- a phone ----------------------------------------------------------------------------
const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true });
const small = await phone.newPage();
watch(small);
await small.goto(url);
check(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
  "at phone width the page does not scroll sideways (the table scrolls in its box)");
await small.screenshot({ path: join(outDir, "scorecard-phone.png") });
await phone.close();

// ---- a what-if page: says it is hypothetical, visibly, at both widths ----------------------
const whatIfPath = join(outDir, "scorecard-what-if.html");
execFileSync(binary, ["-q", "export", "data/jurisdictions", "--format", "html", "-o", whatIfPath, "--what-if",
  "custody=1"], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
for (const [name, viewport] of [["desktop", { width: 1400, height: 1000 }], ["phone", { width: 375, height: 740 }]]) {
  const ctx = await browser.newContext({ viewport });
  const p = await ctx.newPage();
  watch(p);
  await p.goto("file://" + whatIfPath);
  const banner = await p.$eval(".what-if", (el) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return { text: el.textContent, top: r.top, width: r.width, color: style.color, background: style.backgroundColor };
  });
  check(banner.text.startsWith("What if (hypothetical): as if custody=1."), `${name}: the what-if banner says so`);
  check(banner.top < viewport.height && banner.width > 0 && banner.width <= viewport.width,
        `${name}: the banner is on the first screen and fits`);
  check(banner.color !== banner.background, `${name}: the banner's text is not its background's colour`);
  const marked = await p.$$eval("#row-dallas td", (cells) => cells.map((c) => c.textContent));
  check(marked.some((t) => t.startsWith("1*") && t.includes("(hypothetical)")),
        `${name}: Dallas's custody tier is marked as a what-if's: ${marked.join(" | ")}`);
  check(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
        `${name}: the what-if page does not scroll sideways`);
  await p.screenshot({ path: join(outDir, `scorecard-what-if-${name}.png`) });
  await ctx.close();
}

// ---- not rated: an untouched template and a half-researched file beside a rated city ------
const notRatedPath = join(outDir, "scorecard-not-rated.html");
execFileSync(binary, ["-q", "export", "tests/e2e/fixtures/template.yaml", "tests/e2e/fixtures/answers-only.yaml",
  "data/jurisdictions/cities/dallas.yaml", "--format", "html", "-o", notRatedPath], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
{
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const p = await ctx.newPage();
  watch(p);
  await p.goto("file://" + notRatedPath);
  const rated = await headerIndex(p, "Rated");
  const overallAt = await headerIndex(p, "Overall");
  check(rated > 0 && overallAt === rated + 1, "a Rated column stands before Overall");
  let nr = await visibleRows(p);
  check(nr.map((r) => r.id).join(",") === "dallas,example-county,testville", `not rated sorts last: ${nr.map((r) => r.id)}`);
  const testville = nr.find((r) => r.id === "testville");
  check(testville.cells[rated] === "0/8", `the template's coverage is 0/8 (${testville.cells[rated]})`);
  check(testville.cells[overallAt] === "not rated", `the template is not rated overall (${testville.cells[overallAt]})`);
  check(testville.cells[overallAt + 1] === "—", "and has no score");
  check(testville.cells.slice(3, rated).every((c) => c.startsWith("?") && c.includes("not rated")),
        "each of its criteria shows ? and says not rated to screen readers");
  check(nr.find((r) => r.id === "dallas").cells[rated] === "8/8", "Dallas is fully rated");
  // Sorting by Overall either way keeps not rated last.
  for (let k = 0; k < 2; k += 1) {
    await clickHeader(p, overallAt);
    nr = await visibleRows(p);
    check(nr[0].id === "dallas", `sorted by Overall (${await ariaSort(p, overallAt)}), the rated city comes first`);
  }
  await p.selectOption("#tier-filter", "none");
  nr = await visibleRows(p);
  check(nr.map((r) => r.id).sort().join(",") === "example-county,testville", "the Not rated filter shows only those");
  check((await p.textContent("#status")) === "Showing 2 of 3 jurisdictions", "and the status counts them");
  await p.click("#row-testville button.open");
  const panel = await p.textContent("#details-testville");
  check(panel.includes("Overall: ?not rated (0 of 8 criteria rated; the rubric needs all 8)"), "the panel gives the coverage");
  check(panel.includes("Not rated: 2 of 2 deciding questions unclear."), "and each criterion's reason");
  const summary = await p.textContent(".summary");
  check(summary.includes("2 of 3 jurisdictions are not rated"), `the summary counts them apart: ${summary}`);
  check((await p.textContent(".legend")).includes("Not rated: the evidence recorded decides no tier."),
        "the legend explains not rated");
  await p.screenshot({ path: join(outDir, "scorecard-not-rated.png"), fullPage: true });
  await ctx.close();
}

await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
