#include "ingest/json_array_reader.h"

#include "ingest/record_limit.h"
#include "util/byte_scan.h"

#include <cstring>

namespace basketlift {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

}  // namespace

Status JsonArrayReader::feed(std::string_view chunk) {
  buffer_.append(chunk.data(), chunk.size());
  Status status = scan();
  compact();
  return status;
}

Status JsonArrayReader::finish() {
  Status status = scan();
  if (status.ok() && phase_ == Phase::in_value && !oversized_) {
    sink_.on_unreadable_row(index_ + 1, RejectReason::invalid_json,
                            "the file ends inside this record", {});
  }
  buffer_.clear();
  return status;
}

Status JsonArrayReader::scan() {
  const char* data = buffer_.data();
  const std::size_t size = buffer_.size();
  std::size_t pos = pos_;
  while (pos < size && status_.ok()) {
    if (phase_ == Phase::in_value && !oversized_ && pos - element_start_ > kMaxRecordBytes) {
      // Too long to keep: reject it now, scan on to its end without holding its bytes.
      sink_.on_unreadable_row(index_ + 1, RejectReason::record_too_long, kRecordTooLongDetail,
                              std::string_view(data + element_start_, 120));
      oversized_ = true;
    }
    const char c = data[pos];
    switch (phase_) {
      case Phase::before_array:
        if (is_space(c)) {
          ++pos;
        } else if (c == '[') {
          phase_ = Phase::expect_value;
          ++pos;
        } else {
          status_ = Status::error(ErrorCode::unreadable_file,
                                  "a JSON file must hold an array of objects ([{...}, ...])");
        }
        break;
      case Phase::expect_value:
        if (is_space(c)) {
          ++pos;
        } else if (c == ']') {
          phase_ = Phase::done;
          ++pos;
        } else {
          phase_ = Phase::in_value;
          element_start_ = pos;
          depth_ = 0;
        }
        break;
      case Phase::in_value:
        if (in_string_) {
          // Skip to the next quote or backslash, 16 bytes at a time (the buffer is padded).
          if (!escaped_) pos = find_either(data, pos, size, '"', '\\');
          if (pos == size) break;
          if (escaped_) {
            escaped_ = false;
          } else if (data[pos] == '\\') {
            escaped_ = true;
          } else {
            in_string_ = false;
          }
          ++pos;
        } else if (c == '"') {
          in_string_ = true;
          ++pos;
        } else if (c == '{' || c == '[') {
          ++depth_;
          ++pos;
        } else if (c == '}' && depth_ == 0) {  // a stray '}': part of a broken element
          ++pos;
        } else if (c == '}' || c == ']') {
          if (depth_ == 0) {  // the array's own ']' right after a scalar element
            parse_element(element_start_, pos);
            phase_ = Phase::after_value;
          } else if (--depth_ == 0) {
            parse_element(element_start_, ++pos);
            phase_ = Phase::after_value;
          } else {
            ++pos;
          }
        } else if (c == ',' && depth_ == 0) {
          parse_element(element_start_, pos);
          phase_ = Phase::after_value;
        } else {
          // On to the next byte that opens or closes a value or string or separates two,
          // over white space, colons, numbers and literals 16 bytes at a time.
          pos = find_stop(data, pos + 1, size, json_element_marks16);
        }
        break;
      case Phase::after_value:
        if (is_space(c)) {
          ++pos;
        } else if (c == ',') {
          phase_ = Phase::expect_value;
          ++pos;
        } else if (c == ']') {
          phase_ = Phase::done;
          ++pos;
        } else {  // a missing comma: report it and read on from this value
          sink_.on_unreadable_row(index_ + 1, RejectReason::invalid_json,
                                  "missing ',' between records", {});
          phase_ = Phase::expect_value;
        }
        break;
      case Phase::done:
        if (!is_space(c)) {
          if (!trailing_seen_) {
            sink_.on_unreadable_row(index_ + 1, RejectReason::invalid_json,
                                    "text after the end of the array",
                                    std::string_view(data + pos, size - pos));
            trailing_seen_ = true;
          }
          pos = size;
        } else {
          ++pos;
        }
        break;
    }
  }
  pos_ = pos;
  return status_;
}

void JsonArrayReader::parse_element(std::size_t begin, std::size_t end) {
  ++index_;
  if (oversized_) {  // rejected when it passed the limit
    oversized_ = false;
    return;
  }
  while (end > begin && is_space(buffer_.data()[end - 1]))
    --end;
  const char* data = buffer_.data() + begin;
  const std::size_t length = end - begin;
  // The rest of the buffer and its padding follow the element, as simdjson requires.
  const std::size_t capacity = buffer_.size() - begin + PaddedBuffer::kPadding;
  simdjson::ondemand::document doc;
  auto error = parser_.iterate(data, length, capacity).get(doc);
  if (!error) error = builder_.convert(doc, index_);
  if (!error && !builder_.columns_status().ok()) status_ = builder_.columns_status();
  if (error) {
    const RejectReason reason =
        error == simdjson::UTF8_ERROR ? RejectReason::invalid_utf8 : RejectReason::invalid_json;
    sink_.on_unreadable_row(index_, reason, simdjson::error_message(error),
                            std::string_view(data, length));
  }
}

void JsonArrayReader::compact() {
  const std::size_t keep_from = phase_ == Phase::in_value && !oversized_ ? element_start_ : pos_;
  if (keep_from == 0) return;
  buffer_.erase_front(keep_from);
  pos_ -= keep_from;
  element_start_ -=
      phase_ == Phase::in_value ? std::min(keep_from, element_start_) : element_start_;
}

}  // namespace basketlift
