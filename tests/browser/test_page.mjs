// Browser tests of `scorecard export --format html`, in Debian's Chromium driven by
// playwright-core. Usage: node test_page.mjs SCORECARD_BINARY REPO_ROOT OUT_DIR
// Exits 77 (skipped) when Chromium is not installed; `make test` installs it.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
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

// axe-core, injected into each page it checks (the contexts that run it bypass the page's
// CSP for that one script); every violation of every rule fails the test.
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
async function axeCheck(page, state) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  const found = result.violations.map((v) => `${v.id} (${v.nodes.length}: ${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(", ")})`);
  check(found.length === 0, `axe-core finds nothing ${state}: ${found.join("; ")}`);
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

const visibleRows = (page) => page.$$eval("#sc_table tbody tr", (rows) =>
  rows.filter((r) => !r.hidden).map((r) => ({
    id: r.getAttribute("data-id"),
    cells: Array.from(r.cells).map((c) => c.textContent.trim()),
    sort: Array.from(r.cells).map((c) => c.getAttribute("data-sort")),
  })));
const visibleCards = (page) => page.$$eval("#sc_list .place", (cards) =>
  cards.filter((c) => !c.hidden).map((c) => c.getAttribute("data-id")));
const headerIndex = (page, title) => page.$$eval("#sc_table thead th", (ths, t) =>
  ths.findIndex((th) => th.textContent.trim() === t), title);
const ariaSort = (page, index) => page.$eval(`#sc_table thead th:nth-child(${index + 1})`, (th) => th.getAttribute("aria-sort"));
const clickHeader = (page, index) => page.click(`#sc_table thead th:nth-child(${index + 1}) button`);
const card = (id) => `details.place[data-id="${id}"]`;
const isOpen = (page, id) => page.$eval(card(id), (d) => d.open);
const noSideways = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

// ---- desktop, scripts on -------------------------------------------------------------
const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, bypassCSP: true });
const page = await context.newPage();
watch(page);
await page.goto(url);

check((await page.title()) === "Where our cities stand", "the --title is the page title");
check((await page.textContent(".intro")) === "A test page: <b>not bold</b> & friends.", "the --intro is shown as text");
check((await page.getAttribute('meta[property="og:title"]', "content")) === "Where our cities stand", "the share title is the page's");
check((await page.getAttribute('meta[name="description"]', "content")) === "A test page: <b>not bold</b> & friends.",
  "the share description is the --intro");
check(/^Data reviewed \d{4}-\d{2}(-\d{2})? to \d{4}-\d{2}(-\d{2})?\.$/.test(await page.textContent(".reviewed")),
  `the page says when the data was reviewed: ${await page.textContent(".reviewed")}`);
let rows = await visibleRows(page);
check(rows.length === 15, `all 15 rows are shown (got ${rows.length})`);
check((await page.textContent("#sc_status")) === "Showing 15 of 15 jurisdictions", "the status counts the rows");
check(await page.$eval("#sc_controls", (c) => !c.hidden), "the script reveals the controls");
check((await page.$$eval("details.place", (d) => d.filter((x) => x.open).length)) === 0, "cards start closed");
check((await page.$$eval("#sc_table thead th", (ths) => ths.filter((th) => th.querySelector("button")).length)) === 14,
  "the script makes every column heading a button");
await axeCheck(page, "on the page as loaded");

// Hostile data stays text.
const hostileName = await page.textContent('tr[data-id="hostile"] th');
check(hostileName.includes("<script>alert(1)</script>"), "a name with <script> shows as text");
check((await page.$$eval("script", (s) => s.length)) === 2, "no script element comes from data (the page's own, and axe's)");
check((await page.$$eval('script[type="application/json"]', (s) => s.length)) === 0, "the data is not embedded in the page");

// Sort by population: largest first on the first click, unknown populations last.
const population = await headerIndex(page, "Population");
await clickHeader(page, population);
rows = await visibleRows(page);
check((await ariaSort(page, population)) === "descending", "population sorts largest first (aria-sort descending)");
check(rows.slice(0, 5).map((r) => r.id).join() === "new-york-city,chicago,san-diego,dallas,san-francisco",
  `population order: ${rows.map((r) => r.id).join()}`);
