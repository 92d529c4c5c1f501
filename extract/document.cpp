#include "extract/document.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ext/stdio_filebuf.h>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <xxhash.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "extract/dates.hpp"
#include "extract/text.hpp"

namespace fs = std::filesystem;

namespace irgraph::extract {

std::string Document::content_hash() const {
  XXH3_state_t* st = XXH3_createState();
  XXH3_128bits_reset(st);
  XXH3_128bits_update(st, title.data(), title.size());
  XXH3_128bits_update(st, "\n\x1f\n", 3);
  XXH3_128bits_update(st, text.data(), text.size());
  XXH128_hash_t h = XXH3_128bits_digest(st);
  XXH3_freeState(st);
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

namespace {

std::uint64_t line_of(std::string_view raw, std::size_t byte, std::uint64_t first_line) {
  return first_line + static_cast<std::uint64_t>(std::count(raw.begin(), raw.begin() + static_cast<long>(byte), '\n'));
}

}  // namespace

namespace {
/// A byte-order mark of UTF-16, or ASCII text with every other byte NUL.
bool looks_utf16(std::string_view raw) {
  if (raw.size() >= 2 && ((raw[0] == '\xFF' && raw[1] == '\xFE') || (raw[0] == '\xFE' && raw[1] == '\xFF'))) return true;
  const std::size_t n = std::min<std::size_t>(raw.size() & ~std::size_t{1}, 64);
  if (n < 4) return false;
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    even += raw[i] == '\0';
    odd += raw[i + 1] == '\0';
  }
  return (even == n / 2) != (odd == n / 2);
}
}  // namespace

std::string clean_text(std::string_view raw, const std::string& origin, std::uint64_t first_line, std::uint64_t byte_base) {
  if (looks_utf16(raw))
    throw InputError(origin, first_line, byte_base, "UTF-16 text: convert to UTF-8 (iconv -f UTF-16 -t UTF-8)");
  if (auto nul = raw.find('\0'); nul != std::string_view::npos)
    throw InputError(origin, line_of(raw, nul, first_line), byte_base + nul, "NUL byte: not a text file");
  if (auto bad = find_invalid_utf8(raw))
    throw InputError(origin, line_of(raw, *bad, first_line), byte_base + *bad, "invalid UTF-8");
  if (raw.size() >= 3 && raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
  std::string lf;
  lf.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\r') {
      lf += '\n';
      if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
    } else {
      lf += raw[i];
    }
  }
  blank_controls(lf);
  return nfc(lf);
}

void check_text(std::string_view value, std::string_view field) {
  const std::string name = "\"" + std::string(field) + "\"";
  if (auto nul = value.find('\0'); nul != std::string_view::npos)
    throw Error(name + ": NUL character at byte " + std::to_string(nul));
  if (auto bad = find_invalid_utf8(value))
    throw Error(name + ": not valid UTF-8 at byte " + std::to_string(*bad) + " (a lone surrogate escape?)");
}

void check_field(std::string_view value, std::string_view field) {
  check_text(value, field);
  const std::string name = "\"" + std::string(field) + "\"";
  if (auto c = find_control(value, false)) {
    char code[16];
    std::size_t i = *c;
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(next_code_point(value, i)));
    throw Error(name + ": control character " + code + " at byte " + std::to_string(*c));
  }
}

std::string path_id(const std::string& path) {
  std::string p = fs::path(path).lexically_normal().string();
  if (p.size() > 1 && p.back() == '/') p.pop_back();
  std::string out;
  std::size_t i = 0;
  while (i < p.size()) {
    const std::string_view rest = std::string_view(p).substr(i);
    const auto c = static_cast<unsigned char>(p[i]);
    std::size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    const std::string_view cp = rest.substr(0, std::min(len, rest.size()));
    if (c < 0x80 ? (c < 0x20 || c == 0x7F) : (find_invalid_utf8(cp) || find_control(cp, false))) {
      char esc[4];
      std::snprintf(esc, sizeof esc, "%%%02X", c);
      out += esc;
      ++i;
    } else {
      out += cp;
      i += cp.size();
    }
  }
  return out;
}

bool id_is_local(const std::string& id, const std::string& origin) {
  if (id == origin || id == path_id(origin)) return true;
  const auto colon = origin.rfind(':');  // "path:line"
  return colon != std::string::npos && id == path_id(origin.substr(0, colon)) + origin.substr(colon);
}

