#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "extract/document.hpp"
#include "extract/paced_reader.hpp"
#include "extract/text.hpp"

using namespace irgraph;
using namespace irgraph::extract;
namespace fs = std::filesystem;

namespace {
struct Collected {
  std::vector<Document> docs;
  std::vector<std::string> errors;
  ReadHandler handler() {
    return {[this](Document&& d) { docs.push_back(std::move(d)); },
            [this](const InputError& e) { errors.push_back(e.what()); }};
  }
};

fs::path temp_dir(const std::string& name) {
  fs::path p = fs::path(IRGRAPH_TEST_TMP) / name;
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

void write(const fs::path& p, const std::string& bytes) {
  std::ofstream f(p, std::ios::binary);
  f << bytes;
}
}  // namespace

TEST_CASE("a plain-text article: headline, date line, normalised text") {
  auto d = read_text_article("\xEF\xBB\xBFMinisters meet in Ankara\r\n\r\nPublished 02.03.2021 10:00\r\n\r\nBody text.", "a.txt");
  CHECK(d.title == "Ministers meet in Ankara");
  CHECK(d.date == "2021-03-02");
  CHECK(d.text.find('\r') == std::string::npos);
  CHECK(d.text.rfind("Ministers", 0) == 0);  // BOM dropped
  CHECK(d.id == "a.txt");
}

TEST_CASE("bad bytes name the file, line and byte") {
  try {
    clean_text(std::string("line one\nline \xFF two", 18), "bad.txt");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.file() == "bad.txt");
    CHECK(e.line() == 2);
    CHECK(e.byte() == 14);
    CHECK(std::string(e.what()).find("invalid UTF-8") != std::string::npos);
  }
  CHECK_THROWS_AS(clean_text(std::string("a\0b", 3), "nul.txt"), InputError);
  CHECK_THROWS_AS(read_text_article("  \n\n ", "empty.txt"), InputError);
}

TEST_CASE("JSON Lines: good lines read, bad lines reported with their line number") {
  std::istringstream in(
      "{\"id\": \"a1\", \"title\": \"T\", \"date\": \"2020-05-01\", \"url\": \"https://x.test/a\", \"text\": \"Hello.\"}\n"
      "{\"id\": \"a2\", \"text\": \n"
      "\n"
      "{\"id\": 7, \"text\": \"Seven.\", \"date\": \"May 2, 2020\"}\n"
      "[1, 2]\n"
      "{\"id\": \"a3\", \"text\": \"\"}\n");
  Collected c;
  read_json_lines(in, "feed.jsonl", c.handler());
  REQUIRE(c.docs.size() == 2);
  CHECK(c.docs[0].id == "a1");
  CHECK(c.docs[0].date == "2020-05-01");
  CHECK(c.docs[0].url == "https://x.test/a");
  CHECK(c.docs[1].id == "7");
  CHECK(c.docs[1].date == "2020-05-02");
  REQUIRE(c.errors.size() == 3);
  CHECK(c.errors[0].find("feed.jsonl:2") != std::string::npos);
  CHECK(c.errors[0].find("bad JSON") != std::string::npos);
  CHECK(c.errors[1].find("feed.jsonl:5") != std::string::npos);
  CHECK(c.errors[2].find("feed.jsonl:6") != std::string::npos);
}

TEST_CASE("folders are read recursively in order; a bad file does not stop the rest") {
  auto dir = temp_dir("inputs");
  fs::create_directories(dir / "sub");
  write(dir / "b.txt", "Second\n\nText b.");
  write(dir / "sub" / "a.txt", "First\n\nText a.");
  write(dir / "bad.txt", std::string("Bad\n\n\xC3(", 7));
  write(dir / "notes.csv", "ignored");
  Collected c;
  read_inputs({dir.string(), (dir / "missing.txt").string()}, c.handler());
  REQUIRE(c.docs.size() == 2);
  CHECK(c.docs[0].title == "Second");
  CHECK(c.docs[1].title == "First");
  REQUIRE(c.errors.size() == 2);
  CHECK(c.errors[0].find("bad.txt:3: byte 5: invalid UTF-8") != std::string::npos);
  CHECK(c.errors[1].find("no such file") != std::string::npos);
}