check(rows.slice(13).every((r) => r.sort[population] === "") && rows.slice(0, 13).every((r) => r.sort[population] !== ""),
  "the unknown populations come last");
check((await visibleCards(page)).join() === rows.map((r) => r.id).join(), "the cards follow the table's order");
check((await page.$eval("#sc_sort", (s) => s.value)) === String(population), "the sort menu follows the heading");
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
await axeCheck(page, "sorted");

// The sort menu does the same, and can go back to the page's order.
await page.selectOption("#sc_sort", String(population));
check((await ariaSort(page, population)) === "descending", "the sort menu sorts by its column");
await page.selectOption("#sc_sort", "");
rows = await visibleRows(page);
check(rows[0].id === "chicago" && (await ariaSort(page, population)) === "none", "and back to the order of the page");

// Keyboard: headers are buttons; Enter and Space sort.
const nameColumn = await headerIndex(page, "Jurisdiction");
await page.focus("#sc_table thead th:nth-child(1) button");
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
await page.fill("#sc_search", "san");
rows = await visibleRows(page);
check(rows.map((r) => r.id).sort().join() === "san-diego,san-francisco", `search "san": ${rows.map((r) => r.id)}`);
check((await visibleCards(page)).sort().join() === "san-diego,san-francisco", "the cards are filtered too");
check((await page.textContent("#sc_status")) === "Showing 2 of 15 jurisdictions", "the status follows the filter");
await axeCheck(page, "filtered");
await page.fill("#sc_search", "ca");
rows = await visibleRows(page);
check(rows.map((r) => r.id).sort().join() === "chicago,san-diego,san-francisco", `search "ca" matches names and states: ${rows.map((r) => r.id)}`);
await page.fill("#sc_search", "");
await page.selectOption("#sc_tier", "1");
rows = await visibleRows(page);
check(rows.map((r) => r.id).sort().join() === "chicago,washington-dc", `tier 1 filter: ${rows.map((r) => r.id)}`);
await page.fill("#sc_search", "chi");
rows = await visibleRows(page);
check(rows.map((r) => r.id).join() === "chicago", "search and tier combine");
await page.fill("#sc_search", "zzz-nothing");
check((await page.textContent("#sc_status")) === "Showing 0 of 15 jurisdictions", "a search that finds nothing says so");
await page.fill("#sc_search", "");
await page.selectOption("#sc_tier", "");
check((await visibleRows(page)).length === 15, "clearing the filters shows every row");

