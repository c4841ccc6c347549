// JSON files holding an array of objects, read in chunks: a small scanner finds where each
// element ends, and simdjson On-Demand parses each complete element.
#pragma once

#include <cstdint>

#include "ingest/format_reader.h"
#include "ingest/json_records.h"
#include "simdjson.h"
#include "util/padded_buffer.h"

namespace basketlift {

/// Reads `[ {...}, {...} ]`. Rows are numbered by element (the first element is record 1).
/// A broken element is rejected alone; the scan resumes at the next element.
class JsonArrayReader final : public FormatReader {
 public:
  /// Records go to `sink`.
  explicit JsonArrayReader(RecordSink& sink) : sink_(sink), builder_(sink) {}

  Status feed(std::string_view chunk) override;
  Status finish() override;
  std::size_t buffered_bytes() const override { return buffer_.capacity(); }

 private:
  enum class Phase : std::uint8_t { before_array, expect_value, in_value, after_value, done };

  Status scan();
  void parse_element(std::size_t begin, std::size_t end);
  void compact();

  RecordSink& sink_;
  JsonRecordBuilder builder_;
  simdjson::ondemand::parser parser_;
  PaddedBuffer buffer_;
  Phase phase_ = Phase::before_array;
  std::size_t pos_ = 0;            // next byte to scan
  std::size_t element_start_ = 0;  // first byte of the element being scanned
  int depth_ = 0;                  // bracket depth inside the element
  bool oversized_ = false;         // the element passed kMaxRecordBytes: rejected, being skipped
  bool trailing_seen_ = false;     // text after the array's end was reported (once, whatever
                                   // the chunks it comes in)
  bool in_string_ = false;
  bool escaped_ = false;
  std::uint64_t index_ = 0;  // elements seen
  Status status_;
};

}  // namespace basketlift
