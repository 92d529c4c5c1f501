#pragma once
/// One document's extraction records as one line of JSON: what `irgraph
/// extract` writes for any map stage (no store, no shared state), what
/// `irgraph merge` reads back, and what the store keeps per document so the
/// graph can be rebuilt exactly after `forget`.
#include <string>
#include <string_view>

#include "extract/document.hpp"
#include "extract/records.hpp"

namespace irgraph::extract {

/// A document with its records: the unit that `extract` emits and `merge` consumes.
struct ExtractedDocument {
  Document document;  ///< id, title, date, url, origin; text included
  DocumentRecords records;
};

/// One line of JSON (no newline inside). Deterministic: same input, same bytes.
std::string to_json_line(const ExtractedDocument& d);

/// Parses what to_json_line wrote; throws Error naming the problem.
ExtractedDocument from_json_line(std::string_view line);

/// The records alone (the store's per-document column).
std::string records_to_json(const DocumentRecords& r);
DocumentRecords records_from_json(std::string_view json);

}  // namespace irgraph::extract