// A name in the table opens its card, at its own address.
await page.click('tr[data-id="chicago"] th a');
check(await isOpen(page, "chicago"), "a name in the table opens its card");
check(new URL(page.url()).hash === "#chicago", `and the address is the card's permalink (${page.url()})`);
const links = await page.$$eval(`${card("chicago")} a[href^="http"]`, (as) => as.map((a) => a.getAttribute("href")));
check(links.length >= 8 && links.every((h) => /^https?:\/\//.test(h)), `Chicago's citations are http(s) links (${links.length})`);
check(links.includes("https://reformtransform.org/scorecard/ice-chicago"), "CPD's Chicago page is linked");
const cites = await page.$$eval(`${card("chicago")} .cite a`, (as) => as.map((a) => a.getAttribute("href")));
check(cites.length >= 8 && cites.every((h) => /^#chicago_s\d+$/.test(h)), "each criterion cites the card's numbered sources");
check(await page.evaluate((hrefs) => hrefs.every((h) => document.getElementById(h.slice(1))), cites), "every cited number exists");
check((await page.textContent(card("chicago"))).includes("Chicago runs no jail"), "notes are shown");
check((await page.textContent(card("chicago"))).includes(
  "Answers: detainer_hold_prohibited is any_conviction, from Cook County, which runs the jail: Cook County, Policy for Responding to ICE Detainers"),
  "an inherited answer says where it comes from");
check((await page.getAttribute(`${card("chicago")} .permalink a`, "href")) === "#chicago", "the card links to itself");
await axeCheck(page, "with a card open");
await page.screenshot({ path: join(outDir, "scorecard-details.png") });
await page.click(`${card("chicago")} > summary`);
check(!(await isOpen(page, "chicago")), "its summary closes it");
await page.click(`${card("hostile")} > summary`);
const hostileHref = await page.$eval(`${card("hostile")} ol.sources a`, (a) => a.getAttribute("href"));
check(hostileHref === "https://example.org/a?b=1&c=<2>\"'", `a URL with quotes and brackets survives as one attribute: ${hostileHref}`);
check(await page.$eval(card("hostile"), (d) => d.textContent.includes("</script><img src=x onerror=alert(1)>")),
  "a hostile note shows as text");
await page.click(`${card("hostile")} > summary`);
// A permalink followed from elsewhere opens its card even when a filter hid it.
await page.fill("#sc_search", "dallas");
await page.goto(url + "#seattle");
check(await isOpen(page, "seattle"), "an address with #id opens that card");

// Colour is never the only signal, and text on colour is readable (WCAG AA, 4.5:1).
const contrast = await page.$$eval("td.tier, .badge", (cells) => {
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
check(contrast.every((c) => c.ratio >= 4.5), `tier cells and badges reach 4.5:1 (lowest ${Math.min(...contrast.map((c) => c.ratio)).toFixed(2)})`);
check(contrast.every((c) => /^([1-3—?]|not rated)/.test(c.text)), "every tier cell carries its number (or ?, not rated) as text");

await page.goto(url);
await page.screenshot({ path: join(outDir, "scorecard.png"), fullPage: true });

// Print: the controls disappear, the table shows.
await page.emulateMedia({ media: "print" });
check(await page.$eval("#sc_controls", (c) => getComputedStyle(c).display === "none"), "printing hides the controls");
// Printed across a letter page (landscape, 1 cm margins: about 980 CSS px), the table fits.
await page.setViewportSize({ width: 980, height: 740 });
check(await noSideways(page), "printed, the whole table fits across the page");
await page.emulateMedia({ media: "screen" });
await page.setViewportSize({ width: 1400, height: 1000 });
const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
check(/\/MediaBox \[0 0 792 612\]/.test(pdf), "the page asks to be printed landscape");

check(problems.console.length === 0, `no console errors or warnings: ${problems.console.join(" | ")}`);
check(problems.page.length === 0, `no script errors: ${problems.page.join(" | ")}`);
check(problems.requests.length === 0, `no network requests: ${problems.requests.join(" | ")}`);
check(problems.dialogs.length === 0, `no script from data ran (dialogs: ${problems.dialogs.join(" | ")})`);
await context.close();

// ---- every screen: a phone, a tablet, two desktops ----------------------------------------
for (const [width, height] of [[390, 844], [768, 1024], [1280, 900], [1920, 1080]]) {
  const ctx = await browser.newContext({ viewport: { width, height }, bypassCSP: true, isMobile: width < 700,
    deviceScaleFactor: width < 700 ? 2 : 1 });
  const p = await ctx.newPage();
  watch(p);
  await p.goto(url);
  check(await noSideways(p), `${width} px: the page does not scroll sideways`);
  const table = await p.$eval("#sc_table", (t) => t.getBoundingClientRect().width > 0);
  if (width >= 1280) {
    check(table, `${width} px: the table is shown`);
    const clipped = await p.$$eval("#sc_table thead th, #sc_table tbody tr:first-child > *", (cells) => cells
      .filter((c) => c.getBoundingClientRect().right > Math.min(window.innerWidth, c.closest(".table-wrap").getBoundingClientRect().right) + 0.5)
      .map((c) => c.textContent.trim()));
    check(clipped.length === 0, `${width} px: no column is clipped (${clipped.join(", ")})`);
    check(await p.$eval(".table-wrap", (w) => w.scrollWidth <= w.clientWidth), `${width} px: the table does not scroll in its box`);
    await p.evaluate(() => window.scrollTo(0, document.querySelector("#sc_table tbody tr:nth-child(10)").offsetTop));
    const top = await p.$eval("#sc_table thead th", (th) => th.getBoundingClientRect().top);
    check(Math.abs(top) < 1, `${width} px: the column headings stay in view while scrolling (top ${top})`);
    await p.evaluate(() => window.scrollTo(0, 0));
  } else {
    check(!table, `${width} px: the table gives way to a card per jurisdiction`);
    const ratings = await p.$$eval("#sc_list .place > summary", (sums) => sums.map((s) => {
      const r = s.querySelector(".rating").getBoundingClientRect();
      const n = s.querySelector(".name").getBoundingClientRect();
      return { left: Math.min(r.left, n.left), right: Math.max(r.right, n.right), top: n.top, text: s.textContent };
    }));
    check(ratings.every((r) => r.left >= 0 && r.right <= width), `${width} px: each card's name and overall tier fit the screen`);
    check(ratings[0].top < height && ratings[0].text.includes("1On Track"), `${width} px: the first card, with its tier, is on the first screen (top ${ratings[0].top})`);
  }
  await p.screenshot({ path: join(outDir, `scorecard-${width}.png`) });
  await axeCheck(p, `at ${width} px`);
  await p.click(`${card("chicago")} > summary`);
  check(await noSideways(p), `${width} px: an open card does not scroll sideways`);
  await p.screenshot({ path: join(outDir, `scorecard-${width}-card.png`) });
  await axeCheck(p, `at ${width} px with a card open`);
  if (width < 1280) {
    // Paper is narrow too, but printing shows the table, not the cards' controls.
    await p.emulateMedia({ media: "print" });
    check(await p.$eval(".overview", (o) => getComputedStyle(o).display !== "none"), `${width} px: printing shows the table`);
    check(await p.$eval("#sc_controls", (c) => getComputedStyle(c).display === "none"), `${width} px: printing hides the controls`);
    await p.emulateMedia({ media: "screen" });
    await p.fill("#sc_search", "san");
    check((await visibleCards(p)).sort().join() === "san-diego,san-francisco", `${width} px: the search filters the cards`);
    await p.selectOption("#sc_sort", String(await headerIndex(p, "Population")));
    check((await visibleCards(p)).join() === "san-diego,san-francisco", `${width} px: the sort menu sorts the cards`);
    await axeCheck(p, `at ${width} px, filtered and sorted`);
  }
  await ctx.close();
}

// ---- scripts off: the page is complete HTML, with no dead control ------------------------
const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1400, height: 1000 } });
const plain = await noScript.newPage();
await plain.goto(url);
check((await plain.$$eval("#sc_table tbody tr", (r) => r.length)) === 15, "without scripts all 15 rows are there");
check(await plain.$eval("#sc_controls", (c) => c.hidden && c.getBoundingClientRect().height === 0),
  "without scripts the controls (which need one) stay hidden");
const dead = await plain.$$eval("button, input, select, textarea", (els) => els.filter((e) => e.getClientRects().length > 0).length);
check(dead === 0, `without scripts no control that needs one is shown (${dead})`);
check((await plain.$$eval("#sc_table thead th", (ths) => ths.filter((th) => th.querySelector("button")).length)) === 0,
  "without scripts the column headings are plain text");
await plain.click('tr[data-id="chicago"] th a');
check(await isOpen(plain, "chicago"), "without scripts a name still opens its card (the browser opens a <details> it links into)");
await plain.click(`${card("dallas")} > summary`);
check(await isOpen(plain, "dallas"), "without scripts a card opens by its summary");
// History: a timeline per jurisdiction and the tiers year by year, drawn as inline SVG,
// shown without scripts and with text beside them.
const timeline = await plain.$eval(`${card("chicago")} figure.timeline svg`, (s) => ({
  role: s.getAttribute("role"), title: s.querySelector("title")?.textContent || "", segments: s.querySelectorAll("rect").length,
  shown: s.getBoundingClientRect().height > 0 }));
check(timeline.role === "img" && timeline.title.startsWith("Tiers of Chicago from 2011") && timeline.shown,
  `Chicago's card shows its timeline, labelled: ${JSON.stringify(timeline)}`);
check(timeline.segments >= 10, `the timeline has a segment per tier held: ${timeline.segments}`);
const changes = await plain.textContent(`${card("chicago")} ol.history`);
check(changes.includes("2021-01-27 Information Sharing: 2 Making Progress With Need for Improvement → 1 On Track"),
  "the list beside it says the 2021 change");
check((await plain.$$eval("section.chart svg[role=img]", (s) => s.length)) === 2, "the page charts jurisdictions and residents per tier");
const numbers = await plain.$$eval("section.chart table.numbers tbody tr", (r) => r.map((x) => x.textContent));
check(numbers.length >= 10 && numbers[numbers.length - 1].startsWith(String(new Date().getUTCFullYear())),
  `the numbers run year by year to this year: ${numbers.slice(-2).join(" | ")}`);
await noScript.close();

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
  const marked = await p.$$eval('tr[data-id="dallas"] td', (cells) => cells.map((c) => c.textContent));
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
  await p.selectOption("#sc_tier", "none");
  nr = await visibleRows(p);
  check(nr.map((r) => r.id).sort().join(",") === "example-county,testville", "the Not rated filter shows only those");
  check((await p.textContent("#sc_status")) === "Showing 2 of 3 jurisdictions", "and the status counts them");
  await p.click(`${card("testville")} > summary`);
  const panel = await p.textContent(card("testville"));
  check(panel.includes("Overall: ?not rated (0 of 8 criteria rated; the rubric needs all 8)"), "the panel gives the coverage");
  check(panel.includes("Not rated: 2 of 2 deciding questions unclear."), "and each criterion's reason");
  const summary = await p.textContent(".summary");
  check(summary.includes("2 of 3 jurisdictions are not rated"), `the summary counts them apart: ${summary}`);
  check((await p.textContent(".legend")).includes("Not rated: the evidence recorded decides no tier."),
        "the legend explains not rated");
  await p.screenshot({ path: join(outDir, "scorecard-not-rated.png"), fullPage: true });
  await ctx.close();
}

// ---- a site: an index and a page per jurisdiction, each working from file:// --------------
const siteDir = join(outDir, "site");
execFileSync(binary, ["-q", "export", ...cpdCities, "tests/e2e/fixtures/hostile", "--format", "site", "-o", siteDir,
  "--title", "Where our cities stand"], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
{
  const before = { ...problems, console: problems.console.length, requests: problems.requests.length, page: problems.page.length };
  for (const [width, height] of [[390, 844], [1280, 900]]) {
    const ctx = await browser.newContext({ viewport: { width, height }, bypassCSP: width === 390 });
    const p = await ctx.newPage();
    watch(p);
    await p.goto("file://" + join(siteDir, "index.html"));
    check(await noSideways(p), `site index at ${width} px: no sideways scroll`);
    const target = width >= 1280 ? 'tr[data-id="chicago"] th a' : '#sc_list .place[data-id="chicago"] a';
    await p.click(target);
    check(p.url().endsWith("/jurisdictions/chicago.html"), `site at ${width} px: a name opens its page (${p.url()})`);
    check((await p.title()) === "Chicago — Where our cities stand", `its title names the place: ${await p.title()}`);
    check((await p.getAttribute('meta[property="og:title"]', "content")) === "Chicago — Where our cities stand", "and so does its share title");
    check((await p.getAttribute('meta[name="description"]', "content")).startsWith("Chicago (IL): Overall 1 On Track"),
      "its share description gives the overall tier");
    check(!(await p.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content")).includes("script-src"),
      "a jurisdiction's page allows no script");
    check((await p.$$eval("script", (s) => s.length)) === 0, "and has none");
    check(await noSideways(p), `a jurisdiction's page at ${width} px: no sideways scroll`);
    check((await p.textContent("h1")) === "Chicago", "its heading is the name");
    check((await p.$$eval("ol.sources li", (l) => l.length)) >= 8, "its sources are listed");
    check((await p.$$eval("figure.timeline svg", (l) => l.length)) === 1, "its history is drawn");
    await p.screenshot({ path: join(outDir, `site-${width}-chicago.png`), fullPage: true });
    if (width === 390) await axeCheck(p, "on a jurisdiction's page at 390 px");
    await p.click("nav.back a");
    check(p.url().endsWith("/site/index.html"), "its back link leads to the index");
    if (width === 390) await axeCheck(p, "on the site's index at 390 px");
    await p.goto("file://" + join(siteDir, "jurisdictions", "hostile.html"));
    check((await p.textContent("h1")).includes("<script>alert(1)</script>"), "a hostile name stays text on its own page");
    await ctx.close();
  }
  check(problems.console.length === before.console, `the site logs no error: ${problems.console.slice(before.console).join(" | ")}`);
  check(problems.requests.length === before.requests, `the site makes no network request: ${problems.requests.slice(before.requests).join(" | ")}`);
  check(problems.page.length === before.page, "the site's script raises nothing");
  const json = JSON.parse(readFileSync(join(siteDir, "scorecard.json"), "utf8"));
  check(json.jurisdictions.length === 13, `the JSON beside the pages holds every jurisdiction (${json.jurisdictions.length})`);
  const csv = readFileSync(join(siteDir, "scorecard.csv"), "utf8").trim().split("\n");
  check(csv.length >= 14 && csv[0].startsWith("id,"), "and the CSV beside them a row each");
}

// ---- in Spanish: the page's words and the rubric's, the data as written ---------------------
const spanishPath = join(outDir, "scorecard-es.html");
execFileSync(binary, ["-q", "export", ...cpdCities, "--format", "html", "--lang", "es", "-o", spanishPath],
  { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
for (const [width, height] of [[390, 844], [1280, 900]]) {
  const ctx = await browser.newContext({ viewport: { width, height }, bypassCSP: true });
  const p = await ctx.newPage();
  watch(p);
  await p.goto("file://" + spanishPath);
  check((await p.getAttribute("html", "lang")) === "es", "the Spanish page says so in its lang attribute");
  check((await p.title()) === "Fin a la cooptación de la policía local para la aplicación federal de las leyes de inmigración",
    `its title is the rubric's Spanish title: ${await p.title()}`);
  check((await p.textContent("#sc_status")) === "Se muestran 12 de 12 jurisdicciones", `its status is Spanish: ${await p.textContent("#sc_status")}`);
  check((await p.textContent('label[for="sc_search"]')).startsWith("Busque una ciudad"), "its controls are Spanish");
  check((await p.$$eval("section.what-if, p.what-if", (n) => n.length)) === 0, "a rubric with a translation needs no notice");
  await p.fill("#sc_search", "san");
  check((await p.textContent("#sc_status")) === "Se muestran 2 de 12 jurisdicciones", "the search works in Spanish too");
  await p.fill("#sc_search", "");
  await p.click(`${card("chicago")} > summary`);
  const text = await p.textContent(card("chicago"));
  check(text.includes("Retención para ICE") && text.includes("Fuentes:") && text.includes("Chicago runs no jail"),
    "a card gives the criteria in Spanish and the notes as written");
  check(await noSideways(p), `the Spanish page at ${width} px does not scroll sideways`);
  await p.screenshot({ path: join(outDir, `scorecard-es-${width}.png`) });
  await axeCheck(p, `on the Spanish page at ${width} px with a card open`);
  await ctx.close();
}

// ---- names beyond ASCII: search ignores case and accents, sorting follows the alphabet ------
const accents = join(outDir, "accents");
rmSync(accents, { recursive: true, force: true });
mkdirSync(accents, { recursive: true });
const madison = readFileSync(join(root, "data/jurisdictions/cities/madison.yaml"), "utf8");
for (const [id, name] of [["zeta", "Zeta"], ["alamo", "Álamo"], ["nandu", "Ñandú"], ["bravo", "Bravo"], ["emu", "Emú"]]) {
  writeFileSync(join(accents, `${id}.yaml`), madison.replace("id: madison", `id: ${id}`).replace("name: Madison", `name: ${name}`));
}
const accentsPath = join(outDir, "scorecard-accents.html");
execFileSync(binary, ["-q", "export", accents, "--format", "html", "--lang", "es", "-o", accentsPath], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
{
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await ctx.newPage();
  watch(p);
  await p.goto("file://" + accentsPath);
  for (const typed of ["álamo", "ALAMO", "alamo", "ñandu"]) {
    await p.fill("#sc_search", typed);
    check((await visibleRows(p)).length === 1, `searching "${typed}" finds one (${(await visibleRows(p)).map((r) => r.id)})`);
  }
  await p.fill("#sc_search", "");
  await clickHeader(p, 0);
  check((await visibleRows(p)).map((r) => r.id).join() === "alamo,bravo,emu,nandu,zeta",
    `names sort in the alphabet's order: ${(await visibleRows(p)).map((r) => r.id)}`);
  // A permalink that is not one (bad percent-encoding) is ignored, not an error.
  const errors = problems.page.length;
  await p.goto("file://" + accentsPath + "#%E0%A4%A");
  check(problems.page.length === errors, "a malformed address after # raises no error");
  await ctx.close();
}
{
  const onePath = join(outDir, "scorecard-one.html");
  execFileSync(binary, ["-q", "export", "data/jurisdictions/cities/dallas.yaml", "--format", "html", "-o", onePath],
    { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await ctx.newPage();
  await p.goto("file://" + onePath);
  check((await p.textContent("#sc_status")) === "Showing 1 of 1 jurisdiction", `one jurisdiction is one: ${await p.textContent("#sc_status")}`);
  await ctx.close();
}
// The Spanish table at 1280 px breaks no name inside a word, and a phone shows the numbers
// of the chart without the page scrolling sideways.
{
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await ctx.newPage();
  await p.goto("file://" + spanishPath);
  const broken = await p.$$eval("#sc_table tbody th a", (links) => links.filter((a) => {
    const words = a.textContent.split(/\s+/);
    const probe = document.createElement("span");
    probe.style.whiteSpace = "nowrap";
    a.parentElement.appendChild(probe);
    const widest = Math.max(...words.map((w) => { probe.textContent = w; return probe.getBoundingClientRect().width; }));
    probe.remove();
    return widest > a.parentElement.clientWidth;
  }).map((a) => a.textContent));
  check(broken.length === 0, `no name is broken inside a word in the Spanish table: ${broken.join(", ")}`);
  check(await noSideways(p), "and it still fits at 1280 px");
  await ctx.close();
  const phoneCtx = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
  const phone = await phoneCtx.newPage();
  await phone.goto("file://" + spanishPath);
  await phone.click("section.chart details > summary");
  check(await noSideways(phone), "at 390 px the chart's numbers scroll in their own box, not the page");
  await phone.click(`${card("chicago")} > summary`);
  const fig = await phone.$eval(`${card("chicago")} figure.timeline`, (f) => ({
    scrolls: f.scrollWidth > f.clientWidth, focusable: f.getAttribute("tabindex") === "0",
    font: parseFloat(getComputedStyle(f.querySelector("text")).fontSize) * f.querySelector("svg").getBoundingClientRect().width / 640 }));
  check(fig.scrolls && fig.focusable && fig.font >= 10, `at 390 px a timeline keeps readable labels and scrolls in its box: ${JSON.stringify(fig)}`);
  check(await noSideways(phone), "and the page does not");
  await axeCheck(phone, "at 390 px with the numbers and a timeline open");
  await phoneCtx.close();
}

await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
