// CSV per RFC 4180, read in chunks by a scanner of ours (no allocation per field).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ingest/format_reader.h"
#include "util/padded_buffer.h"

namespace basketlift {

/// Reads CSV: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF, delimiter
/// ',' ';' or tab detected from the header line (';' implies decimal commas). The scan stops
/// at the end of each chunk and resumes there, so a record may span any number of chunks; a
/// chunk is scanned where it lies, and only a record cut at its end is copied.
/// Rows are numbered by the line they start on (the header is line 1).
class CsvReader final : public FormatReader {
 public:
  /// Records go to `sink`.
  explicit CsvReader(RecordSink& sink) : sink_(sink) {}

  Status feed(std::string_view chunk) override;
  Status finish() override;
  std::size_t buffered_bytes() const override { return buffer_.capacity() + scratch_.capacity(); }
  bool at_record_boundary() const override {
    return header_done_ && state_ == State::field_start && spans_.empty() &&
           record_start_ == buffer_.size() && status_.ok();
  }
  std::uint64_t next_line() const override { return line_; }
  void set_next_line(std::uint64_t line) override { line_ = record_line_ = line; }
  std::uint64_t head_lines() const override { return head_lines_; }
  /// Index of the column that feeds `field` (after the header).
  std::optional<std::size_t> column_of(Field field) const {
    for (std::size_t i = 0; i < columns_.size(); ++i)
      if (columns_[i] == field) return i;
    return std::nullopt;
  }
  /// Columns of the header.
  std::size_t column_count() const { return columns_.size(); }
  /// The delimiter (0 before the header line was seen).
  char delimiter() const { return delimiter_; }

 private:
  // skipping: the rest of a row longer than kMaxRecordBytes, dropped up to its line end.
  enum class State : std::uint8_t { field_start, unquoted, quoted, after_quote, skipping };
  struct Span {
    std::uint32_t begin;  // offsets into data_
    std::uint32_t end;
    bool unescape;  // holds doubled quotes
    bool quoted;    // was written in quotes
  };

  // Scans the buffer, then drops its bytes before the record being read (kept: at the end).
  Status scan_buffer(bool at_end);
  // Scans `size` bytes at `data` (the buffer, or a chunk in place; up to 15 bytes past `size`
  // must be readable), from pos_ on: offsets are into `data`.
  void scan(const char* data, std::size_t size, bool at_end);
  // After a chunk was scanned in place: its bytes from the record being read on go to the
  // (empty) buffer, offsets following them.
  void carry(std::string_view chunk);
  // Reads a whole record starting at `start` when it holds no quote and ends before `size`;
  // returns the offset after its line end, or 0 to leave it to the state machine.
  std::size_t fast_record(std::size_t start, std::size_t size);
  bool detect_delimiter(bool at_end);
  void end_field(std::size_t end);
  // Rejects the row being read as too long and starts skipping it.
  void skip_long_record(const char* data, std::size_t pos);
  void end_record();
  void emit_header();
  void emit_row();
  std::string_view field_text(const Span& span);
  // Moves every offset `drop` bytes back (the buffer's first `drop` bytes erased unless
  // `moved`: carry() put the bytes there already).
  void shift(std::size_t drop, bool moved);

  RecordSink& sink_;
  PaddedBuffer buffer_;           // bytes carried over from one chunk to the next
  const char* data_ = nullptr;    // what is being scanned: the buffer, or a chunk in place
  std::size_t pos_ = 0;           // next byte to scan
  std::size_t record_start_ = 0;  // first byte of the record being scanned
  State state_ = State::field_start;
  std::size_t field_begin_ = 0;
  bool field_unescape_ = false;
  std::vector<Span> spans_;
  std::uint64_t line_ = 1;         // line number at pos_
  std::uint64_t record_line_ = 1;  // line the current record starts on
  char delimiter_ = 0;             // 0 until the header line was seen
  bool header_done_ = false;
  std::uint64_t head_lines_ = 0;  // lines through the header record
  std::vector<std::optional<Field>> columns_;
  Record record_;
  std::string scratch_;  // unescaped quoted fields of the current record
  Status status_;
};

}  // namespace basketlift
