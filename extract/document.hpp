#pragma once
/// Articles and the readers that turn files into them: plain text (line 1
/// the headline), JSON Lines (id, title, date, url, text), folders
/// (recursively, sorted) and "-" for standard input.
#include <chrono>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace irgraph::extract {

/// One news article. `text` is valid UTF-8 in NFC with '\n' line ends; every
/// byte offset irgraph stores points into it.
struct Document {
  std::string id;      ///< stable id: the JSON "id", else the file path as given
  std::string title;   ///< headline (first non-empty line of a .txt)
  std::string date;    ///< publication date as YYYY-MM-DD, or empty when unknown
  std::string url;
  std::string origin;  ///< where it was read: "path" or "path:line"
  std::string text;
  /// The input it was read from, however its path was typed: the file's
  /// absolute path with links resolved (as path_id() writes it), "-" for
  /// standard input, empty when unknown. A document id given by another
  /// source is another document's (see Session).
  std::string source;
  /// The id is the file's path (a plain-text article), not given by the input:
  /// the same file typed another way is the same document.
  bool id_from_path = false;
  /// The id is the input's own ("id" or "url" of a JSON article), not made
  /// from where the article was read.
  bool id_from_input = false;

  /// 128-bit content hash (xxh3) of title and text, as 32 hex digits.
  std::string content_hash() const;
  /// The identifier the document is published under (its IRI's last part):
  /// the input's own id or URL, else "content:" and its content hash, never
  /// a path of the machine it was read on.
  std::string public_id() const { return id_from_input ? id : "content:" + content_hash(); }
};

/// Largest article irgraph accepts, in bytes (text of one file or JSON line).
inline constexpr std::size_t kMaxArticleBytes = 64u << 20;

/// Checks raw bytes (no NUL, valid UTF-8), then normalises: drops a UTF-8
/// BOM, turns CRLF and CR into LF, blanks other control characters and
/// non-characters (blank_controls), applies NFC. Throws InputError naming
/// `origin`, the line and the byte.
std::string clean_text(std::string_view raw, const std::string& origin, std::uint64_t first_line = 1,
                       std::uint64_t byte_base = 0);

/// Builds a Document from a plain-text article.
Document read_text_article(std::string_view raw, const std::string& path);

/// Receives what the readers find: each article, and each input that had to
/// be skipped (the reader then goes on with the rest).
struct ReadHandler {
  std::function<void(Document&&)> on_document;
  std::function<void(const InputError&)> on_error;
  /// Something read but not all of it (a date that cannot be read, a file
  /// in a folder that is not an article file); may be empty.
  std::function<void(const InputError&)> on_warning;
};

/// How long reading a FIFO or pipe waits for its first byte before it is
/// reported (a FIFO nobody writes to would block forever).
inline constexpr std::chrono::milliseconds kWriterWait{10000};

/// Maximum nesting of a JSON line irgraph reads (articles and records need 4).
inline constexpr std::size_t kMaxJsonDepth = 64;

/// Checks a text field (title, text, sentence) from untrusted input: valid
/// UTF-8 and no NUL. Throws Error naming the field ("\"title\": NUL character at byte 3").
void check_text(std::string_view value, std::string_view field);

/// Checks a one-line identifier field (id, url, date, key) from untrusted
/// input: check_text's rules, and no control character. Throws Error naming
/// the field ("\"id\": control character U+001B at byte 3").
void check_field(std::string_view value, std::string_view field);

/// A document id from a file path: the path made lexically normal
/// ("./a//b.txt" -> "a/b.txt"), bytes that are not UTF-8 and control
/// characters written as %XX, so the id is valid UTF-8 whatever the file system holds.
std::string path_id(const std::string& path);

/// Is a stored document's id the place it was read from (`origin`: a
/// plain-text file's path, or "path:line" of a JSON line without an id)
/// rather than an id the input gave? For stores written before public ids.
bool id_is_local(const std::string& id, const std::string& origin);

/// Is this a name irgraph reads as articles in a folder (.txt, .text, .jsonl,
/// .ndjson, in any case)?
bool is_article_file(const std::string& name);

/// Reads every input: a file (.jsonl/.ndjson as JSON Lines, .txt as one
/// plain-text article, any other name as JSON Lines when it opens with '{'), a folder (recursively, in sorted order; hidden
/// entries skipped) or "-" (standard input, JSON Lines when its first byte is
/// '{', else one article). Errors go to the handler; reading goes on.
void read_inputs(const std::vector<std::string>& inputs, const ReadHandler& handler, std::istream* stdin_stream = nullptr);

/// Reads JSON Lines from a stream; one error per bad line.
void read_json_lines(std::istream& in, const std::string& path, const ReadHandler& handler);

}  // namespace irgraph::extract