Document read_text_article(std::string_view raw, const std::string& path) {
  Document d;
  d.origin = path;
  d.id = path_id(path);
  d.id_from_path = true;
  d.text = clean_text(raw, path);
  std::size_t pos = 0;
  while (pos < d.text.size()) {
    std::size_t nl = d.text.find('\n', pos);
    std::string_view line(d.text.data() + pos, (nl == std::string::npos ? d.text.size() : nl) - pos);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    // a Markdown heading's marks are no part of the headline ("# Title")
    std::size_t marks = 0;
    while (marks < line.size() && line[marks] == '#') ++marks;
    if (marks > 0 && marks < line.size() && line[marks] == ' ') line.remove_prefix(marks + 1);
    if (!line.empty()) { d.title = std::string(line.substr(0, 500)); break; }
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  if (d.text.find_first_not_of(" \t\n") == std::string::npos)
    throw InputError(path, 0, 0, "empty article");
  if (auto date = find_document_date(d.text)) d.date = date->iso();
  return d;
}

namespace {

std::string json_string(const rapidjson::Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || it->value.IsNull()) return {};
  if (it->value.IsString()) return std::string(it->value.GetString(), it->value.GetStringLength());
  if (it->value.IsInt64()) return std::to_string(it->value.GetInt64());
  if (it->value.IsUint64()) return std::to_string(it->value.GetUint64());
  throw Error(std::string("field \"") + key + "\" is not a string");
}

/// JSON text from untrusted input, parsed: raw bytes checked first (NUL,
/// UTF-8, nesting) so a byte offset is exact. Throws InputError.
rapidjson::Document parse_checked(std::string_view json, const std::string& path, std::uint64_t lineno,
                                  std::uint64_t byte_base) {
  if (auto nul = json.find('\0'); nul != std::string_view::npos)
    throw InputError(path, lineno, byte_base + nul, "NUL byte in JSON");
  if (auto bad = find_invalid_utf8(json)) throw InputError(path, lineno, byte_base + *bad, "invalid UTF-8");
  if (auto deep = find_deep_json(json, kMaxJsonDepth))
    throw InputError(path, lineno, byte_base + *deep, "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  rapidjson::Document j;
  j.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
  if (j.HasParseError())
    throw InputError(path, lineno, byte_base + j.GetErrorOffset(),
                     std::string("bad JSON: ") + rapidjson::GetParseError_En(j.GetParseError()));
  return j;
}

/// An article from a parsed JSON object (a JSON line, a .json file or one item of its array).
Document article_from_json(const rapidjson::Value& j, const std::string& path, std::uint64_t lineno, std::uint64_t byte_base,
                           const ReadHandler& h) {
  if (!j.IsObject()) throw InputError(path, lineno, byte_base, "JSON line is not an object");
  Document d;
  d.origin = path + ":" + std::to_string(lineno);
  try {
    d.id = json_string(j, "id");
    check_field(d.id, "id");
    d.url = json_string(j, "url");
    check_field(d.url, "url");
    d.title = json_string(j, "title");
    check_text(d.title, "title");
    std::string date = json_string(j, "date");
    std::string text = json_string(j, "text");
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw Error("no \"text\"");
    check_text(text, "text");
    d.text = clean_text(text, path, lineno, byte_base);
    d.title = clean_text(d.title, path, lineno, byte_base);
    if (!date.empty()) {
      auto parsed = parse_date(date);
      if (parsed) d.date = parsed->iso();
      else if (h.on_warning) {
        std::string shown = date.substr(0, 40);
        blank_controls(shown);
        h.on_warning(InputError(path, lineno, byte_base, "\"date\" is not a date: " + shown + " (article kept without a date)"));
      }
    } else if (auto found = find_document_date(d.text)) {
      d.date = found->iso();
    }
  } catch (const InputError&) {
    throw;
  } catch (const Error& e) {
    throw InputError(path, lineno, byte_base, e.what());
  }
  d.id_from_input = !d.id.empty() || !d.url.empty();
  if (d.id.empty()) d.id = d.url.empty() ? path_id(path) + ":" + std::to_string(lineno) : d.url;
  return d;
}

Document parse_json_line(const std::string& line, const std::string& path, std::uint64_t lineno, std::uint64_t byte_base,
                         const ReadHandler& h) {
  return article_from_json(parse_checked(line, path, lineno, byte_base), path, lineno, byte_base, h);
}

std::string lower_extension(const fs::path& p) {
  auto ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

bool is_json_lines(const fs::path& p) {
  auto ext = lower_extension(p);
  return ext == ".jsonl" || ext == ".ndjson";
}

bool is_plain_text(const fs::path& p) {
  auto ext = lower_extension(p);
  return ext == ".txt" || ext == ".text" || ext == ".md" || ext == ".markdown";
}

/// The names read as articles, for messages (is_plain_text, is_json_lines, is_json_document).
constexpr const char* kArticleExtensions = ".txt, .text, .md, .jsonl, .ndjson, .json";

/// A .json file: one article object, an array of them, or JSON Lines under that name.
bool is_json_document(const fs::path& p) { return lower_extension(p) == ".json"; }

/// Largest .json file read whole (an array of articles).
constexpr std::size_t kMaxJsonDocumentBytes = 4 * kMaxArticleBytes;

/// The whole stream, or nothing (reported) when it holds more than `cap`
/// bytes (`what` names it: "article") or cannot be read.
std::optional<std::string> read_whole(std::istream& in, std::size_t cap, const std::string& what, const std::string& path,
                                      const ReadHandler& h) {
  std::string raw;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    raw.append(buf, static_cast<std::size_t>(in.gcount()));
    if (raw.size() > cap) {
      h.on_error(InputError(path, 0, cap, what + " larger than " + std::to_string(cap >> 20) + " MiB"));
      return std::nullopt;
    }
  }
  if (in.bad()) {
    h.on_error(InputError(path, 0, raw.size(), "read error"));
    return std::nullopt;
  }
  return raw;
}

/// Does a JSON value hold an article (an object with "text", or an array with one)?
bool holds_article(const rapidjson::Value& v) {
  if (v.IsObject()) return v.HasMember("text");
  if (v.IsArray())
    for (const auto& e : v.GetArray())
      if (e.IsObject() && e.HasMember("text")) return true;
  return false;
}

/// Reads a .json file's articles. In a folder (`in_folder`), a file that
/// parses but holds no article (no "text": annotations, settings beside the
/// articles) is not read and false is returned, for the folder's warning.
bool read_json_document(std::istream& in, const std::string& path, const ReadHandler& h, bool in_folder) {
  auto whole = read_whole(in, kMaxJsonDocumentBytes, "JSON file", path, h);
  if (!whole) return true;
  const std::string& raw = *whole;
  const auto first = raw.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first == std::string::npos) {
    h.on_error(InputError(path, 0, 0, "empty JSON file"));
    return true;
  }
  const std::string_view json = std::string_view(raw).substr(first);
  rapidjson::Document j;
  try {
    j = parse_checked(json, path, 0, first);
  } catch (const InputError& e) {
    if (raw[first] == '[') {
      h.on_error(e);
      return true;
    }
    // several objects: JSON Lines under a .json name
    std::istringstream lines(raw);
    read_json_lines(lines, path, h);
    return true;
  }
  if (in_folder && !holds_article(j)) return false;
  auto read = [&](const rapidjson::Value& v, const std::string& where, std::uint64_t item, std::uint64_t byte) {
    try {
      h.on_document(article_from_json(v, where, item, byte, h));
    } catch (const InputError& e) {
      h.on_error(e);
    }
  };
  if (j.IsArray()) {
    // an array of articles, numbered as items
    std::uint64_t item = 0;
    for (const auto& v : j.GetArray()) read(v, path + " item", ++item, 0);
  } else {
    read(j, path, 1, first);  // one object, laid out as you like
  }
  return true;
}

void read_text_stream(std::istream& in, const std::string& path, const ReadHandler& h) {
  auto whole = read_whole(in, kMaxArticleBytes, "article", path, h);
  if (!whole) return;
  const std::string& raw = *whole;
  try {
    h.on_document(read_text_article(raw, path));
  } catch (const InputError& e) {
    h.on_error(e);
  }
}

/// `h`, with every document it receives marked as read from `source`.
ReadHandler with_source(const ReadHandler& h, std::string source) {
  ReadHandler marked = h;
  marked.on_document = [on_document = h.on_document, source = std::move(source)](Document&& d) {
    d.source = source;
    on_document(std::move(d));
  };
  return marked;
}

/// A stream whose format shows only in its first bytes (standard input, a
/// pipe, a FIFO): JSON Lines when the first byte that is not white space is
/// '{', else one plain-text article. Nothing is read twice.
void read_unseekable(std::istream& in, const std::string& shown, const ReadHandler& given) {
  // a stream has no lasting name: an article without an id of its own is
  // named by its content ("<stdin>#1f3a..."), so two inputs on standard
  // input never share an id (the second would replace the first)
  ReadHandler h = given;
  h.on_document = [on_document = given.on_document, stream = path_id(shown)](Document&& d) {
    if (!d.id_from_input) {
      d.id = stream + "#" + d.content_hash().substr(0, 16);
      d.id_from_path = false;
    }
    on_document(std::move(d));
  };
  int first = in.peek();
  while (first == ' ' || first == '\n' || first == '\r' || first == '\t') {
    in.get();
    first = in.peek();
  }
  if (first == '{') read_json_lines(in, shown, h);
  else read_text_stream(in, shown, h);
}

/// A FIFO, a pipe (process substitution) or a character device: waits at
/// most kWriterWait for a writer to send something, then reads it as it comes.
void read_special(const fs::path& p, const std::string& shown, const ReadHandler& h) {
  const int fd = ::open(p.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    h.on_error(InputError(shown, 0, 0, std::string("cannot open: ") + std::strerror(errno)));
    return;
  }
  pollfd pfd{fd, POLLIN, 0};
  int ready = 0;
  do ready = ::poll(&pfd, 1, static_cast<int>(kWriterWait.count()));
  while (ready < 0 && errno == EINTR);
  if (ready <= 0) {
    ::close(fd);
    h.on_error(InputError(shown, 0, 0, "nothing written to it within " + std::to_string(kWriterWait.count() / 1000) +
                                          " s (a FIFO without a writer?)"));
    return;
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);  // a writer is there: read at its pace
  __gnu_cxx::stdio_filebuf<char> buf(fd, std::ios::in | std::ios::binary);  // closes fd
  std::istream in(&buf);
  read_unseekable(in, shown, h);
}

/// Reads one file's articles; false for a .json file in a folder that holds
/// no article (see read_json_document), which is left to the folder's warning.
bool read_file(const fs::path& p, const std::string& shown, const ReadHandler& given, bool in_folder = false) {
  std::error_code ec;
  // every document read from it carries the file's canonical path
  std::string source;
  if (auto canonical = fs::weakly_canonical(fs::absolute(p, ec), ec); !ec) source = path_id(canonical.string());
  const ReadHandler h = with_source(given, source);
  if (auto st = fs::status(p, ec); !ec && !fs::is_regular_file(st)) {
    read_special(p, shown, h);
    return true;
  }
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    h.on_error(InputError(shown, 0, 0, "cannot open file"));
    return true;
  }
  if (is_json_document(p)) return read_json_document(in, shown, h, in_folder);
  // .jsonl/.ndjson, or another name (not .txt) whose content opens with '{'
  bool jsonl = is_json_lines(p);
  if (!jsonl && !is_plain_text(p)) {
    int c = in.peek();
    while (c == ' ' || c == '\n' || c == '\r' || c == '\t') { in.get(); c = in.peek(); }
    jsonl = c == '{';
    in.clear();
    in.seekg(0);
  }
  if (jsonl) read_json_lines(in, shown, h);
  else read_text_stream(in, shown, h);
  return true;
}

