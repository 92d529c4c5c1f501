#include "extract/dates.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace irgraph::extract {

namespace chr = std::chrono;

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

int month_number(std::string_view m) {
  static const char* names[] = {"january", "february", "march", "april", "may", "june", "july",
                                "august", "september", "october", "november", "december"};
  for (int i = 0; i < 12; ++i) {
    std::string_view full = names[i];
    if (m == full) return i + 1;
    if (m.size() == 3 && full.substr(0, 3) == m && m != "may") return i + 1;
  }
  if (m == "sept") return 9;
  return 0;
}

namespace {

bool valid(int y, int m, int d) {
  if (y < 1000 || y > 2999) return false;
  return chr::year_month_day{chr::year{y}, chr::month{static_cast<unsigned>(m)}, chr::day{static_cast<unsigned>(d)}}.ok();
}

std::optional<Date> make(int y, int m, int d) {
  if (!valid(y, m, d)) return std::nullopt;
  return Date{y, m, d};
}

chr::sys_days to_days(const Date& d) {
  return chr::sys_days{chr::year{d.year} / chr::month{static_cast<unsigned>(d.month)} / chr::day{static_cast<unsigned>(d.day)}};
}

Date from_days(chr::sys_days days) {
  chr::year_month_day ymd{days};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
    if (v > 100000) return -1;
  }
  return s.empty() ? -1 : v;
}

/// The year (doc year -1, 0 or +1) that puts month/day nearest the document date.
std::optional<Date> nearest_year(int month, int day, const Date& doc) {
  std::optional<Date> best;
  long best_gap = 0;
  for (int y = doc.year - 1; y <= doc.year + 1; ++y) {
    auto d = make(y, month, day);
    if (!d) continue;
    long gap = std::labs((to_days(*d) - to_days(doc)).count());
    if (!best || gap < best_gap) { best = d; best_gap = gap; }
  }
  return best;
}

}  // namespace

std::optional<DateAt> locate_date(std::string_view s) {
  std::string storage;
  auto tokens = tokenize(s, storage);
  auto at = [&](const Date& d, std::size_t first, std::size_t last) {
    return DateAt{d, tokens[first].begin, tokens[last].end};
  };
  // ISO: 2018-12-31 tokenizes as 2018 - 12 - 31
  for (std::size_t i = 0; i + 4 < tokens.size(); ++i) {
    if (tokens[i].is(kNumber) && tokens[i + 1].folded == "-" && tokens[i + 2].is(kNumber) &&
        tokens[i + 3].folded == "-" && tokens[i + 4].is(kNumber)) {
      int y = to_int(tokens[i].folded), m = to_int(tokens[i + 2].folded);
      std::string_view dd = s.substr(tokens[i + 4].begin, 2);
      if (auto d = make(y, m, to_int(dd))) return at(*d, i, i + 4);
    }
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    // 31.12.2018 is one number token
    if (t.is(kNumber)) {
      std::string_view raw = s.substr(t.begin, t.end - t.begin);
      auto d1 = raw.find('.');
      auto d2 = d1 == std::string_view::npos ? d1 : raw.find('.', d1 + 1);
      if (d2 != std::string_view::npos) {
        int d = to_int(raw.substr(0, d1)), m = to_int(raw.substr(d1 + 1, d2 - d1 - 1));
        if (auto r = make(to_int(raw.substr(d2 + 1)), m, d)) return at(*r, i, i);
      }
      // 31 December 2018
      if (i + 2 < tokens.size() && month_number(tokens[i + 1].folded) && tokens[i + 2].is(kNumber)) {
        if (auto r = make(to_int(tokens[i + 2].folded), month_number(tokens[i + 1].folded), to_int(t.folded)))
          return at(*r, i, i + 2);
      }
    }
    // December 31, 2018 / Dec. 31 2018
    if (int m = month_number(t.folded); m && t.cap()) {
      std::size_t j = i + 1;
      if (j < tokens.size() && tokens[j].folded == ".") ++j;
      if (j < tokens.size() && tokens[j].is(kNumber)) {
        int d = to_int(tokens[j].folded);
        std::size_t k = j + 1;
        if (k < tokens.size() && tokens[k].folded == ",") ++k;
        if (k < tokens.size() && tokens[k].is(kNumber))
          if (auto r = make(to_int(tokens[k].folded), m, d)) return at(*r, i, k);
      }
    }
  }
  return std::nullopt;
}

std::optional<Date> parse_date(std::string_view s) {
  if (auto d = locate_date(s)) return d->date;
  return std::nullopt;
}

