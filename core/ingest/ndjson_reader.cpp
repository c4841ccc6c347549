#include "ingest/ndjson_reader.h"

#include "ingest/record_limit.h"
#include "util/byte_scan.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace basketlift {

namespace {

// Largest batch handed to iterate_many at once (a longer single line gets a batch of its own).
constexpr std::size_t kBatchBytes = 1 << 20;

// Line ends in [begin, end), counted 16 bytes at a time.
std::size_t count_newlines(const char* begin, const char* end) {
  return count_byte(begin, end, '\n');
}

// Offset just past the last '\n' within data[0, length), or 0 when there is none.
std::size_t end_of_last_line(const char* data, std::size_t length) {
  for (std::size_t i = length; i > 0; --i) {
    if (data[i - 1] == '\n') return i;
  }
  return 0;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool is_blank(std::string_view line) {
  return std::all_of(line.begin(), line.end(), is_space);
}

constexpr std::size_t kNotAlone = static_cast<std::size_t>(-1);

// Start of the line after a value ending at `value_end`, or kNotAlone when something other
// than spaces follows the value on its line.
std::size_t end_of_value_line(const char* data, std::size_t length, std::size_t value_end) {
  std::size_t i = std::min(value_end, length);
  while (i < length && data[i] != '\n') {
    if (!is_space(data[i])) return kNotAlone;
    ++i;
  }
  return i < length ? i + 1 : length;
}

}  // namespace

simdjson::error_code NdjsonReader::convert(simdjson::ondemand::document_reference doc,
                                           std::uint64_t line) {
  const bool decided = builder_.columns_decided();
  const simdjson::error_code error = builder_.convert(doc, line);
  if (!decided && builder_.columns_decided()) head_lines_ = line;
  return error;
}

Status NdjsonReader::stop_if_unreadable() const {
  if (builder_.columns_decided() && !builder_.columns_status().ok()) {
    return builder_.columns_status();
  }
  return Status::success();
}

Status NdjsonReader::feed(std::string_view chunk) {
  if (skipping_) {  // the rest of an over-long line: drop it up to its end
    const void* newline = std::memchr(chunk.data(), '\n', chunk.size());
    if (newline == nullptr) return Status::success();
    chunk.remove_prefix(static_cast<std::size_t>(static_cast<const char*>(newline) - chunk.data()) +
                        1);
    skipping_ = false;
    ++next_line_;
  }
  if (buffer_.size() > 0) {
    // A line carried over is completed in the buffer, up to the chunk's first line end.
    const std::size_t take = through_first_line_end(chunk);
    const bool line_ended = take > 0 && chunk[take - 1] == '\n';
    buffer_.append(chunk.data(), take);
    chunk.remove_prefix(take);
    if (!line_ended) return check_carried_line();
    if (Status status = parse_lines(buffer_.data(), buffer_.size()); !status.ok()) return status;
    buffer_.reset();
  }
  // Lines that end SIMDJSON_PADDING bytes or more before the chunk's end are parsed where they
  // lie (simdjson reads that far past its input; what the bytes hold does not matter).
  if (chunk.size() > simdjson::SIMDJSON_PADDING) {
    const std::size_t complete =
        end_of_last_line(chunk.data(), chunk.size() - simdjson::SIMDJSON_PADDING);
    if (complete > 0) {
      if (Status status = parse_lines(chunk.data(), complete); !status.ok()) return status;
      chunk.remove_prefix(complete);
    }
  }
  // The rest is carried over; the lines it completes are parsed in the buffer at once.
  buffer_.append(chunk.data(), chunk.size());
  const std::size_t complete = end_of_last_line(buffer_.data(), buffer_.size());
  if (complete > 0) {
    if (Status status = parse_lines(buffer_.data(), complete); !status.ok()) return status;
    buffer_.erase_front(complete);
  }
  return check_carried_line();
}

Status NdjsonReader::check_carried_line() {
  if (buffer_.size() > kMaxRecordBytes) {  // an incomplete line already too long
    reject_long_line(buffer_.data(), buffer_.size());
    buffer_.reset();
    skipping_ = true;
  }
  return Status::success();
}

void NdjsonReader::reject_long_line(const char* data, std::size_t length) {
  sink_.on_unreadable_row(next_line_, RejectReason::record_too_long, kRecordTooLongDetail,
                          std::string_view(data, std::min<std::size_t>(length, 120)));
}

Status NdjsonReader::finish() {
  Status status = Status::success();
  if (buffer_.size() > 0 && !skipping_) {
    buffer_.append("\n", 1);
    status = parse_lines(buffer_.data(), buffer_.size());
  }
  buffer_.clear();
  line_.clear();
  return status;
}

std::size_t NdjsonReader::buffered_bytes() const {
  return buffer_.capacity() + line_.capacity();
}

Status NdjsonReader::parse_lines(const char* data, std::size_t length) {
  std::size_t offset = 0;
  while (offset < length) {
    // A line longer than the row limit is rejected unparsed.
    const auto* newline =
        static_cast<const char*>(std::memchr(data + offset, '\n', length - offset));
    const std::size_t line_end = static_cast<std::size_t>(newline - data);
    if (line_end - offset > kMaxRecordBytes) {
      reject_long_line(data + offset, line_end - offset);
      ++next_line_;
      offset = line_end + 1;
      continue;
    }
    // Cut batches at line ends, about kBatchBytes each.
    std::size_t end = length;
    if (length - offset > kBatchBytes) {
      end = offset + end_of_last_line(data + offset, kBatchBytes);
      if (end == offset) end = line_end + 1;  // one line over kBatchBytes: a batch of its own
    }
    parse_batch(data + offset, end - offset, next_line_);
    next_line_ += count_newlines(data + offset, data + end);
    offset = end;
    if (Status status = stop_if_unreadable(); !status.ok()) return status;
  }
  return Status::success();
}

void NdjsonReader::parse_batch(const char* data, std::size_t length, std::uint64_t first_line) {
  simdjson::ondemand::document_stream stream;
  if (parser_.iterate_many(data, length, std::max(length, kBatchBytes)).get(stream)) {
    parse_lines_one_by_one(data, length, first_line);
    return;
  }
  std::size_t counted_to = 0;       // newlines counted in data[0, counted_to)
  std::uint64_t line = first_line;  // line number at counted_to
  std::size_t resume = 0;           // start of the first line not yet fully handled
  const auto fall_back = [&] {
    parse_lines_one_by_one(data + resume, length - resume,
                           first_line + count_newlines(data, data + resume));
  };
  for (auto it = stream.begin(); it != stream.end(); ++it) {
    simdjson::ondemand::document_reference doc;
    if ((*it).get(doc)) return fall_back();  // source() is only valid for a good document
    // current_index() and source() of a first document include the blank lines before it:
    // the document starts at the first byte that is not white space.
    const std::size_t start = it.current_index();
    const std::size_t end = start + it.source().size();
    std::size_t index = start;
    while (index < length && is_space(data[index]))
      ++index;
    if (index < counted_to || index >= length) break;
    // NDJSON holds one value per line: a value spanning lines is read line by line, as it is
    // when a chunk ends inside it (else whole and chunked reads would disagree).
    // (Looked for 16 bytes at a time: the batch has padding after it.)
    if (end > index && find_either(data, index, end, '\n', '\n') != end) return fall_back();
    line += count_newlines(data + counted_to, data + index);
    counted_to = index;
    const std::size_t line_end = end_of_value_line(data, length, end);
    if (line_end == kNotAlone) return fall_back();  // more than one value on the line
    if (convert(doc, line) != simdjson::SUCCESS) return fall_back();
    if (!builder_.columns_status().ok()) return;
    resume = line_end;
  }
  // iterate_many stops quietly before a truncated last document: never drop it.
  if (resume < length && !is_blank(std::string_view(data + resume, length - resume))) fall_back();
}

void NdjsonReader::parse_lines_one_by_one(const char* data, std::size_t length,
                                          std::uint64_t first_line) {
  std::uint64_t line_number = first_line;
  std::size_t start = 0;
  while (start < length) {
    const char* newline = std::find(data + start, data + length, '\n');
    const auto end = static_cast<std::size_t>(newline - data);
    parse_single(std::string_view(data + start, end - start), line_number);
    if (!builder_.columns_status().ok()) return;
    ++line_number;
    start = end + 1;
  }
}

void NdjsonReader::parse_single(std::string_view line, std::uint64_t row) {
  if (is_blank(line)) return;
  line_.reset();
  line_.append(line.data(), line.size());
  simdjson::ondemand::document_stream stream;
  simdjson::error_code error =
      parser_.iterate_many(line_.data(), line_.size(), std::max(line_.size(), kBatchBytes))
          .get(stream);
  if (!error) {
    auto it = stream.begin();
    simdjson::ondemand::document_reference doc;
    if (!(it != stream.end())) {
      error = simdjson::TAPE_ERROR;  // no complete value on the line
    } else if (!(error = (*it).get(doc))) {
      const std::size_t value_end = it.current_index() + it.source().size();
      if (end_of_value_line(line_.data(), line_.size(), value_end) == kNotAlone) {
        error = simdjson::TRAILING_CONTENT;
      } else {
        error = convert(doc, row);
      }
    }
  }
  if (error) {
    const RejectReason reason =
        error == simdjson::UTF8_ERROR ? RejectReason::invalid_utf8 : RejectReason::invalid_json;
    sink_.on_unreadable_row(row, reason, simdjson::error_message(error), line);
  }
}

}  // namespace basketlift