/// Article files under `dir` (hidden entries skipped); a folder that cannot
/// be read is reported and the others are still searched. A folder reached a
/// second time (a symlink loop, or two links to one folder) is reported and
/// not read again: `seen` holds the (device, inode) of every folder read.
void collect_files(const fs::path& dir, std::vector<fs::path>& files, std::vector<fs::path>& ignored,
                   const ReadHandler& h, std::set<std::pair<dev_t, ino_t>>& seen) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) == 0 && !seen.insert({st.st_dev, st.st_ino}).second) {
    h.on_error(InputError(dir.string(), 0, 0, "folder already read (a symlink loop or a second link to it)"));
    return;
  }
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  if (ec) {
    h.on_error(InputError(dir.string(), 0, 0, "cannot read folder: " + ec.message()));
    return;
  }
  std::vector<fs::path> subdirs;
  for (; it != end; it.increment(ec)) {
    if (ec) {
      h.on_error(InputError(dir.string(), 0, 0, "cannot read folder: " + ec.message()));
      break;
    }
    const auto name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') continue;
    std::error_code e2;
    if (it->is_directory(e2)) {
      subdirs.push_back(it->path());
    } else if (it->is_regular_file(e2)) {
      if (is_article_file(name)) files.push_back(it->path());
      else ignored.push_back(it->path());
    }
  }
  std::sort(subdirs.begin(), subdirs.end());
  for (const auto& d : subdirs) collect_files(d, files, ignored, h, seen);
}

}  // namespace

