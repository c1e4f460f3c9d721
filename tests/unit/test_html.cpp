#include <catch2/catch.hpp>

#include <map>
#include <sstream>

#include <scorecard/load.hpp>
#include <scorecard/render.hpp>

#include "helpers.hpp"
#include "render_detail.hpp"
#include "sha256.hpp"

using namespace scorecard;

namespace {
std::string hex(const std::array<std::uint8_t, 32>& digest) {
  static constexpr char k_digits[] = "0123456789abcdef";
  std::string out;
  for (auto b : digest) {
    out += k_digits[b >> 4];
    out += k_digits[b & 15];
  }
  return out;
}
}  // namespace

TEST_CASE("SHA-256 matches the FIPS 180-4 test vectors", "[html]") {
  using detail::sha256;
  CHECK(hex(sha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(hex(sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(hex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(hex(sha256(std::string(1000000, 'a'))) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  // Lengths around the 55/56/64-byte padding boundaries.
  CHECK(hex(sha256(std::string(55, 'a'))) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(hex(sha256(std::string(56, 'a'))) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  CHECK(hex(sha256(std::string(64, 'a'))) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
  CHECK(detail::csp_hash("abc") == "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
}

TEST_CASE("HTML escaping covers text and attributes", "[html]") {
  CHECK(detail::html_escape("<a href=\"x\">Tom & 'Jerry'</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
  CHECK(detail::html_escape("café") == "café");
}

TEST_CASE("only http, https and mailto links are allowed", "[html]") {
  CHECK(detail::safe_href("https://example.org/?a=1&b=<2>") == "https://example.org/?a=1&amp;b=&lt;2&gt;");
  CHECK(detail::safe_href("HTTP://EXAMPLE.ORG") == "HTTP://EXAMPLE.ORG");
  CHECK(detail::safe_href("mailto:a@example.org") == "mailto:a@example.org");
  CHECK(detail::safe_href("javascript:alert(1)").empty());
  CHECK(detail::safe_href(" javascript:alert(1)").empty());
  CHECK(detail::safe_href("data:text/html,x").empty());
  CHECK(detail::safe_href("//evil.example").empty());
}

TEST_CASE("addresses in a paragraph of text become links, and nothing else does", "[html]") {
  CHECK(detail::html_linked("See https://example.org/a?b=1&c=2.") ==
        "See <a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">https://example.org/a?b=1&amp;c=2</a>.");
  CHECK(detail::html_linked("(http://x.example/y), then <b>") ==
        "(<a href=\"http://x.example/y\" rel=\"noopener noreferrer\">http://x.example/y</a>), then &lt;b&gt;");
  CHECK(detail::html_linked("no link: xhttps://evil.example javascript:alert(1)") ==
        "no link: xhttps://evil.example javascript:alert(1)");
  CHECK(detail::html_linked("https:// alone") == "https:// alone");
  CHECK(detail::html_linked("\"https://a.example/\"><script>") ==
        "&quot;<a href=\"https://a.example/\" rel=\"noopener noreferrer\">https://a.example/</a>&quot;&gt;&lt;script&gt;");
  CHECK(detail::html_linked("two https://a.example and https://b.example!") ==
        "two <a href=\"https://a.example\" rel=\"noopener noreferrer\">https://a.example</a> and "
        "<a href=\"https://b.example\" rel=\"noopener noreferrer\">https://b.example</a>!");
}

TEST_CASE("tier colours get the more readable text colour, at least 4.5:1 for the CPD palette", "[html]") {
  CHECK(detail::contrast_ratio("#000000", "#FFFFFF") == Approx(21.0));
  CHECK(detail::text_color_on("#FFFFFF") == "#000000");
  CHECK(detail::text_color_on("#000080") == "#FFFFFF");
  for (const auto& tier : builtin_rubric().tiers) {
    INFO(tier.color);
    CHECK(detail::contrast_ratio(tier.color, detail::text_color_on(tier.color)) >= 4.5);
  }
}

TEST_CASE("the page is self-contained and escapes hostile data in every context", "[html]") {
  auto load = load_jurisdiction_from_string(
      test::replace(test::k_valid_file, "name: Testville", "name: \"</script><script>alert(1)</script>\""), "h.yaml");
  REQUIRE(load.jurisdiction);
  std::vector<JurisdictionScore> scores = {score_jurisdiction(builtin_rubric(), std::move(*load.jurisdiction))};
  std::ostringstream out;
  render_html(builtin_rubric(), scores, {"T <i>", "I & \"q\""}, {}, out);
  const std::string html = out.str();
  CHECK(html.find("<title>T &lt;i&gt;</title>") != std::string::npos);
  CHECK(html.find("<p class=\"intro\">I &amp; &quot;q&quot;</p>") != std::string::npos);
  CHECK(html.find("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  // In attributes too: the search text and the share tags.
  CHECK(html.find("data-search=\"&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; ") != std::string::npos);
  CHECK(html.find("<meta property=\"og:title\" content=\"T &lt;i&gt;\">") != std::string::npos);
  CHECK(html.find("<meta name=\"description\" content=\"I &amp; &quot;q&quot;\">") != std::string::npos);
  // Exactly the one script element the generator writes (the data is not embedded: it is
  // beside the pages in a site, or an export of its own).
  std::size_t scripts = 0;
  for (auto at = html.find("<script"); at != std::string::npos; at = html.find("<script", at + 1)) ++scripts;
  CHECK(scripts == 1);
  CHECK(html.find("'unsafe-inline'") == std::string::npos);
  CHECK(html.find("default-src 'none'") != std::string::npos);
  CHECK(html.find("http://") == std::string::npos);  // no external resource of any kind
  CHECK(html.find("src=") == std::string::npos);
}

TEST_CASE("a site is an index, a page per jurisdiction and the data beside them, each page with its own CSP", "[html]") {
  auto first = load_jurisdiction_from_string(test::k_valid_file, "testville.yaml");
  auto second = load_jurisdiction_from_string(test::replace(test::k_valid_file, "name: Testville", "name: \"<Index>\""),
                                              "index.yaml");
  REQUIRE(first.jurisdiction);
  REQUIRE(second.jurisdiction);
  std::vector<JurisdictionScore> scores = {score_jurisdiction(builtin_rubric(), std::move(*first.jurisdiction)),
                                           score_jurisdiction(builtin_rubric(), std::move(*second.jurisdiction))};
  std::map<std::string, std::string> files;
  render_site(builtin_rubric(), scores, {"Our <cities>", ""}, {}, [&](const std::string& path, const auto& body) {
    std::ostringstream out;
    body(out);
    files[path] = out.str();
  });
  std::vector<std::string> paths;
  for (const auto& [path, text] : files) paths.push_back(path);
  // A jurisdiction with the id "index" cannot take the index's place: pages have a folder.
  CHECK(paths == std::vector<std::string>{"index.html", "jurisdictions/index.html", "jurisdictions/testville.html",
                                          "scorecard.csv", "scorecard.json"});
  const std::string& index = files["index.html"];
  CHECK(index.find("<a href=\"jurisdictions/testville.html\">Testville</a>") != std::string::npos);
  CHECK(index.find("<a href=\"scorecard.json\">scorecard.json</a>") != std::string::npos);
  CHECK(index.find("<details class=\"place\"") == std::string::npos);  // the cards are pages of their own
  CHECK(index.find("script-src 'sha256-") != std::string::npos);
  const std::string& page = files["jurisdictions/index.html"];
  CHECK(page.find("<title>&lt;Index&gt; — Our &lt;cities&gt;</title>") != std::string::npos);
  CHECK(page.find("<meta property=\"og:title\" content=\"&lt;Index&gt; — Our &lt;cities&gt;\">") != std::string::npos);
  CHECK(page.find("<meta name=\"description\" content=\"&lt;Index&gt; (IL): Overall ") != std::string::npos);
  CHECK(page.find("<a href=\"../index.html\">All jurisdictions</a>") != std::string::npos);
  CHECK(page.find("<a href=\"../scorecard.csv\">scorecard.csv</a>") != std::string::npos);
  // No script, and a CSP that allows none.
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("script-src") == std::string::npos);
  CHECK(page.find("default-src 'none'") != std::string::npos);
  CHECK(files["scorecard.json"].find("\"schema_version\"") != std::string::npos);
  CHECK(files["scorecard.csv"].rfind("id,", 0) == 0);
}

TEST_CASE("the page speaks the language asked for, and no other", "[html]") {
  auto load = load_jurisdiction_from_string(test::k_valid_file, "a.yaml");
  REQUIRE(load.jurisdiction);
  std::vector<JurisdictionScore> scores = {score_jurisdiction(builtin_rubric(), std::move(*load.jurisdiction))};
  HtmlOptions options;
  options.lang = "es";
  std::ostringstream out;
  render_html(builtin_rubric(), scores, options, {}, out);
  const std::string html = out.str();
  CHECK(html.find("<html lang=\"es\">") != std::string::npos);
  CHECK(html.find("Busque una ciudad, un condado o un estado") != std::string::npos);
  CHECK(html.find("data-text=\"Se muestran {shown} de {total} jurisdicciones\"") != std::string::npos);
  CHECK(html.find("Find a city") == std::string::npos);
  options.lang = "fr";
  std::ostringstream none;
  CHECK_THROWS_WITH(render_html(builtin_rubric(), scores, options, {}, none),
                    "the page is not offered in 'fr' (offered: en, es)");
  CHECK(page_language_offered("es"));
  CHECK_FALSE(page_language_offered("ES"));
}
