#include "store/session.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace irgraph::store {

Session::Session(const std::string& db_path) : store_(db_path) { reload(); }

void Session::reload() {
  graph_ = store_.load();
  curation_ = graph::Curation(store_.curation_rules());
  resolver_ = std::make_unique<graph::Resolver>(graph_, &curation_);
  generation_ = store_.generation();
  stale_ = false;
}

void Session::rebuild_from_records() {
  graph_ = graph::KnowledgeGraph();
  resolver_ = std::make_unique<graph::Resolver>(graph_, &curation_);
  store_.for_each_records([&](const graph::DocumentMeta& meta, extract::DocumentRecords&& r) {
    resolver_->add(r);
    graph_.set_document(meta);
  });
}

Session::Added Session::add(const extract::Document& doc, const extract::DocumentRecords& records) {
  return add(std::vector<Pending>{{doc, records}}).front();
}

std::vector<Session::Added> Session::add(const std::vector<Pending>& batch) {
  std::vector<Added> result;
  if (batch.empty()) return result;
  WriteTransaction tx(store_);
  if (stale_ || store_.generation() != generation_) reload();  // another process wrote since
  stale_ = true;  // until the commit: a failure leaves memory ahead of the store
  // Older versions this batch replaces go first, and the graph is rebuilt once
  // for all of them: the result is the same as replacing one at a time (each
  // replacing document comes last in ingest order either way), at the cost of
  // one rebuild per batch instead of one per replaced document.
  std::vector<bool> replacing(batch.size(), false);
  std::vector<std::string> hashes;  // each document's content hash, computed once
  for (const auto& p : batch) hashes.push_back(p.document.content_hash());
  bool rewrite = false;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const auto& doc = batch[i].document;
    if (store_.has_document(doc.id, hashes[i]) || !store_.is_stored(doc.id) || conflicts(doc)) continue;
    store_.delete_document(doc.id);  // its older version (or a copy it was)
    replacing[i] = rewrite = true;
  }
  if (rewrite) rebuild_from_records();
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const auto& [doc, records] = batch[i];
    if (store_.has_document(doc.id, hashes[i])) {  // stored as it is (as a document or a copy)
      result.push_back(Added::Duplicate);
      continue;
    }
    if (conflicts(doc)) {
      result.push_back(Added::Conflict);
      continue;
    }
    const auto same = store_.content_owner(hashes[i]);
    if (store_.is_stored(doc.id)) {  // the same id earlier in this batch: replaced as it comes
      store_.delete_document(doc.id);
      rebuild_from_records();
      replacing[i] = rewrite = true;
    }
    if (same) {
      // another document has this content: kept as its copy, outside the
      // graph, to take its place if it is forgotten or replaced
      store_.put_copy(doc, *same, records);
      result.push_back(Added::Copy);
      continue;
    }
    resolver_->add(records);
    graph_.set_document(meta_of(doc));
    store_.put_document(doc, records);
    result.push_back(replacing[i] ? Added::Replaced : Added::New);
  }
  const bool changed = rewrite || std::any_of(result.begin(), result.end(), [](Added a) { return a == Added::New || a == Added::Replaced; });
  if (rewrite) store_.rewrite_graph(graph_);
  else if (changed) store_.write_changes(graph_);
  if (changed) store_.bump_generation();
  tx.commit();
  generation_ = store_.generation();
  stale_ = false;
  return result;
}

bool Session::conflicts(const extract::Document& doc) const {
  if (replace_across_sources_ || doc.source.empty()) return false;
  const auto stored = store_.source_of(doc.id);
  return stored && !stored->empty() && *stored != doc.source;  // "": stored before sources were kept
}

void BatchWriter::add(extract::Document doc, extract::DocumentRecords records) {
  if (pending_.empty()) first_ = std::chrono::steady_clock::now();
  bytes_ += doc.text.size();
  pending_.push_back({std::move(doc), std::move(records)});
  if (pending_.size() >= limits_.max_documents || bytes_ >= limits_.max_bytes ||
      std::chrono::steady_clock::now() - first_ >= limits_.max_wait)
    flush();
}

void BatchWriter::flush() {
  if (pending_.empty()) return;
  std::vector<Session::Pending> batch;
  batch.swap(pending_);
  bytes_ = 0;
  const auto outcomes = session_.add(batch);
  for (std::size_t i = 0; i < outcomes.size(); ++i)
    if (outcomes[i] == Session::Added::Conflict && on_conflict_) on_conflict_(batch[i].document);
  for (Session::Added a : outcomes) {
    counts_.added += a == Session::Added::New || a == Session::Added::Replaced;
    counts_.replaced += a == Session::Added::Replaced;
    counts_.duplicates += a == Session::Added::Duplicate;
    counts_.copies += a == Session::Added::Copy;
    counts_.conflicts += a == Session::Added::Conflict;
  }
}


template <class F>
auto Session::rebuilding(F&& change) {
  WriteTransaction tx(store_);
  stale_ = true;
  curation_ = graph::Curation(store_.curation_rules());  // as stored now, under the lock
  auto [result, changed] = change();
  if (changed) {
    curation_ = graph::Curation(store_.curation_rules());
    rebuild_from_records();
    store_.rewrite_graph(graph_);
    store_.bump_generation();
  }
  tx.commit();
  generation_ = store_.generation();
  stale_ = false;
  return result;
}

std::vector<std::string> Session::forget(const std::vector<std::string>& ids) {
  return rebuilding([&] {
    std::vector<std::string> unknown;
    for (const auto& id : ids)
      if (!store_.delete_document(id)) unknown.push_back(id);
    const bool removed = unknown.size() < ids.size();
    return std::pair{std::move(unknown), removed};
  });
}

graph::CurationRule Session::curate(graph::CurationRule rule) {
  graph::validate(rule);
  return rebuilding([&] {
    for (const auto& r : curation_.rules())
      if (r.same_decision(rule)) return std::pair{r, false};
    store_.put_rule(rule);
    return std::pair{rule, true};
  });
}

bool Session::undo(std::int64_t rule_id) {
  return rebuilding([&] {
    const bool removed = store_.delete_rule(rule_id);
    return std::pair{removed, removed};
  });
}

std::size_t Session::import_rules(const std::vector<graph::CurationRule>& rules) {
  for (const auto& r : rules) graph::validate(r);
  return rebuilding([&] {
    std::size_t added = 0;
    std::vector<graph::CurationRule> known = curation_.rules();
    for (auto r : rules) {
      if (std::any_of(known.begin(), known.end(), [&](const graph::CurationRule& k) { return k.same_decision(r); })) continue;
      r.id = 0;
      store_.put_rule(r);
      known.push_back(r);
      ++added;
    }
    return std::pair{added, added > 0};
  });
}

}  // namespace irgraph::store
