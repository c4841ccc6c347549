#include "ingest/file_ingest.h"

#include <algorithm>

#include "ingest/csv_reader.h"
#include "ingest/json_array_reader.h"
#include "ingest/ndjson_reader.h"

namespace basketlift {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

}  // namespace

FileIngest::FileIngest(Store& store, FileOptions options, SlashDateOrder date_order,
                       std::uint16_t index)
    : store_(store),
      options_(std::move(options)),
      index_(index),
      mapper_(options_.mapping, options_.table) {
  values_.date_order = date_order;
  report_.file = options_.name;
  report_.format = options_.format;
}

FileIngest::~FileIngest() = default;

std::size_t FileIngest::buffered_bytes() const {
  return head_.capacity() + (reader_ ? reader_->buffered_bytes() : 0);
}

Status FileIngest::fail(ErrorCode code, const std::string& why) {
  failed_ = true;
  report_.error = why;
  return Status::error(code, "'" + options_.name + "': " + why);
}

Status FileIngest::feed(std::string_view chunk) {
  if (failed_) return Status::error(ErrorCode::bad_usage, "'" + options_.name + "' already failed");
  report_.bytes += chunk.size();
  if (reader_) {
    Status status = reader_->feed(chunk);
    if (!status.ok()) return fail(status.code, status.message);
    reserve_from_size();
    return status;
  }
  head_.append(chunk);
  // The format and the binary check look at the same first bytes however the file is cut.
  if (head_.size() < kSniffBytes || only_space(head_)) return Status::success();
  return start();
}

bool FileIngest::only_space(std::string_view head) {
  if (head.substr(0, kUtf8Bom.size()) == kUtf8Bom) head.remove_prefix(kUtf8Bom.size());
  return std::all_of(head.begin(), head.end(), is_space);
}

Status FileIngest::start() {
  std::string_view head = head_;
  if (head.substr(0, kUtf8Bom.size()) == kUtf8Bom) head.remove_prefix(kUtf8Bom.size());
  if (head.size() >= 2 &&
      ((head[0] == '\xFF' && head[1] == '\xFE') || (head[0] == '\xFE' && head[1] == '\xFF'))) {
    return fail(ErrorCode::unreadable_file,
                "the file is UTF-16 text; save it as UTF-8 (CSV UTF-8)");
  }
  const bool utf16_without_bom =
      head.size() >= 4 &&
      ((head[0] != '\0' && head[1] == '\0' && head[2] != '\0' && head[3] == '\0') ||
       (head[0] == '\0' && head[1] != '\0' && head[2] == '\0' && head[3] != '\0'));
  if (utf16_without_bom) {
    return fail(ErrorCode::unreadable_file,
                "the file is UTF-16 text (every other byte is zero); save it as UTF-8 (CSV UTF-8)");
  }
  if (head.substr(0, kSniffBytes).find('\0') != std::string_view::npos) {
    return fail(ErrorCode::unreadable_file,
                "the file holds binary data (NUL bytes), not CSV, JSON or NDJSON text; if it is a "
                "spreadsheet, export it as CSV UTF-8");
  }
  const char first = *std::find_if_not(head.begin(), head.end(), is_space);
  const Format format = options_.format ? *options_.format
                        : first == '['  ? Format::json
                        : first == '{'  ? Format::ndjson
                                        : Format::csv;
  report_.format = format;
  switch (format) {
    case Format::csv:
      reader_ = std::make_unique<CsvReader>(*this);
      break;
    case Format::json:
      reader_ = std::make_unique<JsonArrayReader>(*this);
      break;
    case Format::ndjson:
      reader_ = std::make_unique<NdjsonReader>(*this);
      break;
  }
  const std::string bytes = std::string(head);
  head_.clear();
  head_.shrink_to_fit();
  Status status = reader_->feed(bytes);
  if (!status.ok()) return fail(status.code, status.message);
  return status;
}

void FileIngest::reserve_from_size() {
  constexpr std::uint64_t kSampleRows = 256;
  if (reserved_ || !loader_ || options_.size == 0 || report_.rows_read < kSampleRows) return;
  reserved_ = true;
  const double rows_per_byte =
      static_cast<double>(report_.rows_read) / static_cast<double>(report_.bytes);
  const double expected = rows_per_byte * static_cast<double>(options_.size) * 1.02 + 64;
  loader_->reserve(static_cast<std::size_t>(expected), report_.rows_read);
}

Status FileIngest::stop(ErrorCode code, const std::string& why) {
  report_.columns = mapper_.mapped_columns();
  report_.unknown_columns = mapper_.unknown_columns();
  reader_.reset();
  return fail(code, why);
}

Status FileIngest::finish() {
  if (failed_)
    return Status::error(ErrorCode::unreadable_file, "'" + options_.name + "': " + *report_.error);
  if (!reader_) {
    if (only_space(head_)) return fail(ErrorCode::unreadable_file, "the file is empty");
    Status started = start();  // a file shorter than the sniffed head
    if (!started.ok()) return started;
  }
  Status status = reader_->finish();
  report_.columns = mapper_.mapped_columns();
  report_.unknown_columns = mapper_.unknown_columns();
  if (!status.ok()) return fail(status.code, status.message);
  if (!report_.table || report_.rows_read == 0) {
    return fail(ErrorCode::unreadable_file, "the file has a header but no rows");
  }
  return status;
}

Status FileIngest::on_columns(const std::vector<std::string_view>& names) {
  Status status = mapper_.decide(names);
  if (!status.ok()) {
    report_.error = status.message;
    return status;
  }
  report_.table = mapper_.table();
  report_.preset = mapper_.preset();
  loader_ = make_loader(mapper_.table(), LoaderContext{store_, values_, index_});
  return status;
}

std::optional<Field> FileIngest::field_for(std::string_view name) {
  return mapper_.resolve(name);
}

void FileIngest::on_record(const Record& record) {
  if (std::optional<Rejection> rejection = loader_->load(record, report_)) {
    report_.reject(record.row, rejection->reason, field_name(rejection->field), rejection->value,
                   reject_reason_text(rejection->reason));
    return;
  }
  ++report_.rows_read;
  ++report_.rows_used;
  if (record.non_utf8) report_.note(record.row, RowNote::non_utf8_text, "", "");
}

void FileIngest::on_unreadable_row(std::uint64_t row, RejectReason reason, std::string_view detail,
                                   std::string_view text) {
  report_.reject(row, reason, "", text, detail);
}

void FileIngest::on_csv_dialect(char delimiter, bool decimal_comma) {
  report_.delimiter = delimiter;
  report_.decimal_comma = decimal_comma;
  values_.number.decimal_comma = decimal_comma;
}

}  // namespace basketlift
