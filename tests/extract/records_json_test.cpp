// Records from files are untrusted input: merge reads what any program wrote.
#include <doctest/doctest.h>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/error.hpp"
#include "extract/pipeline.hpp"
#include "extract/records_json.hpp"

using namespace irgraph;
using namespace irgraph::extract;

namespace {

/// A genuine line of `irgraph extract` as a JSON DOM, to spoil one field at a time.
rapidjson::Document genuine() {
  ExtractedDocument x;
  x.document.id = "d1";
  x.document.title = "Talks";
  x.document.date = "2022-05-04";
  x.document.text = "Talks\n\nGerman Foreign Minister Annalena Baerbock met Polish Foreign Minister Zbigniew Rau in Warsaw on May 4.";
  Pipeline p;
  x.records = p.extract(x.document);
  REQUIRE(!x.records.relations.empty());
  rapidjson::Document d;
  const std::string line = to_json_line(x);
  d.Parse(line.data(), line.size());
  return d;
}

std::string line_of(const rapidjson::Document& d) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  d.Accept(w);
  return std::string(buf.GetString(), buf.GetSize());
}

/// from_json_line's error for the genuine line changed by `spoil`.
std::string error_after(const std::function<void(rapidjson::Document&)>& spoil) {
  auto d = genuine();
  spoil(d);
  try {
    from_json_line(line_of(d));
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a genuine extract line reads back") {
  auto d = genuine();
  auto x = from_json_line(line_of(d));
  CHECK(x.document.id == "d1");
  CHECK(!x.records.relations.empty());
}

TEST_CASE("merge records: every field of the wrong type is an error, never a crash") {
  CHECK(error_after([](auto& d) { d["records"]["nodes"][0]["aliases"].SetInt(5); }).find("\"aliases\"") != std::string::npos);
  CHECK(error_after([](auto& d) { d["records"]["nodes"][0]["aliases"].SetArray().PushBack(7, d.GetAllocator()); })
            .find("\"aliases\"") != std::string::npos);
  CHECK(error_after([](auto& d) { d["records"]["nodes"].SetObject(); }).find("\"nodes\"") != std::string::npos);
  CHECK(error_after([](auto& d) { d["records"]["relations"][0]["span"].SetArray(); }).find("\"span\"") != std::string::npos);
  CHECK(error_after([](auto& d) { d["records"]["relations"][0]["sentence"].SetString("x"); }).find("\"sentence\"") !=
        std::string::npos);
  CHECK(error_after([](auto& d) { d["records"].SetArray(); }) != "");
  CHECK(error_after([](auto& d) { d["id"].SetBool(true); }).find("\"id\"") != std::string::npos);
  CHECK(error_after([](auto& d) { d.SetArray(); }) != "");
}

TEST_CASE("merge records: crafted dates, keys, countries and spans are refused") {
  // a date that would inject triples into Turtle or shift CSV columns
  CHECK(error_after([](auto& d) {
          d["records"]["relations"][0]["date"].SetString("2020-01-01\"^^<x> . <a> <b> <c> .", d.GetAllocator());
        }).find("\"date\"") != std::string::npos);
  CHECK(error_after([](auto& d) { d["date"].SetString("2020-01-01,\"x\"", d.GetAllocator()); }).find("\"date\"") !=
        std::string::npos);
  CHECK(error_after([](auto& d) { d["date"].SetString("2020-02-30", d.GetAllocator()); }).find("\"date\"") != std::string::npos);
  CHECK(error_after([](auto& d) { d["records"]["nodes"][0]["country"].SetString("DE\"U", d.GetAllocator()); })
            .find("\"country\"") != std::string::npos);
  CHECK(error_after([](auto& d) { d["records"]["nodes"][0]["key"].SetString("a\nb", d.GetAllocator()); }).find("\"key\"") !=
        std::string::npos);
  CHECK(error_after([](auto& d) { d["records"]["nodes"][0]["name"].SetString("", d.GetAllocator()); }).find("\"name\"") !=
        std::string::npos);
  CHECK(error_after([](auto& d) { d["records"]["nodes"][0]["name"].SetString("A\x1b[31m", d.GetAllocator()); })
            .find("control character") != std::string::npos);
  CHECK(error_after([](auto& d) { d["records"]["relations"][0]["span"][1].SetUint(1000000); }).find("\"span\"") !=
        std::string::npos);
  CHECK(error_after([](auto& d) { d["records"]["relations"][0]["text"].SetString("Another sentence.", d.GetAllocator()); })
            .find("\"text\"") != std::string::npos);
  CHECK(error_after([](auto& d) { d["records"]["relations"][0]["source"].SetInt(-3); }).find("\"source\"") !=
        std::string::npos);
  CHECK(error_after([](auto& d) { d["records"]["doc"].SetString("other", d.GetAllocator()); }).find("id") != std::string::npos);
}

TEST_CASE("merge records: a line nested 150,000 levels deep is an error, never a crash") {
  std::string deep = "{\"id\": " + std::string(150000, '[') + std::string(150000, ']') + "}";
  CHECK_THROWS_WITH_AS(from_json_line(deep), doctest::Contains("nested deeper"), Error);
  CHECK_THROWS_AS(records_from_json(deep), Error);
}

TEST_CASE("merge records carry the public id: content-named documents stay so, a forged one is refused") {
  auto d = genuine();
  auto x = from_json_line(line_of(d));
  CHECK(x.document.public_id() == "content:" + x.document.content_hash());  // "d1" was given by no input
  d["public_id"].SetString("d1", d.GetAllocator());
  CHECK(from_json_line(line_of(d)).document.public_id() == "d1");
  CHECK(error_after([](auto& j) { j["public_id"].SetString("content:0123", j.GetAllocator()); }).find("\"public_id\"") !=
        std::string::npos);
  // extract output from before public ids: a path id is told by its origin
  auto old = genuine();
  old.RemoveMember("public_id");
  old["origin"].SetString("d1", old.GetAllocator());
  CHECK(from_json_line(line_of(old)).document.public_id() == "content:" + x.document.content_hash());
  old["origin"].SetString("feed.jsonl:7", old.GetAllocator());
  CHECK(from_json_line(line_of(old)).document.public_id() == "d1");
}
