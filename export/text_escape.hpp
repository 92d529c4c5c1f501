#pragma once
/// Escaping shared by the writers: XML text and attributes, CSV fields,
/// Turtle and Cypher string literals. Each makes any name safe for its format.
#include <string>
#include <string_view>

namespace irgraph::exporters {

/// XML 1.0 text or attribute value: & < > " ' escaped; characters XML 1.0
/// forbids (C0 controls but tab, LF, CR) replaced by U+FFFD.
std::string xml_escape(std::string_view s);

/// RFC 4180 field: always quoted, '"' doubled; CR, LF and tabs turned into spaces
/// (so no importer needs multi-line fields).
std::string csv_field(std::string_view s);

/// A double-quoted Turtle string literal with \\ \" \n \r \t escaped.
std::string turtle_string(std::string_view s);

/// A single-quoted Cypher string literal with \\ \' \" \n \r \t escaped.
std::string cypher_string(std::string_view s);

/// Spaces for line breaks and tabs (values of one-line formats).
std::string one_line(std::string_view s);

}  // namespace irgraph::exporters
