// The page's own words, in English and Spanish (see page_words.hpp).

#include "page_words.hpp"

#include <scorecard/render.hpp>

namespace scorecard::detail {
namespace {

constexpr PageWords k_english{
    "en",
    "Comparison",
    "Tier 1 is best. Each name links to its policies and sources.",
    "jurisdiction", "jurisdictions",
    "Jurisdiction", "State", "Population", "Rated", "Criteria with a tier, of all", "Overall", "Score",
    "(hypothetical)",
    "Find a city, county or state", "Name or state", "Overall tier", "All tiers", "Not rated",
    "Sort by", "Order of the page", "Showing {shown} of {total} jurisdictions",
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
    "This rubric has no English translation: its titles, tiers and descriptions are shown in their own language.",
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
    "Ordenar por", "Orden de la página", "Se muestran {shown} de {total} jurisdicciones",
    "Cada jurisdicción", "Abra una jurisdicción para ver el nivel de cada criterio, las razones, las notas y las fuentes.",
    "General", "media ponderada", "población", "cárcel a cargo de", "revisado",
    "Respuestas:",
    "Fuentes", "Fuentes:", "Historia", "Enlace a esta jurisdicción", "Todas las jurisdicciones", "sin calificar",
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
    "Esta rúbrica no trae traducción al español: sus títulos, niveles y descripciones se muestran en su idioma original.",
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

std::string page_languages() { return "en, es"; }

}  // namespace scorecard::detail

namespace scorecard {

bool page_language_offered(std::string_view lang) { return detail::page_words(lang) != nullptr; }

std::string page_languages_text() { return detail::page_languages(); }

}  // namespace scorecard
