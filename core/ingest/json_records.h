// Turns simdjson On-Demand objects into Records (shared by the JSON and NDJSON readers).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/format_reader.h"
#include "ingest/record.h"
#include "simdjson.h"

namespace basketlift {

/// Converts one top-level JSON object at a time. An order object with an `items` array gives
/// one record per item, carrying the order's own fields.
class JsonRecordBuilder {
 public:
  /// Records go to `sink`.
  explicit JsonRecordBuilder(RecordSink& sink) : sink_(sink) {}

  /// Converts the object of one row (an NDJSON line). On a JSON error nothing is emitted and
  /// the error is returned (the caller reports it); a value that is not an object is reported.
  simdjson::error_code convert(simdjson::ondemand::document_reference doc, std::uint64_t row);
  /// Same for a document parsed alone (an element of a JSON array).
  simdjson::error_code convert(simdjson::ondemand::document& doc, std::uint64_t row);

  /// True once the columns were decided (after the first object).
  bool columns_decided() const { return decided_; }
  /// The status of deciding the columns (fails when the first object names no table).
  const Status& columns_status() const { return columns_status_; }

 private:
  template <typename Document>
  simdjson::error_code convert_document(Document& doc, std::uint64_t row);
  simdjson::error_code convert_object(simdjson::ondemand::object object, std::uint64_t row);
  simdjson::error_code decide_columns(simdjson::ondemand::object object);
  // The field of the key at `position` of an object: objects usually list their keys in the
  // same order, so the previous object's key at that position answers without a lookup. Keys
  // are compared as written in the file (escapes and all): unescaped only when new.
  struct KeySlot {
    std::string key;  // as written, without its quotes
    std::optional<Field> field;
  };
  simdjson::error_code field_at(std::vector<KeySlot>& keys, std::size_t position,
                                simdjson::ondemand::field& field, std::optional<Field>& target);
  simdjson::error_code read_fields(simdjson::ondemand::object object, Record& record,
                                   bool top_level);
  simdjson::error_code read_items(simdjson::ondemand::array items);
  static simdjson::error_code read_scalar(simdjson::ondemand::value value, RawValue& out);
  void emit(std::uint64_t row);

  RecordSink& sink_;
  std::vector<KeySlot> top_keys_, item_keys_;
  static constexpr std::size_t kSeenKeys = 64;  // distinct keys remembered beyond their position
  std::vector<KeySlot> seen_keys_;              // keys seen so far, at any level and position
  bool decided_ = false;
  Status columns_status_;
  Record top_;                 // the object's own fields
  std::vector<Record> items_;  // one per element of `items`
  std::size_t item_count_ = 0;
  bool has_items_ = false;
  std::size_t non_object_items_ = 0;  // elements of items that are not objects
};

}  // namespace basketlift
