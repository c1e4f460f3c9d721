// The page's own words, in English and Spanish (see page_words.hpp).

#include "page_words.hpp"

#include <algorithm>

#include <fmt/format.h>

#include <scorecard/render.hpp>
#include <scorecard/text_util.hpp>

#include "render_detail.hpp"

namespace scorecard::detail {
namespace {

// ---- English: the sentences every other output uses ----------------------------------------

std::string en_origin(const Criterion& c, const CriterionResult& r, const CriterionData* data) {
  if (!r.rated()) {
    return (r.origin == Origin::what_if ? "Hypothetical: not rated: " : "Not rated: ") + not_rated_reason(r) + ".";
  }
  switch (r.origin) {
    case Origin::recorded:
      if (r.disagrees()) {
        return fmt::format("Recorded tier; {}.{}", answers_give_text(*r.computed, r.tier),
                           data && !data->disagreement.empty() ? " Kept because: " + data->disagreement : "");
      }
      return "Recorded tier.";
    case Origin::computed: {
      if (r.computed->every_answer) return "Computed from the answers: " + rule_match_text(*r.computed) + ".";
      const Rule& rule = c.rules[static_cast<std::size_t>(r.computed->rule_index)];
      std::string text = fmt::format("Computed from the answers (rule {}{}).", r.computed->rule_index + 1,
                                     r.computed->held.empty() ? "" : ": " + held_text(r.computed->held, ", "));
      if (!rule.because.empty()) text += " " + rule.because;
      return text;
    }
    case Origin::what_if:
      if (!r.from_answers) return "Hypothetical: set by a what-if.";
      return fmt::format("Hypothetical: computed from answers a what-if changed (rule {}).", r.computed->rule_index + 1);
    case Origin::missing: break;
  }
  return "Not rated.";
}

std::string en_summary(const Rubric& rubric, const Summary& summary, const TierCount& tier) {
  return summary_sentence(rubric, summary, tier);
}
std::string en_not_rated_summary(const Summary& summary) { return not_rated_sentence(summary); }
std::string en_coverage(const CriteriaCoverage& coverage) { return coverage_text(coverage); }
std::string en_coverage_rule(const Rubric& rubric) { return coverage_rule_text(rubric); }
std::string en_gate(const Rubric& rubric, const GateFailure& gate) { return gate_text(rubric, gate); }
std::vector<std::string> en_inherited(const std::vector<Answer>& answers) { return inherited_lines(answers); }
std::string en_tier_words(const Rubric& rubric, const std::optional<int>& tier) { return tier_words(rubric, tier); }
std::string en_subject_heading(const Rubric& rubric, const Subject& subject) { return subject_heading(rubric, subject); }
std::string en_change(const Rubric& rubric, const HistoryChange& c, std::string_view arrow) {
  return history_change_text(rubric, c, arrow);
}
std::string en_cause(const Rubric& rubric, const HistoryCause& c, std::string_view self) {
  return history_cause_text(rubric, c, self);
}
std::string en_as_of(std::string_view day) { return as_of_banner(day); }
std::string en_what_if(const std::vector<std::string>& what_if) { return what_if_banner(what_if); }
std::string en_kind(std::string_view kind) { return std::string(kind); }
std::string en_population(long long value, long long rounded_to) { return population_text(value, rounded_to); }

// ---- Spanish ----------------------------------------------------------------------------------

std::string es_plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string es_tier_words(const Rubric& rubric, const std::optional<int>& tier) {
  const Tier* t = tier ? rubric.find_tier(*tier) : nullptr;
  return t ? fmt::format("{} {}", t->number, t->label) : std::string("sin calificar");
}

std::string es_held(const std::vector<HeldCondition>& held) {
  std::vector<std::string> parts;
  parts.reserve(held.size());
  for (const auto& h : held) parts.push_back(fmt::format("{} es {}", h.question, h.answer));
  return join(parts, ", ");
}

std::string es_tier_list(const std::vector<int>& tiers) {
  std::vector<std::string> names;
  names.reserve(tiers.size());
  for (int t : tiers) names.push_back(std::to_string(t));
  if (names.size() == 1) return "nivel " + names[0];
  const std::string last = names.back();
  names.pop_back();
  return "niveles " + join(names, ", ") + " o " + last;
}

std::string es_possible(const RuleMatch& match) {
  std::string text = es_tier_list(match.possible) + (match.possible.size() == 1 ? " posible" : " posibles");
  if (match.approximate) text += " (un límite superior: hay demasiadas combinaciones de respuestas para probarlas todas)";
  return text;
}

std::string es_open_questions(const RuleMatch& match) {
  const std::size_t unclear = match.open_unclear;
  const std::size_t unanswered = match.open.size() - unclear;
  const std::string of = match.deciding == 1 ? "de 1 pregunta decisiva" : fmt::format("de {} preguntas decisivas", match.deciding);
  if (unanswered == 0) return fmt::format("{} {} con respuesta dudosa", unclear, of);
  if (unclear == 0) return fmt::format("{} {} sin responder", unanswered, of);
  return fmt::format("{} con respuesta dudosa y {} sin responder, {}", unclear, unanswered, of);
}

std::string es_rule_match(const RuleMatch& match) {
  if (!match.decided()) return "sin decidir: " + es_possible(match);
  if (match.every_answer) return fmt::format("cualquier respuesta a sus preguntas abiertas da el nivel {}", match.tier);
  const std::string open = match.open.empty() ? "" : "; las preguntas abiertas no pueden cambiarlo";
  if (match.held.empty()) return fmt::format("regla {}: no se cumplió ninguna regla anterior{}", match.rule_index + 1, open);
  return fmt::format("regla {}: {}{}", match.rule_index + 1, es_held(match.held), open);
}

std::string es_not_rated_reason(const CriterionResult& result) {
  const std::string set_aside =
      result.set_aside ? fmt::format(" (el nivel registrado {} se deja de lado: solo respuestas)", *result.set_aside) : "";
  if (!result.in_file) return "no figura en el archivo";
  if (result.not_yet) return "todavía no hay política registrada ese día (el primer estado que el archivo registra comienza después)";
  if (!result.computed) return (result.set_aside ? "sin respuestas" : "sin nivel ni respuestas") + set_aside;
  return es_open_questions(*result.computed) + set_aside;
}

std::string es_answers_give(const RuleMatch& match, const std::optional<int>& tier) {
  if (!match.decided()) return fmt::format("sus respuestas no deciden ningún nivel ({}; {})", es_open_questions(match), es_possible(match));
  if (tier && match.tier == *tier) return fmt::format("sus respuestas dan el mismo nivel ({})", es_rule_match(match));
  return fmt::format("sus respuestas darían el nivel {} ({})", match.tier, es_rule_match(match));
}

std::string es_origin(const Criterion& c, const CriterionResult& r, const CriterionData* data) {
  if (!r.rated()) {
    return (r.origin == Origin::what_if ? "Hipotético: sin calificar: " : "Sin calificar: ") + es_not_rated_reason(r) + ".";
  }
  switch (r.origin) {
    case Origin::recorded:
      if (r.disagrees()) {
        return fmt::format("Nivel registrado; {}.{}", es_answers_give(*r.computed, r.tier),
                           data && !data->disagreement.empty() ? " Se mantiene porque: " + data->disagreement : "");
      }
      return "Nivel registrado.";
    case Origin::computed: {
      if (r.computed->every_answer) return "Calculado a partir de las respuestas: " + es_rule_match(*r.computed) + ".";
      const Rule& rule = c.rules[static_cast<std::size_t>(r.computed->rule_index)];
      std::string text = fmt::format("Calculado a partir de las respuestas (regla {}{}).", r.computed->rule_index + 1,
                                     r.computed->held.empty() ? "" : ": " + es_held(r.computed->held));
      if (!rule.because.empty()) text += " " + rule.because;
      return text;
    }
    case Origin::what_if:
      if (!r.from_answers) return "Hipotético: lo fija una hipótesis (--what-if).";
      return fmt::format("Hipotético: calculado a partir de respuestas que cambió una hipótesis (regla {}).",
                         r.computed->rule_index + 1);
    case Origin::missing: break;
  }
  return "Sin calificar.";
}

std::string es_residents(long long residents, bool approximate) {
  std::string number;
  if (residents < 1'000'000) {
    number = group_thousands(residents);
  } else if (residents < 999'950'000) {
    const double millions = static_cast<double>(residents) / 1e6;
    number = fmt::format("{:.1f} {}", millions, millions < 1.05 ? "millón" : "millones");
  } else {
    number = fmt::format("{:.1f} mil millones", static_cast<double>(residents) / 1e9);
  }
  return (approximate ? "unos " : "") + number;
}

// "unos 18.1 millones de habitantes", "864,000 habitantes": the residents, named.
std::string es_people(long long residents, bool approximate) {
  return es_residents(residents, approximate) + (residents >= 1'000'000 ? " de habitantes" : " habitantes");
}

// The summary's sentence, as summary.cpp says it in English. rated: "tiene el nivel «En camino»".
std::string es_sentence(const Summary& summary, const TierCount& tier, std::string_view live, std::string_view rated_one,
                        std::string_view rated_many) {
  // "2 de 36 jurisdicciones", "1 de 1 jurisdicción", "0 de 1 jurisdicciones": the noun agrees with the part.
  const std::string of = fmt::format("{} de {} {}", group_thousands(static_cast<long long>(tier.jurisdictions)),
                                     group_thousands(static_cast<long long>(summary.jurisdictions)),
                                     tier.jurisdictions == 1 ? "jurisdicción" : "jurisdicciones");
  if (summary.with_population + summary.holding_others == summary.jurisdictions) {
    return fmt::format("{} de {} viven {} ({})", es_residents(tier.residents, tier.approximate),
                       es_people(summary.residents, summary.residents_approximate), live, of);
  }
  std::string text = fmt::format("{} {}", of, tier.jurisdictions == 1 ? rated_one : rated_many);
  if (tier.residents > 0) {
    text += fmt::format(", con {} de {}{} contados", es_residents(tier.residents, tier.approximate),
                        summary.residents_approximate ? "" : "los ", es_people(summary.residents, summary.residents_approximate));
  }
  if (tier.unknown_population > 0) {
    text += fmt::format("; se desconoce la población de {}", group_thousands(static_cast<long long>(tier.unknown_population)));
  }
  return text;
}

std::string es_summary(const Rubric& rubric, const Summary& summary, const TierCount& tier) {
  const Tier* t = rubric.find_tier(tier.tier);
  const std::string label = t ? t->short_label : std::to_string(tier.tier);
  return es_sentence(summary, tier, fmt::format("en jurisdicciones con el nivel «{}»", label),
                     fmt::format("tiene el nivel «{}»", label), fmt::format("tienen el nivel «{}»", label));
}

std::string es_not_rated_summary(const Summary& summary) {
  if (summary.not_rated.jurisdictions == 0) return {};
  return es_sentence(summary, summary.not_rated, "en jurisdicciones sin calificar", "no tiene calificación", "no tienen calificación");
}

std::string es_coverage(const CriteriaCoverage& coverage) {
  std::string text = fmt::format("{} de {} calificados", coverage.rated, es_plural(coverage.criteria, "criterio", "criterios"));
  if (coverage.enough) return text;
  if (!coverage.missing.empty()) {
    if (coverage.needed == coverage.criteria) return text + fmt::format("; la rúbrica exige los {}", coverage.needed);
    std::vector<std::string> missing = coverage.missing;
    const std::string last = missing.back();
    missing.pop_back();
    const std::string names = missing.empty() ? last : join(missing, ", ") + " y " + last;
    return text + fmt::format("; la rúbrica exige todos los criterios que no son opcionales, y {} {} sin calificar", names,
                              coverage.missing.size() == 1 ? "está" : "están");
  }
  return text + fmt::format("; la rúbrica exige al menos {}", coverage.needed);
}

std::string es_coverage_rule(const Rubric& rubric) {
  const std::size_t all = rubric.criteria.size();
  const auto required = static_cast<std::size_t>(
      std::count_if(rubric.criteria.begin(), rubric.criteria.end(), [](const Criterion& c) { return !c.optional; }));
  if (rubric.overall.min_rated) {
    return fmt::format("un nivel general exige que estén calificados al menos {} de los {} criterios", *rubric.overall.min_rated, all);
  }
  if (required == 0) return "un nivel general exige que esté calificado al menos 1 criterio";
  if (required == all) return fmt::format("un nivel general exige que estén calificados los {} criterios", all);
  return fmt::format("un nivel general exige que estén calificados todos los criterios que no son opcionales ({} de los {})",
                     required, all);
}

std::string es_gate(const Rubric& rubric, const GateFailure& gate) {
  return fmt::format("el nivel {} exige {} en el nivel {} o mejor ({})", gate.tier, criterion_title(rubric, gate.criterion),
                     gate.required, gate.actual ? fmt::format("está en el nivel {}", *gate.actual) : "está sin calificar");
}

std::vector<std::string> es_inherited(const std::vector<Answer>& answers) {
  static constexpr ProvenanceWords k_words{"de {}, que administra la cárcel", "como mínimo, por la ley de {}",
                                           "como máximo, por la ley de {}",   " (y {} más)",
                                           "; su respuesta {}",               "{} es {}{}",
                                           " (la suya: {})"};
  return inherited_lines(answers, k_words);
}

std::string es_subject_heading(const Rubric& rubric, const Subject& subject) {
  return subject.is_overall() ? "General" : criterion_title(rubric, subject.criterion);
}

std::string es_change(const Rubric& rubric, const HistoryChange& c, std::string_view arrow) {
  if (c.from == c.to) return "sin cambio, " + es_tier_words(rubric, c.to);
  return fmt::format("{} {} {}", es_tier_words(rubric, c.from), arrow, es_tier_words(rubric, c.to));
}

std::string es_cause(const Rubric& rubric, const HistoryCause& c, std::string_view self) {
  const std::string since = c.undated ? std::string("según la revisión (sin fecha)") : "desde el " + c.since;
  const std::string criterion =
      c.criterion.empty() || c.government == self ? std::string() : " (" + criterion_title(rubric, c.criterion) + ")";
  if (c.via == "own") return fmt::format("su propia política {}", since);
  if (c.via == "jail_authority") return fmt::format("{}, que administra la cárcel{}, {}", c.name, criterion, since);
  return fmt::format("la ley de {} ({}){}, {}", c.name, c.via == "at_least" ? "un mínimo" : "un máximo", criterion, since);
}

std::string es_as_of(std::string_view day) {
  return fmt::format("Al {}: cada jurisdicción se califica según las políticas vigentes ese día.", day);
}

std::string es_what_if(const std::vector<std::string>& what_if) {
  return fmt::format("Hipótesis: como si {}. Los niveles marcados con {} vienen de estas hipótesis, no de los archivos.",
                     join(what_if, ", "), k_what_if_mark);
}

std::string es_kind(std::string_view kind) {
  if (kind == "city") return "ciudad";
  if (kind == "county") return "condado";
  if (kind == "parish") return "parroquia";
  if (kind == "borough") return "distrito";
  if (kind == "state") return "estado";
  if (kind == "other") return "otra";
  return std::string(kind);
}

std::string es_population(long long value, long long rounded_to) {
  std::string text = population_text(value, rounded_to);  // "8.6m", "672k", "about 500", "2,722,586"
  if (text.rfind("about ", 0) == 0) return "unos " + text.substr(6);
  if (!text.empty() && text.back() == 'm') {
    text.pop_back();
    return text + (text == "1" ? " millón" : " millones");
  }
  if (!text.empty() && text.back() == 'k') {
    text.pop_back();
    return text + " mil";
  }
  return text;
}


constexpr PageWords k_english{
    "en",
    "Comparison",
    "Tier 1 is best. Each name links to its policies and sources.",
    "jurisdiction", "jurisdictions",
    "Jurisdiction", "State", "Population", "Rated", "Criteria with a tier, of all", "Overall", "Score",
    "(hypothetical)",
    "Find a city, county or state", "Name or state", "Overall tier", "All tiers", "Not rated",
    "Sort by", "Order of the page", "Showing {shown} of {total} jurisdictions", "Showing {shown} of 1 jurisdiction",
    "No jurisdiction to show: the files read hold none, or the filters matched none.",
    "Each jurisdiction", "Open a jurisdiction for each criterion's tier, the reasons, the notes and the sources.",
    "Overall", "weighted mean", "population", "jail run by", "reviewed",
    "Answers:",
    "Sources", "Sources:", "History", "Link to this jurisdiction", "All jurisdictions", "not rated",
    "Data reviewed {range}.", "{from} to {to}",
    "Tiers",
    "Not rated: the evidence recorded decides no tier. Unclear or missing answers are no evidence, not a \"no\".",
    "Score: the weighted mean of the criterion tiers (lower is better), from which the overall tier comes (see "
    "the methodology below). A dash (—) is a figure the data does not have: a population no source gives, or the "
    "score of a jurisdiction not rated overall.",
    "Rated: criteria with a tier, of all;",
    "Methodology", "weight",
    "The overall tier comes from the weighted mean of the criterion tiers (lower is better):",
    "up to {mean} is tier {tier}", "anything higher is tier {tier}", "Tier {tier} also requires {what} or better.",
    "{criterion} at tier {tier}",
    "; with fewer, a jurisdiction is not rated overall. A criterion is not rated when it records no tier and its "
    "answers leave open a question that could change it: an unclear or missing answer is no evidence, not a \"no\".",
    "Rubric {id}, version {version}.",
    "Made with policy-scorecard {version}.", "This page makes no network requests.",
    "The same data, for spreadsheets and programs:",
    "Tiers of {name} from {from} to {to}, each criterion and the overall tier; the list below says each change",
    "Tiers over time",
    "Each year's overall tiers, as of 31 December (the last year: as of {day}), by the dated policies in the data; "
    "a jurisdiction before its first dated policy counts as not rated.",
    "{what} in each tier, year by year from {from} to {to}; the table below gives the numbers",
    "{what} per tier", "The numbers", "Jurisdictions (and residents) per overall tier, each year",
    "Year", "Jurisdictions", "Residents", "residents", "about", "Not rated (grey in the pictures)",
    "This rubric has no complete English translation: what it lacks is shown in the rubric's own language.",
    en_summary, en_not_rated_summary, en_origin, en_coverage, en_coverage_rule, en_gate, en_inherited, en_tier_words,
    en_subject_heading, en_change, en_cause, en_as_of, en_what_if, k_answers_only_banner, en_kind, en_population,
};

// Spanish as the people these scorecards are about read it: plain, with the usual US
// advocacy terms ("orden de detención" for an ICE detainer is left to the rubric).
constexpr PageWords k_spanish{
    "es",
    "Comparación",
    "El nivel 1 es el mejor. Cada nombre lleva a sus políticas y fuentes.",
    "jurisdicción", "jurisdicciones",
    "Jurisdicción", "Estado", "Población", "Calificados", "Criterios con nivel, del total", "General", "Puntaje",
    "(hipotético)",
    "Busque una ciudad, un condado o un estado", "Nombre o estado", "Nivel general", "Todos los niveles",
    "Sin calificar",
    "Ordenar por", "Orden de la página", "Se muestran {shown} de {total} jurisdicciones", "Se muestra {shown} de 1 jurisdicción",
    "No hay ninguna jurisdicción que mostrar: los archivos leídos no tienen ninguna, o los filtros no coincidieron con ninguna.",
    "Cada jurisdicción", "Abra una jurisdicción para ver el nivel de cada criterio, las razones, las notas y las fuentes.",
    "General", "media ponderada", "población", "cárcel a cargo de", "revisado",
    "Respuestas:",
    "Fuentes", "Fuentes:", "Historial", "Enlace a esta jurisdicción", "Todas las jurisdicciones", "sin calificar",
    "Datos revisados {range}.", "de {from} a {to}",
    "Niveles",
    "Sin calificar: la evidencia registrada no decide ningún nivel. Una respuesta dudosa o que falta no es "
    "evidencia, no es un «no».",
    "Puntaje: la media ponderada de los niveles de los criterios (más bajo es mejor), de la que sale el nivel "
    "general (vea la metodología más abajo). Un guion (—) es un dato que no se tiene: una población que ninguna "
    "fuente da, o el puntaje de una jurisdicción sin calificación general.",
    "Calificados: criterios con nivel, del total;",
    "Metodología", "peso",
    "El nivel general sale de la media ponderada de los niveles de los criterios (más bajo es mejor):",
    "hasta {mean} es el nivel {tier}", "por encima es el nivel {tier}",
    "El nivel {tier} también exige {what} o mejor.", "{criterion} en el nivel {tier}",
    "; con menos, la jurisdicción queda sin calificación general. Un criterio queda sin calificar cuando no registra "
    "nivel y sus respuestas dejan abierta una pregunta que podría cambiarlo: una respuesta dudosa o que falta no es "
    "evidencia, no es un «no».",
    "Rúbrica {id}, versión {version}.",
    "Hecho con policy-scorecard {version}.", "Esta página no hace ninguna solicitud a la red.",
    "Los mismos datos, para hojas de cálculo y programas:",
    "Niveles de {name} de {from} a {to}, para cada criterio y el nivel general; la lista de abajo explica cada "
    "cambio",
    "Los niveles a lo largo del tiempo",
    "Los niveles generales de cada año, al 31 de diciembre (el último año: al {day}), según las políticas con fecha "
    "de los datos; antes de su primera política con fecha, una jurisdicción cuenta como sin calificar.",
    "{what} en cada nivel, año por año de {from} a {to}; la tabla de abajo da las cifras",
    "{what} por nivel", "Las cifras", "Jurisdicciones (y habitantes) por nivel general, cada año",
    "Año", "Jurisdicciones", "Habitantes", "habitantes", "unos", "Sin calificar (gris en los gráficos)",
    "Esta rúbrica no trae traducción completa al español: lo que le falta se muestra en el idioma original de la rúbrica.",
    es_summary, es_not_rated_summary, es_origin, es_coverage, es_coverage_rule, es_gate, es_inherited, es_tier_words,
    es_subject_heading, es_change, es_cause, es_as_of, es_what_if,
    "Solo respuestas: se dejan de lado los niveles registrados; cada nivel se calcula únicamente con las respuestas "
    "de los archivos.",
    es_kind, es_population,
};

}  // namespace

const PageWords* page_words(std::string_view lang) {
  if (lang == "en") return &k_english;
  if (lang == "es") return &k_spanish;
  return nullptr;
}

std::string fill_words(std::string_view text, std::initializer_list<std::pair<std::string_view, std::string>> values) {
  std::string out(text);
  for (const auto& [key, value] : values) {
    const std::string mark = "{" + std::string(key) + "}";
    for (std::size_t at = out.find(mark); at != std::string::npos; at = out.find(mark, at + value.size())) {
      out.replace(at, mark.size(), value);
    }
  }
  return out;
}

std::string source_links(std::string_view id, std::vector<std::size_t> numbers) {
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  std::vector<std::string> links;
  links.reserve(numbers.size());
  for (const std::size_t k : numbers) links.push_back(fmt::format("<a href=\"#{}_s{}\">{}</a>", html_escape(id), k, k));
  return join(links, ", ");
}

std::string page_languages() { return "en, es"; }

}  // namespace scorecard::detail

namespace scorecard {

bool page_language_offered(std::string_view lang) { return detail::page_words(lang) != nullptr; }

std::string page_languages_text() { return detail::page_languages(); }

}  // namespace scorecard