TEST_CASE("paced reading delivers what read_inputs finds, in its order, on the caller's thread") {
  auto dir = temp_dir("paced");
  for (int i = 0; i < 150; ++i) write(dir / ("a" + std::to_string(1000 + i) + ".txt"), "Title " + std::to_string(i) + "\n\nText.");
  write(dir / "bad.txt", std::string("Bad\n\n\xC3(", 7));
  const std::vector<std::string> inputs = {dir.string(), (dir / "missing.txt").string()};
  Collected direct, paced;
  read_inputs(inputs, direct.handler());
  const auto caller = std::this_thread::get_id();
  bool other_thread = false;
  ReadHandler h = paced.handler();
  h.on_document = [&](Document&& d) {
    other_thread |= std::this_thread::get_id() != caller;
    paced.docs.push_back(std::move(d));
  };
  read_inputs_paced(inputs, h, [] {}, std::chrono::milliseconds(200), 4);  // a small queue: the reader waits
  CHECK_FALSE(other_thread);
  REQUIRE(paced.docs.size() == direct.docs.size());
  for (std::size_t i = 0; i < direct.docs.size(); ++i) CHECK(paced.docs[i].id == direct.docs[i].id);
  CHECK(paced.errors == direct.errors);

  // an exception from the handler stops the reader and comes out
  ReadHandler failing = h;
  failing.on_document = [](Document&&) { throw Error("store full"); };
  CHECK_THROWS_WITH_AS(read_inputs_paced(inputs, failing, [] {}), "store full", Error);
}

TEST_CASE("content hash depends on title and text only") {
  Document a, b;
  a.id = "x";
  b.id = "y";
  a.text = b.text = "Same text.";
  CHECK(a.content_hash() == b.content_hash());
  CHECK(a.content_hash().size() == 32);
  b.text += " More.";
  CHECK(a.content_hash() != b.content_hash());
}

TEST_CASE("a file named without .jsonl that holds JSON Lines is read as JSON Lines") {
  auto dir = temp_dir("sniff");
  write(dir / "shard-00", "{\"id\": \"x1\", \"text\": \"One.\"}\n{\"id\": \"x2\", \"text\": \"Two.\"}\n");
  write(dir / "notes.txt", "{not json, a text article}\n\nBody.");
  Collected c;
  read_inputs({(dir / "shard-00").string(), (dir / "notes.txt").string()}, c.handler());
  REQUIRE(c.docs.size() == 3);
  CHECK(c.docs[0].id == "x1");
  CHECK(c.docs[1].id == "x2");
  CHECK(c.docs[2].title == "{not json, a text article}");
}

TEST_CASE("a JSON line nested 150,000 levels deep is rejected with its line number, without a crash") {
  std::string deep = "{\"id\": \"deep\", \"text\": \"Deep.\", \"extra\": " + std::string(150000, '[') + std::string(150000, ']') + "}";
  std::istringstream in("{\"id\": \"a\", \"text\": \"Before.\"}\n" + deep + "\n{\"id\": \"b\", \"text\": \"After.\"}\n");
  Collected c;
  read_json_lines(in, "deep.jsonl", c.handler());
  REQUIRE(c.docs.size() == 2);
  REQUIRE(c.errors.size() == 1);
  CHECK(c.errors[0].find("deep.jsonl:2") != std::string::npos);
  CHECK(c.errors[0].find("nested deeper than") != std::string::npos);
}

TEST_CASE("escapes that decode to NUL, lone surrogates or control characters are refused in ids and titles") {
  std::istringstream in(
      "{\"id\": \"a\\u0000b\", \"text\": \"Nul.\"}\n"
      "{\"id\": \"\\udc00\", \"text\": \"Surrogate.\"}\n"
      "{\"id\": \"esc\\u001b[31m\", \"text\": \"Terminal escape.\"}\n"
      "{\"id\": \"ok\", \"title\": \"T\\u0000\", \"text\": \"Title.\"}\n"
      "{\"id\": \"fine\", \"title\": \"A \\u00e9 title\", \"text\": \"Fine.\"}\n");
  Collected c;
  read_json_lines(in, "esc.jsonl", c.handler());
  REQUIRE(c.docs.size() == 1);
  CHECK(c.docs[0].title == "A \xC3\xA9 title");
  REQUIRE(c.errors.size() == 4);
  CHECK(c.errors[0].find("esc.jsonl:1") != std::string::npos);
  CHECK(c.errors[0].find("\"id\"") != std::string::npos);
  CHECK(c.errors[2].find("control character") != std::string::npos);
  CHECK(c.errors[3].find("\"title\"") != std::string::npos);
}

