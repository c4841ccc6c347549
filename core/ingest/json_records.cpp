#include "ingest/json_records.h"

#include <bit>

#include "util/byte_scan.h"
#include "util/hash.h"

namespace basketlift {

using simdjson::error_code;
using simdjson::SUCCESS;
namespace od = simdjson::ondemand;

namespace {

// Whether a key or string (in simdjson's padded input: up to 15 bytes past it are readable)
// holds an escape, 16 bytes at a time.
bool has_escape(std::string_view text) {
  return find_either(text.data(), 0, text.size(), '\\', '\\') != text.size();
}

}  // namespace

template <typename Document>
error_code JsonRecordBuilder::convert_document(Document& doc, std::uint64_t row) {
  od::json_type type;
  if (auto error = doc.type().get(type)) return error;
  if (type != od::json_type::object) {
    sink_.on_unreadable_row(row, RejectReason::not_an_object, "expected an object", {});
    return SUCCESS;
  }
  od::object object;
  if (auto error = doc.get_object().get(object)) return error;
  return convert_object(object, row);
}

error_code JsonRecordBuilder::convert(od::document_reference doc, std::uint64_t row) {
  return convert_document(doc, row);
}

error_code JsonRecordBuilder::convert(od::document& doc, std::uint64_t row) {
  return convert_document(doc, row);
}

error_code JsonRecordBuilder::decide_columns(od::object object) {
  // Keys of the first object and of its first item decide the table, as a CSV header does.
  std::vector<std::string> keys;
  for (auto field_result : object) {
    od::field field;
    if (auto error = std::move(field_result).get(field)) return error;
    std::string_view key;
    if (auto error = field.unescaped_key(false).get(key)) return error;
    keys.emplace_back(key);
    if (key != "items") continue;
    od::array items;
    if (field.value().get_array().get(items) != SUCCESS) continue;
    for (auto item_result : items) {
      od::object item;
      if (item_result.get_object().get(item) != SUCCESS) break;
      for (auto item_field : item) {
        std::string_view item_key;
        if (auto error = item_field.unescaped_key(false).get(item_key)) return error;
        keys.emplace_back(item_key);
      }
      break;
    }
  }
  std::vector<std::string_view> names(keys.begin(), keys.end());
  columns_status_ = sink_.on_columns(names);
  decided_ = true;
  bool rewound = false;
  return object.reset().get(rewound);
}

error_code JsonRecordBuilder::read_scalar(od::value value, RawValue& out) {
  od::json_type type;
  if (auto error = value.type().get(type)) return error;
  switch (type) {
    case od::json_type::string: {
      out.kind = RawKind::text;
      // Read in place when it has no escape (the input outlives the record); else unescaped
      // into the parser's buffer. The document's UTF-8 was validated as a whole.
      const std::string_view token = value.raw_json_token();
      const std::size_t end = token.rfind('"');
      if (end != std::string_view::npos && end > 0) {
        const std::string_view text = token.substr(1, end - 1);
        if (!has_escape(text)) {
          out.text = text;
          return SUCCESS;
        }
      }
      return value.get_string().get(out.text);
    }
    case od::json_type::number: {
      out.kind = RawKind::json_number;
      std::string_view token = value.raw_json_token();
      while (!token.empty() && (token.back() == ' ' || token.back() == '\n' ||
                                token.back() == '\r' || token.back() == '\t')) {
        token.remove_suffix(1);
      }
      out.text = token;
      return SUCCESS;
    }
    case od::json_type::boolean: {
      out.kind = RawKind::boolean;
      return value.get_bool().get(out.flag);
    }
    case od::json_type::null: {
      out.kind = RawKind::null;
      bool is_null = false;
      return value.is_null().get(is_null);
    }
    default: {
      out.kind = RawKind::nested;
      out.text = {};
      return SUCCESS;  // the unread object or array is skipped by the iterator
    }
  }
}

error_code JsonRecordBuilder::read_items(od::array items) {
  has_items_ = true;
  for (auto element : items) {
    od::object item;
    od::json_type type;
    if (auto error = element.type().get(type)) return error;
    if (type != od::json_type::object) {
      ++non_object_items_;
      continue;
    }
    if (auto error = element.get_object().get(item)) return error;
    if (item_count_ == items_.size()) items_.emplace_back();
    Record& record = items_[item_count_++];
    record.clear();
    if (auto error = read_fields(item, record, false)) return error;
  }
  return SUCCESS;
}

error_code JsonRecordBuilder::field_at(std::vector<KeySlot>& keys, std::size_t position,
                                       od::field& field, std::optional<Field>& target) {
  // The key at this position is nearly always the one the record before had there (compared
  // inline: memcmp is a byte loop in wasm).
  const std::string_view written = field.escaped_key();
  if (position < keys.size() && keys[position].key.size() == written.size() &&
      same_bytes(keys[position].key.data(), written.data(), written.size())) {
    target = keys[position].field;
    return SUCCESS;
  }
  if (position >= keys.size()) keys.resize(position + 1);
  // Else a key seen before at another position (objects that leave out an optional key shift
  // the keys after it), before the column mapper's lookup.
  for (const KeySlot& seen : seen_keys_) {
    if (seen.key.size() == written.size() &&
        same_bytes(seen.key.data(), written.data(), written.size())) {
      target = seen.field;
      keys[position] = seen;
      return SUCCESS;
    }
  }
  std::string_view key = written;
  if (has_escape(written)) {
    if (auto error = field.unescaped_key(false).get(key)) return error;
  }
  target = sink_.field_for(key);
  keys[position] = {std::string(written), target};
  if (seen_keys_.size() < kSeenKeys) seen_keys_.push_back(keys[position]);
  return SUCCESS;
}

error_code JsonRecordBuilder::read_fields(od::object object, Record& record, bool top_level) {
  std::vector<KeySlot>& keys = top_level ? top_keys_ : item_keys_;
  std::size_t position = 0;
  for (auto field_result : object) {
    od::field field;
    if (auto error = std::move(field_result).get(field)) return error;
    std::optional<Field> target;
    if (auto error = field_at(keys, position++, field, target)) return error;
    if (!target || *target == Field::ignored) continue;
    if (*target == Field::items && top_level) {
      od::json_type type;
      if (auto error = field.value().type().get(type)) return error;
      if (type == od::json_type::array) {
        od::array items;
        if (auto error = field.value().get_array().get(items)) return error;
        if (auto error = read_items(items)) return error;
        continue;
      }
    }
    RawValue raw;
    if (auto error = read_scalar(field.value(), raw)) return error;
    record.set(*target, raw);
  }
  return SUCCESS;
}

error_code JsonRecordBuilder::convert_object(od::object object, std::uint64_t row) {
  if (!decided_) {
    if (auto error = decide_columns(object)) return error;
  }
  if (!columns_status_.ok()) return SUCCESS;  // the file is unreadable; the caller stops
  top_.clear();
  item_count_ = 0;
  has_items_ = false;
  non_object_items_ = 0;
  if (auto error = read_fields(object, top_, true)) return error;
  emit(row);
  return SUCCESS;
}

void JsonRecordBuilder::emit(std::uint64_t row) {
  top_.row = row;
  if (!has_items_) {
    sink_.on_record(top_);
    return;
  }
  for (std::size_t i = 0; i < non_object_items_; ++i) {
    sink_.on_unreadable_row(row, RejectReason::not_an_object,
                            "an element of items is not an object", {});
  }
  if (item_count_ == 0 && non_object_items_ == 0) {
    sink_.on_unreadable_row(row, RejectReason::order_without_items, "items is empty", {});
  }
  for (std::size_t i = 0; i < item_count_; ++i) {
    Record& line = items_[i];
    line.row = row;
    // The order's own fields apply to each line unless the line gives its own.
    for (std::uint64_t bits = top_.present & ~line.present; bits != 0; bits &= bits - 1) {
      const int f = std::countr_zero(bits);
      line.set(static_cast<Field>(f), top_.values[f]);
    }
    sink_.on_record(line);
  }
}

}  // namespace basketlift