bool is_article_file(const std::string& name) {
  return is_plain_text(name) || is_json_lines(name) || is_json_document(name);
}

void read_json_lines(std::istream& in, const std::string& path, const ReadHandler& h) {
  std::string line;
  std::uint64_t lineno = 0, byte = 0;
  // getline with a cap: a line past kMaxArticleBytes is reported and skipped
  // without holding more than the cap in memory.
  while (true) {
    line.clear();
    bool too_long = false, got = false;
    std::streambuf* sb = in.rdbuf();
    std::uint64_t line_bytes = 0;
    for (;;) {
      int c = sb->sbumpc();
      if (c == std::char_traits<char>::eof()) break;
      got = true;
      ++line_bytes;
      if (c == '\n') break;
      if (line.size() < kMaxArticleBytes) line += static_cast<char>(c);
      else too_long = true;
    }
    if (!got) break;
    ++lineno;
    const std::uint64_t start = byte;
    byte += line_bytes;
    if (too_long) {
      h.on_error(InputError(path, lineno, start + kMaxArticleBytes, "JSON line longer than " + std::to_string(kMaxArticleBytes >> 20) + " MiB"));
      continue;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.size() >= 3 && lineno == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    try {
      h.on_document(parse_json_line(line, path, lineno, start, h));
    } catch (const InputError& e) {
      h.on_error(e);
    }
  }
}

void read_inputs(const std::vector<std::string>& inputs, const ReadHandler& h, std::istream* stdin_stream) {
  for (const auto& input : inputs) {
    if (input == "-") {
      read_unseekable(stdin_stream ? *stdin_stream : std::cin, "<stdin>", with_source(h, "-"));
      continue;
    }
    std::error_code ec;
    fs::path p(input);
    auto status = fs::status(p, ec);
    if (ec || !fs::exists(status)) {
      h.on_error(InputError(input, 0, 0, "no such file or folder"));
      continue;
    }
    if (fs::is_directory(status)) {
      std::vector<fs::path> files;
      std::vector<fs::path> ignored;
      std::set<std::pair<dev_t, ino_t>> seen;
      collect_files(p, files, ignored, h, seen);
      // one line per folder given, not one per file: "3 files ignored, <why>: a, b, c"
      auto warn = [&](std::vector<fs::path>& paths, const std::string& why) {
        if (paths.empty() || !h.on_warning) return;
        std::sort(paths.begin(), paths.end());
        std::string list;
        for (std::size_t i = 0; i < std::min<std::size_t>(paths.size(), 3); ++i)
          list += (i ? ", " : "") + paths[i].lexically_relative(p).string();
        if (paths.size() > 3) list += ", ...";
        h.on_warning(InputError(input, 0, 0,
                                std::to_string(paths.size()) + " file" + (paths.size() == 1 ? "" : "s") + " ignored, " +
                                    why + ": " + list));
      };
      warn(ignored, std::string("not article files (") + kArticleExtensions + ")");
      std::sort(files.begin(), files.end());
      std::vector<fs::path> no_articles;
      for (const auto& f : files)
        if (!read_file(f, f.string(), h, true)) no_articles.push_back(f);
      warn(no_articles, "JSON without articles (no \"text\")");
      if (files.size() == no_articles.size())
        h.on_error(InputError(input, 0, 0, std::string("no article files (") + kArticleExtensions + ") in this folder"));
      continue;
    }
    read_file(p, input, h);
  }
}

}  // namespace irgraph::extract