TEST_CASE("a date that cannot be read drops the date with a warning, not the article") {
  std::istringstream in("{\"id\": \"d\", \"date\": \"2022/13/45\", \"text\": \"Hello.\"}\n");
  Collected c;
  std::vector<std::string> warnings;
  auto h = c.handler();
  h.on_warning = [&](const InputError& e) { warnings.push_back(e.what()); };
  read_json_lines(in, "dates.jsonl", h);
  REQUIRE(c.docs.size() == 1);
  CHECK(c.docs[0].date.empty());
  CHECK(c.errors.empty());
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("dates.jsonl:1") != std::string::npos);
  CHECK(warnings[0].find("2022/13/45") != std::string::npos);
}

TEST_CASE("a file name that is not UTF-8 gives a valid UTF-8 id") {
  auto dir = temp_dir("latin1");
  write(dir / "caf\xE9.txt", "Headline\n\nFrench President Emmanuel Macron visited Algeria.\n");
  Collected c;
  read_inputs({dir.string()}, c.handler());
  REQUIRE(c.docs.size() == 1);
  CHECK_FALSE(find_invalid_utf8(c.docs[0].id).has_value());
  CHECK(c.docs[0].id.find("caf%E9.txt") != std::string::npos);
}

TEST_CASE("folders read Markdown and .json articles: one object, an array of them, or JSON Lines") {
  auto dir = temp_dir("json-md");
  write(dir / "a.md", "# Talks in Algiers\n\nFrench President Emmanuel Macron visited Algeria.\n");
  write(dir / "b.json", "{\n  \"id\": \"k1\",\n  \"title\": \"Ruto\",\n  \"text\": \"Kenyan President William Ruto visited Ethiopia.\"\n}\n");
  write(dir / "c.json", "[{\"id\": \"c1\", \"text\": \"One.\"}, 5, {\"id\": \"c2\", \"text\": \"Two.\"}]");
  write(dir / "d.json", "{\"id\": \"d1\", \"text\": \"Three.\"}\n{\"id\": \"d2\", \"text\": \"Four.\"}\n");
  write(dir / "e.json", "[{\"id\": \"e1\", \"text\": \"Five.\"");  // cut short
  Collected c;
  read_inputs({dir.string()}, c.handler());
  std::vector<std::string> ids;
  for (const auto& d : c.docs) ids.push_back(d.id);
  CHECK(ids == std::vector<std::string>{(dir / "a.md").string(), "k1", "c1", "c2", "d1", "d2"});
  CHECK(c.docs[0].title == "Talks in Algiers");  // the heading's marks are no part of it
  CHECK(c.docs[1].text == "Kenyan President William Ruto visited Ethiopia.");
  REQUIRE(c.errors.size() == 2);
  CHECK(c.errors[0].find("c.json item:2") != std::string::npos);
  CHECK(c.errors[1].find("e.json") != std::string::npos);
  CHECK(c.errors[1].find("bad JSON") != std::string::npos);
}

