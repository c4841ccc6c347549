#include "util/json_tree.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "simdjson.h"

namespace basketlift {

namespace ondemand = simdjson::ondemand;

// Reads On-Demand values (a document's root or a value inside it) into JsonValue trees.
class JsonTreeBuilder {
 public:
  // Deeper documents are refused. On-Demand keeps a position per open level in an array of
  // the parser's max_depth (1,024) and does not check it outside debug builds: the limit here
  // stays well inside it (a settings file or a report nests a few levels).
  static constexpr int kMaxDepth = 256;

  // Reads `source` (an ondemand::document or ondemand::value) into `out`.
  template <typename Source>
  static bool read(Source& source, JsonValue& out, int depth) {
    if (depth > kMaxDepth) return false;
    ondemand::json_type type;
    if (source.type().get(type)) return false;
    switch (type) {
      case ondemand::json_type::object: {
        ondemand::object object;
        return !source.get_object().get(object) && read_members(object, out, depth, nullptr);
      }
      case ondemand::json_type::array: {
        ondemand::array array;
        if (source.get_array().get(array)) return false;
        out.kind_ = JsonValue::Kind::array;
        for (auto item_result : array) {
          ondemand::value item;
          if (std::move(item_result).get(item)) return false;
          out.items_.emplace_back();
          if (!read(item, out.items_.back(), depth + 1)) return false;
        }
        return true;
      }
      case ondemand::json_type::number: {
        ondemand::number number;
        if (source.get_number().get(number)) return false;
        switch (number.get_number_type()) {
          case ondemand::number_type::signed_integer:
            out.kind_ = JsonValue::Kind::integer;
            out.integer_ = number.get_int64();
            return true;
          case ondemand::number_type::unsigned_integer:
            out.kind_ = JsonValue::Kind::unsigned_integer;
            out.unsigned_ = number.get_uint64();
            return true;
          default:
            out.kind_ = JsonValue::Kind::floating;
            out.floating_ = number.get_double();
            return true;
        }
      }
      case ondemand::json_type::string: {
        std::string_view text;
        if (source.get_string().get(text)) return false;
        out.kind_ = JsonValue::Kind::string;
        out.text_ = std::string(text);
        return true;
      }
      case ondemand::json_type::boolean:
        out.kind_ = JsonValue::Kind::boolean;
        return !source.get_bool().get(out.boolean_);
      case ondemand::json_type::null: {
        bool null = false;
        out.kind_ = JsonValue::Kind::null;
        return !source.is_null().get(null) && null;
      }
    }
    return false;
  }

  // Reads an object at `depth` into `out`: its members, or only those named in `keys` when
  // given (the others are skipped unread).
  static bool read_members(ondemand::object& object, JsonValue& out, int depth,
                           const std::initializer_list<std::string_view>* keys) {
    out.kind_ = JsonValue::Kind::object;
    for (auto field_result : object) {
      ondemand::field field;
      std::string_view key;
      if (std::move(field_result).get(field) || field.unescaped_key(false).get(key)) return false;
      if (keys && std::find(keys->begin(), keys->end(), key) == keys->end()) continue;
      out.members_.emplace_back(std::string(key), JsonValue());
      if (!read(field.value(), out.members_.back().second, depth + 1)) return false;
    }
    return true;
  }

  // Reads the root of `json`, or only the named members when `keys` is given.
  static std::optional<JsonValue> parse(std::string_view json,
                                        const std::initializer_list<std::string_view>* keys) {
    const simdjson::padded_string padded(json);
    ondemand::parser parser;
    ondemand::document document;
    if (parser.iterate(padded).get(document)) return std::nullopt;
    JsonValue root;
    if (keys == nullptr) {
      if (!read(document, root, 0)) return std::nullopt;
    } else {
      ondemand::object object;
      if (document.get_object().get(object) || !read_members(object, root, 0, keys))
        return std::nullopt;
    }
    if (!document.at_end()) return std::nullopt;  // trailing content
    return root;
  }
};

std::optional<JsonValue> JsonValue::parse(std::string_view json) {
  return JsonTreeBuilder::parse(json, nullptr);
}

std::optional<JsonValue> JsonValue::parse_members(std::string_view json,
                                                  std::initializer_list<std::string_view> keys) {
  return JsonTreeBuilder::parse(json, &keys);
}

const JsonValue* JsonValue::find(std::string_view key) const {
  for (const auto& [name, value] : members_) {
    if (name == key) return &value;
  }
  return nullptr;
}

const JsonValue& JsonValue::member(std::string_view key) const {
  static const JsonValue absent;
  const JsonValue* value = find(key);
  return value ? *value : absent;
}

bool JsonValue::get_double(double& out) const {
  switch (kind_) {
    case Kind::integer:
      out = static_cast<double>(integer_);
      return true;
    case Kind::unsigned_integer:
      out = static_cast<double>(unsigned_);
      return true;
    case Kind::floating:
      out = floating_;
      return true;
    default:
      return false;
  }
}

bool JsonValue::get_int64(std::int64_t& out) const {
  if (kind_ == Kind::integer) {
    out = integer_;
    return true;
  }
  if (kind_ == Kind::unsigned_integer &&
      unsigned_ <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    out = static_cast<std::int64_t>(unsigned_);
    return true;
  }
  return false;
}

bool JsonValue::get_uint64(std::uint64_t& out) const {
  if (kind_ == Kind::unsigned_integer) {
    out = unsigned_;
    return true;
  }
  if (kind_ == Kind::integer && integer_ >= 0) {
    out = static_cast<std::uint64_t>(integer_);
    return true;
  }
  return false;
}

bool JsonValue::get_bool(bool& out) const {
  if (kind_ != Kind::boolean) return false;
  out = boolean_;
  return true;
}

bool JsonValue::get_string(std::string_view& out) const {
  if (kind_ != Kind::string) return false;
  out = text_;
  return true;
}

}  // namespace basketlift