namespace {

/// Words a date line carries beside its date: "Published: Monday, 31 December 2018, 10:00 GMT".
bool date_line_word(std::string_view folded) {
  static constexpr std::string_view kWords[] = {
      "published", "updated", "posted", "last", "modified", "created", "issued", "date", "dated", "on", "at",
      "am", "pm", "a.m", "p.m", "gmt", "utc", "est", "edt", "cet", "cest", "ist", "pst", "pdt", "bst", "eat", "wat",
      "cat", "sast", "hrs", "local", "time", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "by", "and", "of"};
  return std::find(std::begin(kWords), std::end(kWords), folded) != std::end(kWords);
}

/// Is `line` a date line ("Published 31.12.2018 00:00", "By Ana Ruiz | July 5, 2022")
/// or a dateline opening the story ("CAIRO – 26 July 2022:", "ABUJA, Jun 22 2022 (IPS) -")?
/// A date inside a sentence ("On Feb. 9, 1940, in New York") is neither.
bool dateline(std::string_view line, const DateAt& d) {
  std::string storage;
  const auto tokens = tokenize(line, storage);
  int other_words = 0, lower_words = 0, capitalised_before = 0, words_before = 0;
  for (const auto& t : tokens) {
    if (t.begin >= d.begin && t.end <= d.end) continue;
    if (!t.word() || t.is(kNumber) || date_line_word(t.folded)) continue;
    ++other_words;
    lower_words += t.cap() ? 0 : 1;
    if (t.end <= d.begin) {
      ++words_before;
      capitalised_before += t.cap() ? 1 : 0;
    }
  }
  // a line that is the date with a few names about it (a byline, "Published", a weekday); a lower-case
  // word makes it a sentence ("Honduras defeated Nicaragua 2-1 January 2017")
  if (line.size() <= 100 && other_words <= 4 && lower_words == 0) return true;
  std::string_view before = line.substr(0, d.begin), after = line.substr(d.end);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
  // "Police today (July 28, 2022) recovered ...": the writer gives today's date
  if (before.ends_with("today (") || before.ends_with("Today (")) return after.starts_with(")");
  // "PLACE[,–] <date> [(Agency)] –|:", "New York (November 25, 2021):", "SINGAPORE (May 6, 2021) —":
  // a short capitalised place before, a dash, colon or bracket after
  if (d.begin > 40 || words_before == 0 || words_before > 4 || capitalised_before != words_before) return false;
  if (before.ends_with("(") && after.starts_with(")")) {
    after.remove_prefix(1);
    while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
  }
  for (std::string_view mark : {"-", "\u2013", "\u2014", ":", "(", "/"})
    if (after.starts_with(mark)) return true;
  return false;
}

}  // namespace

std::optional<DateAt> find_dateline(std::string_view text) {
  // Look at the first eight lines: headline, byline, date lines, the dateline opening the story.
  std::size_t pos = 0;
  for (int line = 0; line < 8 && pos < text.size(); ++line) {
    const std::size_t start = pos;
    std::size_t nl = text.find('\n', pos);
    std::string_view l = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    if (l.size() > 200) l = l.substr(0, 200);  // a dateline opens a paragraph
    if (auto d = locate_date(l); d && dateline(l, *d)) return DateAt{d->date, start + d->begin, start + d->end};
  }
  return std::nullopt;
}

std::optional<Date> find_document_date(std::string_view text) {
  if (auto d = find_dateline(text)) return d->date;
  return std::nullopt;
}

std::optional<Date> event_date(std::string_view text, const std::vector<Token>& tokens, std::uint32_t first,
                               std::uint32_t last, const std::optional<Date>& doc_date) {
  static const char* weekdays[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  for (std::uint32_t i = first; i < last; ++i) {
    const Token& t = tokens[i];
    if (!t.word()) continue;
    // Month day [, year]
    if (int m = month_number(t.folded); m && t.cap()) {
      std::uint32_t j = i + 1;
      if (j < last && tokens[j].folded == ".") ++j;
      if (j < last && tokens[j].is(kNumber)) {
        int d = to_int(tokens[j].folded);
        std::uint32_t k = j + 1;
        if (k < last && tokens[k].folded == ",") ++k;
        if (k < last && tokens[k].is(kNumber) && tokens[k].folded.size() == 4) {
          if (auto r = make(to_int(tokens[k].folded), m, d)) return r;
        }
        if (d >= 1 && d <= 31 && doc_date)
          if (auto r = nearest_year(m, d, *doc_date)) return r;
      }
    }
    // day Month [year]
    if (t.is(kNumber) && i + 1 < last) {
      if (int m = month_number(tokens[i + 1].folded); m && tokens[i + 1].cap()) {
        int d = to_int(t.folded);
        if (i + 2 < last && tokens[i + 2].is(kNumber) && tokens[i + 2].folded.size() == 4)
          if (auto r = make(to_int(tokens[i + 2].folded), m, d)) return r;
        if (doc_date)
          if (auto r = nearest_year(m, d, *doc_date)) return r;
      }
    }
    if (!doc_date) continue;
    const chr::sys_days base = to_days(*doc_date);
    if (t.folded == "today") return doc_date;
    if (t.folded == "yesterday") return from_days(base - chr::days{1});
    if (t.folded == "tomorrow") return from_days(base + chr::days{1});
    for (int w = 0; w < 7; ++w) {
      if (t.folded != weekdays[w] || !t.cap()) continue;
      const unsigned doc_wd = chr::weekday{base}.c_encoding();
      bool next = i > first && (tokens[i - 1].folded == "next" || tokens[i - 1].folded == "coming");
      bool future = next;
      for (std::uint32_t k = first; k < last && !future; ++k)
        future = tokens[k].folded == "will" || tokens[k].folded == "shall";
      if (future) {
        int ahead = (w - static_cast<int>(doc_wd) + 7) % 7;
        return from_days(base + chr::days{ahead == 0 ? 7 : ahead});
      }
      int back = (static_cast<int>(doc_wd) - w + 7) % 7;
      return from_days(base - chr::days{back == 0 ? 0 : back});
    }
  }
  (void)text;
  return std::nullopt;
}

}  // namespace irgraph::extract