TEST_CASE("in a folder, a .json file without articles (annotations beside them) is a warning, not an error") {
  // the evaluation layout: articles and their gold annotations side by side
  auto dir = temp_dir("json-beside");
  write(dir / "001.txt", "Headline\n\nFrench President Emmanuel Macron visited Algeria.\n");
  write(dir / "001.gold.json", "{\"entities\": [], \"relations\": []}");
  write(dir / "002.gold.json", "[{\"id\": \"x\"}]");
  Collected c;
  std::vector<std::string> warnings;
  ReadHandler h = c.handler();
  h.on_warning = [&](const InputError& e) { warnings.push_back(e.what()); };
  read_inputs({dir.string()}, h);
  CHECK(c.docs.size() == 1);
  CHECK(c.errors.empty());
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("2 files ignored, JSON without articles (no \"text\"): 001.gold.json, 002.gold.json") !=
        std::string::npos);
  // named on its own, it is an input that holds no article: an error
  Collected named;
  read_inputs({(dir / "001.gold.json").string()}, named.handler());
  CHECK(named.docs.empty());
  CHECK(named.errors.size() == 1);
  // a folder of nothing but such files has no article file
  auto only = temp_dir("json-only");
  write(only / "a.gold.json", "{\"entities\": []}");
  Collected none;
  read_inputs({only.string()}, none.handler());
  REQUIRE(none.errors.size() == 1);
  CHECK(none.errors[0].find("no article files") != std::string::npos);
}

TEST_CASE("a document's public id is the input's id or URL, else its content: never the path it was read from") {
  auto dir = temp_dir("public-ids");
  fs::create_directories(dir / "x");
  fs::create_directories(dir / "y" / "z");
  const std::string text = "Talks in Ankara\n\nGreek Foreign Minister Nikos Dendias met his Turkish counterpart.\n";
  write(dir / "x" / "a.txt", text);
  write(dir / "y" / "z" / "copy.txt", text);
  write(dir / "feed.jsonl",
        "{\"id\": \"afp-17\", \"url\": \"https://example.org/17\", \"text\": \"Body one.\"}\n"
        "{\"url\": \"https://example.org/18\", \"text\": \"Body two.\"}\n"
        "{\"text\": \"Body three.\"}\n");
  Collected c;
  read_inputs({(dir / "x" / "a.txt").string(), (dir / "y" / "z" / "copy.txt").string(), (dir / "feed.jsonl").string()},
              c.handler());
  REQUIRE(c.docs.size() == 5);
  // two paths, one article: one public id, made of its content
  CHECK(c.docs[0].id != c.docs[1].id);
  CHECK(c.docs[0].public_id() == c.docs[1].public_id());
  CHECK(c.docs[0].public_id() == "content:" + c.docs[0].content_hash());
  CHECK(c.docs[0].public_id().find("a.txt") == std::string::npos);
  CHECK(c.docs[2].public_id() == "afp-17");
  CHECK(c.docs[3].public_id() == "https://example.org/18");
  CHECK(c.docs[4].public_id() == "content:" + c.docs[4].content_hash());  // a line without id: not "feed.jsonl:3"
  // what stores written before public ids held is told apart the same way
  CHECK(id_is_local(c.docs[0].id, c.docs[0].origin));
  CHECK(id_is_local(c.docs[4].id, c.docs[4].origin));
  CHECK_FALSE(id_is_local(c.docs[2].id, c.docs[2].origin));
  CHECK_FALSE(id_is_local(c.docs[3].id, c.docs[3].origin));
}

TEST_CASE("two inputs on standard input never share an id; the same text read twice does") {
  auto read_stdin = [](const std::string& bytes) {
    std::istringstream in(bytes);
    Collected c;
    read_inputs({"-"}, c.handler(), &in);
    REQUIRE(c.docs.size() == 1);
    return c.docs.front();
  };
  const Document a = read_stdin("Talks in Ankara\n\nDendias met Cavusoglu.\n");
  const Document b = read_stdin("Talks in Athens\n\nMitsotakis met Erdogan.\n");
  CHECK(a.id != b.id);
  CHECK(a.id.rfind("<stdin>#", 0) == 0);
  CHECK_FALSE(a.id_from_path);  // no file: nothing to keep the id of across spellings
  CHECK(read_stdin("Talks in Ankara\n\nDendias met Cavusoglu.\n").id == a.id);
  // JSON lines without an id on standard input: one id each, not "<stdin>:1" twice
  CHECK(read_stdin("{\"text\": \"Body one.\"}\n").id != read_stdin("{\"text\": \"Body two.\"}\n").id);
  CHECK(read_stdin("{\"id\": \"x-1\", \"text\": \"Body one.\"}\n").id == "x-1");
}
