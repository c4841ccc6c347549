// NDJSON (one JSON object per line), read in chunks with simdjson's iterate_many.
#pragma once

#include <cstdint>

#include "ingest/format_reader.h"
#include "ingest/json_records.h"
#include "simdjson.h"
#include "util/padded_buffer.h"

namespace basketlift {

/// Reads NDJSON. Complete lines are parsed in batches with iterate_many, where the chunk lies;
/// the bytes after the last line end (and the chunk's last SIMDJSON_PADDING bytes) wait for
/// the next chunk in a buffer. (NDJSON lines cannot contain a raw newline, so the
/// last newline is a safe cut; this is simpler than resuming from truncated_bytes().) When a
/// batch holds a broken line, the batch is re-read line by line so only that line is rejected.
class NdjsonReader final : public FormatReader {
 public:
  /// Records go to `sink`.
  explicit NdjsonReader(RecordSink& sink) : sink_(sink), builder_(sink) {}

  Status feed(std::string_view chunk) override;
  Status finish() override;
  std::size_t buffered_bytes() const override;
  bool at_record_boundary() const override { return buffer_.size() == 0 && !skipping_; }
  std::uint64_t next_line() const override { return next_line_; }
  void set_next_line(std::uint64_t line) override { next_line_ = line; }
  std::uint64_t head_lines() const override { return head_lines_; }

 private:
  // Parses the lines of data[0, length), which ends with a line end and is followed by
  // SIMDJSON_PADDING readable bytes (the buffer's padding, or the rest of a chunk).
  Status parse_lines(const char* data, std::size_t length);
  // Rejects the line carried over once it is longer than any row may be, and skips its rest.
  Status check_carried_line();
  // Rejects line `next_line_` (starting at data) as too long.
  void reject_long_line(const char* data, std::size_t length);
  void parse_batch(const char* data, std::size_t length, std::uint64_t first_line);
  void parse_lines_one_by_one(const char* data, std::size_t length, std::uint64_t first_line);
  void parse_single(std::string_view line, std::uint64_t row);
  Status stop_if_unreadable() const;
  // Converts one parsed line, noting the line when its object is the one deciding the columns.
  simdjson::error_code convert(simdjson::ondemand::document_reference doc, std::uint64_t line);

  RecordSink& sink_;
  JsonRecordBuilder builder_;
  simdjson::ondemand::parser parser_;
  PaddedBuffer buffer_;           // a line cut at a chunk's end, carried over
  PaddedBuffer line_;             // one line, padded, for the line-by-line fallback
  std::uint64_t next_line_ = 1;   // line number of the first byte not yet parsed
  bool skipping_ = false;         // dropping the rest of a line longer than kMaxRecordBytes
  std::uint64_t head_lines_ = 0;  // the line whose object decided the columns
};

}  // namespace basketlift
