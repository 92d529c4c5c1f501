#pragma once
/// Calendar dates: parsing the dates news writes, and resolving relative
/// expressions ("on Saturday", "yesterday", "Sept. 17") against a document date.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/text.hpp"

namespace irgraph::extract {

struct Date {
  int year = 0, month = 0, day = 0;
  std::string iso() const;  ///< "2018-12-31"
  bool operator==(const Date&) const = default;
};

/// A date found in a text and its byte span there.
struct DateAt {
  Date date;
  std::size_t begin = 0, end = 0;
};

/// The first date written in `s` (the forms parse_date() reads) and where it stands.
std::optional<DateAt> locate_date(std::string_view s);

/// Parses an ISO date ("2018-12-31", optionally followed by a time),
/// "31.12.2018", "December 31, 2018", "Dec. 31, 2018" or "31 December 2018".
std::optional<Date> parse_date(std::string_view s);

/// Finds the publication date in the first lines of an article: a date line
/// ("Published 31.12.2018 00:00", "Updated: 2018-12-31", "By Ana Ruiz | July 5,
/// 2022") or a dateline opening the story with a full date ("CAIRO – 26 July
/// 2022:"). A date in a sentence of the story ("On Feb. 9, 1940, in New York")
/// is no publication date: nullopt when the head names none.
std::optional<Date> find_document_date(std::string_view text);

/// The date line or dateline find_document_date() reads, with its byte span in `text`.
std::optional<DateAt> find_dateline(std::string_view text);

/// The date an event in this sentence refers to, resolved against the
/// document date: an absolute date ("Sept. 17, 2018"), a month and day
/// ("Sept. 17", "17 September": the year that puts it nearest the document
/// date), "today", "yesterday", "tomorrow", or a weekday ("on Saturday": the
/// last such day before the document date, the next one with "next").
std::optional<Date> event_date(std::string_view text, const std::vector<Token>& tokens,
                               std::uint32_t first, std::uint32_t last, const std::optional<Date>& doc_date);

/// Month number for an English month name or abbreviation ("sept", "jan"), 0 if none.
int month_number(std::string_view folded);

}  // namespace irgraph::extract
