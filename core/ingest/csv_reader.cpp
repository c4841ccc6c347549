#include "ingest/csv_reader.h"

#include "ingest/record_limit.h"
#include "simdjson.h"
#include "util/byte_scan.h"

#include <algorithm>
#include <cstring>

namespace basketlift {

Status CsvReader::feed(std::string_view chunk) {
  while (!chunk.empty() && status_.ok()) {
    if (buffer_.size() == 0 && header_done_ && chunk.size() > 2 * PaddedBuffer::kPadding) {
      // Nothing carried over: the chunk is scanned where it lies, not copied, but for its last
      // bytes (the scan reads up to 15 bytes ahead), which are carried over with the record
      // they end in and scanned in the buffer at once.
      scan(chunk.data(), chunk.size() - PaddedBuffer::kPadding, false);
      if (!status_.ok()) break;
      carry(chunk);
      return scan_buffer(false);
    }
    // The header, or a record carried over, is read in the buffer a line at a time, so that
    // the scan goes to the chunk itself at the next record.
    const std::size_t take = through_first_line_end(chunk);
    buffer_.append(chunk.data(), take);
    chunk.remove_prefix(take);
    scan_buffer(false);
  }
  return status_;
}

Status CsvReader::finish() {
  Status status = scan_buffer(true);
  buffer_.clear();
  scratch_ = std::string();
  return status;
}

bool CsvReader::detect_delimiter(bool at_end) {
  const char* data = buffer_.data();
  const std::size_t size = buffer_.size();
  // The header is the first line; count candidate delimiters outside quotes.
  std::size_t counts[3] = {0, 0, 0};  // ',', ';', '\t'
  bool in_quotes = false;
  std::size_t end = 0;
  for (; end < size; ++end) {
    const char c = data[end];
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    if (c == '\n') break;
    counts[0] += c == ',';
    counts[1] += c == ';';
    counts[2] += c == '\t';
  }
  if (end == size && !at_end) return false;  // the header line is not complete yet
  std::string_view first_line(data, end);
  if (!first_line.empty() && first_line.back() == '\r') first_line.remove_suffix(1);
  if (first_line.size() == 5 && first_line.substr(0, 4) == "sep=") {
    // Excel's "sep=;" hint line names the delimiter and is not the header.
    delimiter_ = first_line[4];
    pos_ = record_start_ = std::min(end + 1, size);
    line_ = record_line_ = 2;
  } else {
    const std::size_t best = std::max({counts[0], counts[1], counts[2]});
    delimiter_ = best == 0 || counts[0] == best ? ',' : counts[1] == best ? ';' : '\t';
  }
  sink_.on_csv_dialect(delimiter_, delimiter_ == ';');
  return true;
}

Status CsvReader::scan_buffer(bool at_end) {
  if (!status_.ok()) return status_;
  if (delimiter_ == 0 && !detect_delimiter(at_end)) return status_;
  scan(buffer_.data(), buffer_.size(), at_end);
  if (!at_end) shift(record_start_, false);
  return status_;
}

void CsvReader::carry(std::string_view chunk) {
  const std::size_t from = record_start_;
  buffer_.reset();
  buffer_.append(chunk.data() + from, chunk.size() - from);
  shift(from, true);
}

void CsvReader::scan(const char* data, std::size_t size, bool at_end) {
  data_ = data;
  const char delimiter = delimiter_;
  std::size_t pos = pos_;
  bool need_more = false;
  while (pos < size && !need_more && status_.ok()) {
    if (state_ == State::field_start && pos == record_start_ && header_done_) {
      // Most records hold no quote: read them whole without the state machine.
      const std::size_t end = fast_record(pos, size);
      if (end != 0) {
        pos = pos_ = record_start_ = end;
        continue;
      }
    }
    if (state_ != State::skipping && pos - record_start_ > kMaxRecordBytes) {
      skip_long_record(data, pos);
      continue;
    }
    switch (state_) {
      case State::skipping: {
        const void* newline = std::memchr(data + pos, '\n', size - pos);
        if (newline == nullptr) {
          pos = record_start_ = size;  // dropped by compact()
          break;
        }
        pos = static_cast<std::size_t>(static_cast<const char*>(newline) - data) + 1;
        ++line_;
        pos_ = record_start_ = pos;
        record_line_ = line_;
        state_ = State::field_start;
        break;
      }
      case State::field_start:
        field_unescape_ = false;
        if (data[pos] == '"') {
          state_ = State::quoted;
          field_begin_ = ++pos;
          break;
        }
        state_ = State::unquoted;
        field_begin_ = pos;
        [[fallthrough]];
      case State::unquoted: {
        pos = find_either(data, pos, size, delimiter, '\n');
        if (pos == size) break;
        if (data[pos] == delimiter) {
          end_field(pos);
          state_ = State::field_start;
          ++pos;
        } else {
          end_field(pos > field_begin_ && data[pos - 1] == '\r' ? pos - 1 : pos);
          ++line_;
          pos_ = ++pos;
          end_record();
        }
        break;
      }
      case State::quoted: {
        const void* quote = std::memchr(data + pos, '"', size - pos);
        const std::size_t stop = quote ? static_cast<const char*>(quote) - data : size;
        line_ += static_cast<std::uint64_t>(std::count(data + pos, data + stop, '\n'));
        pos = stop;
        if (quote) {
          state_ = State::after_quote;
          ++pos;
        }
        break;
      }
      case State::after_quote: {
        const char c = data[pos];
        if (c == '"') {  // a doubled quote inside a quoted field
          field_unescape_ = true;
          state_ = State::quoted;
          ++pos;
        } else if (c == delimiter) {
          end_field(pos - 1);
          state_ = State::field_start;
          ++pos;
        } else if (c == '\n' || (c == '\r' && pos + 1 < size && data[pos + 1] == '\n')) {
          end_field(pos - 1);
          ++line_;
          pos += c == '\r' ? 2 : 1;
          pos_ = pos;
          end_record();
        } else if (c == '\r' && pos + 1 == size && !at_end) {
          need_more = true;  // is it CRLF? the next chunk tells
        } else {
          // Text after the closing quote: keep the whole field as written, quotes included.
          state_ = State::unquoted;
          field_begin_ -= 1;
          field_unescape_ = false;
        }
        break;
      }
    }
  }
  pos_ = pos;
  if (!status_.ok()) return;
  if (at_end) {
    if (state_ != State::skipping && size - record_start_ > kMaxRecordBytes)
      skip_long_record(data, size);
    switch (state_) {
      case State::skipping:
        break;  // already rejected
      case State::quoted:
        sink_.on_unreadable_row(record_line_, RejectReason::unterminated_quote,
                                "a quoted field is still open at the end of the file",
                                std::string_view(data + record_start_, size - record_start_));
        break;
      case State::after_quote:
        end_field(size - 1);
        break;
      case State::unquoted:
        end_field(size > field_begin_ && data[size - 1] == '\r' ? size - 1 : size);
        break;
      case State::field_start:
        if (!spans_.empty()) end_field(size);  // the line ended with a delimiter
        break;
    }
    if (state_ != State::quoted && !spans_.empty()) end_record();
  }
}

std::size_t CsvReader::fast_record(std::size_t start, std::size_t size) {
  constexpr std::size_t kFastLimit = 1 << 16;  // longer records take the general path
  const char* data = data_;
  const std::size_t limit = std::min(size, start + kFastLimit);
  const std::size_t columns = columns_.size();
  record_.clear();
  std::size_t field = 0, field_begin = start;
  bool ascii = true;
  for (std::size_t pos = start; pos < limit; pos += 16) {
    const char* block = data + pos;
    const std::uint32_t valid = pos + 16 <= size ? 0xFFFFu : (1u << (size - pos)) - 1;
    const std::uint32_t newlines = match16(block, '\n', '\n') & valid;
    // The record's bytes in this block: up to and including its first line end.
    const std::uint32_t mine = newlines != 0 ? newlines ^ (newlines - 1) : valid;
    if ((match16(block, '"', '"') & mine) != 0) return 0;  // quoted fields: general path
    ascii = ascii && (high_bits16(block) & mine) == 0;
    std::uint32_t ends = (match16(block, delimiter_, delimiter_) | newlines) & mine;
    for (; ends != 0; ends &= ends - 1) {
      const std::size_t at = pos + static_cast<std::size_t>(std::countr_zero(ends));
      if (data[at] != '\n') {
        if (field < columns && columns_[field]) {
          record_.set(*columns_[field],
                      RawValue{std::string_view(data + field_begin, at - field_begin)});
        }
        ++field;
        field_begin = at + 1;
        continue;
      }
      // The line end closes the last field, without a CR before the LF.
      std::size_t field_end = at;
      if (field_end > field_begin && data[field_end - 1] == '\r') --field_end;
      const bool blank = field == 0 && field_end == field_begin;
      if (!blank) {
        if (field + 1 != columns) return 0;  // the general path reports the mismatch
        if (columns_[field]) {
          record_.set(*columns_[field],
                      RawValue{std::string_view(data + field_begin, field_end - field_begin)});
        }
        record_.row = record_line_;
        record_.non_utf8 = !ascii && !simdjson::validate_utf8(data + start, at + 1 - start);
        sink_.on_record(record_);
      }
      ++line_;
      record_line_ = line_;
      return at + 1;
    }
  }
  return 0;  // no line end in reach: the general path waits for more bytes or the end
}

void CsvReader::skip_long_record(const char* data, std::size_t pos) {
  const std::size_t shown = std::min<std::size_t>(pos - record_start_, 120);
  sink_.on_unreadable_row(record_line_, RejectReason::record_too_long, kRecordTooLongDetail,
                          std::string_view(data + record_start_, shown));
  spans_.clear();
  // Inside quotes the line count went on; a runaway quote ends at the next line break.
  state_ = State::skipping;
  record_start_ = pos;
}

void CsvReader::end_field(std::size_t end) {
  const bool quoted = state_ == State::after_quote || state_ == State::quoted;
  spans_.push_back({static_cast<std::uint32_t>(field_begin_), static_cast<std::uint32_t>(end),
                    field_unescape_, quoted});
}

void CsvReader::end_record() {
  const bool blank = spans_.size() == 1 && !spans_[0].quoted && spans_[0].begin == spans_[0].end;
  if (!blank) {
    // Room for every unescaped field before the first is written, so the views into scratch_
    // stay valid: unescaping only shrinks a field. Sized from the spans themselves, not from
    // the record's start, which a runaway quote's recovery moves past spans kept before it.
    std::size_t unescaped = 0;
    for (const Span& span : spans_)
      unescaped += span.unescape ? span.end - span.begin : 0;
    scratch_.clear();
    scratch_.reserve(unescaped);
    if (header_done_) {
      emit_row();
    } else {
      emit_header();
      head_lines_ = line_ - 1;
    }
  }
  spans_.clear();
  record_start_ = pos_;
  record_line_ = line_;
  state_ = State::field_start;
}

std::string_view CsvReader::field_text(const Span& span) {
  const char* data = data_;
  if (!span.unescape) return {data + span.begin, span.end - span.begin};
  const std::size_t start = scratch_.size();
  for (std::uint32_t i = span.begin; i < span.end; ++i) {
    scratch_ += data[i];
    if (data[i] == '"') ++i;  // "" stands for one quote
  }
  return std::string_view(scratch_).substr(start);
}

void CsvReader::emit_header() {
  std::vector<std::string_view> names;
  names.reserve(spans_.size());
  for (const Span& span : spans_)
    names.push_back(field_text(span));
  status_ = sink_.on_columns(names);
  if (!status_.ok()) return;
  std::uint64_t claimed = 0;
  columns_.clear();
  for (std::string_view name : names) {
    std::optional<Field> field = sink_.field_for(name);
    // A field named by two columns is fed by the first.
    if (field && *field != Field::ignored && (claimed & field_bit(*field)) != 0) field.reset();
    if (field && *field == Field::ignored) field.reset();
    if (field) claimed |= field_bit(*field);
    columns_.push_back(field);
  }
  header_done_ = true;
}

void CsvReader::emit_row() {
  if (spans_.size() != columns_.size()) {
    const std::string detail = "expected " + std::to_string(columns_.size()) + " fields, found " +
                               std::to_string(spans_.size());
    std::string_view text(data_ + record_start_, pos_ - record_start_);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
      text.remove_suffix(1);
    sink_.on_unreadable_row(record_line_, RejectReason::field_count_mismatch, detail, text);
    return;
  }
  record_.clear();
  record_.row = record_line_;
  // JSON readers reject invalid UTF-8 (JSON must be UTF-8); a CSV row keeps its text, noted.
  record_.non_utf8 = !simdjson::validate_utf8(data_ + record_start_, pos_ - record_start_);
  for (std::size_t i = 0; i < spans_.size(); ++i) {
    if (columns_[i]) record_.set(*columns_[i], RawValue{field_text(spans_[i])});
  }
  sink_.on_record(record_);
}

void CsvReader::shift(std::size_t drop, bool moved) {
  if (drop == 0) return;
  if (!moved) buffer_.erase_front(drop);
  pos_ -= drop;
  field_begin_ -= drop;
  record_start_ = 0;
  for (Span& span : spans_) {
    span.begin -= static_cast<std::uint32_t>(drop);
    span.end -= static_cast<std::uint32_t>(drop);
  }
}

}  // namespace basketlift
