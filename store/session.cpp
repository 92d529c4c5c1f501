#include "store/session.hpp"

#include "core/error.hpp"

namespace irgraph::store {

Session::Session(const std::string& db_path) : store_(db_path) { reload(); }

void Session::reload() {
  graph_ = store_.load();
  resolver_ = std::make_unique<graph::Resolver>(graph_);
  generation_ = store_.generation();
  stale_ = false;
}

void Session::rebuild_from_records() {
  graph_ = graph::KnowledgeGraph();
  resolver_ = std::make_unique<graph::Resolver>(graph_);
  store_.for_each_records([&](const graph::DocumentMeta& meta, extract::DocumentRecords&& r) {
    resolver_->add(r);
    graph_.set_document(meta);
  });
}

Session::Added Session::add(const extract::Document& doc, const extract::DocumentRecords& records) {
  WriteTransaction tx(store_);
  if (stale_ || store_.generation() != generation_) reload();  // another process wrote since
  if (store_.has_content(doc.content_hash())) return Added::Duplicate;
  stale_ = true;  // until the commit: a failure leaves memory ahead of the store
  const bool replace = store_.document(doc.id).has_value();
  if (replace) {
    store_.delete_document(doc.id);
    rebuild_from_records();
  }
  resolver_->add(records);
  graph_.set_document({doc.id, doc.title, doc.date, doc.url});
  store_.put_document(doc, records);
  if (replace) store_.rewrite_graph(graph_);
  else store_.write_changes(graph_);
  store_.bump_generation();
  tx.commit();
  generation_ = store_.generation();
  stale_ = false;
  return replace ? Added::Replaced : Added::New;
}

std::vector<std::string> Session::forget(const std::vector<std::string>& ids) {
  WriteTransaction tx(store_);
  stale_ = true;
  std::vector<std::string> unknown;
  for (const auto& id : ids)
    if (!store_.delete_document(id)) unknown.push_back(id);
  if (unknown.size() < ids.size()) {
    rebuild_from_records();
    store_.rewrite_graph(graph_);
    store_.bump_generation();
  }
  tx.commit();
  generation_ = store_.generation();
  stale_ = false;
  return unknown;
}

}  // namespace irgraph::store
