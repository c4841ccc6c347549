#include "ingest/file_ingest.h"

#include <algorithm>

#include "ingest/csv_reader.h"
#include "ingest/json_array_reader.h"
#include "ingest/ndjson_reader.h"
#include "ingest/range_reading.h"
#include "warehouse/aggregates.h"

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

void FileIngest::keep_head(std::string_view chunk) {
  constexpr std::size_t kMaxHead = 1 << 20;
  if (head_known_ || head_abandoned_) return;
  if (head_copy_.size() <= kMaxHead)
    head_copy_.append(chunk.data(), std::min(chunk.size(), kMaxHead + 1 - head_copy_.size()));
  const std::uint64_t lines = reader_ ? reader_->head_lines() : 0;
  if (lines == 0) {
    if (head_copy_.size() > kMaxHead) {
      head_abandoned_ = true;
      head_copy_ = std::string();
    }
    return;
  }
  // The head is the first `lines` lines, each ended by its newline.
  std::size_t end = 0;
  for (std::uint64_t line = 0; line < lines; ++line) {
    const std::size_t newline = head_copy_.find('\n', end);
    if (newline == std::string::npos) {
      head_abandoned_ = true;
      head_copy_ = std::string();
      return;
    }
    end = newline + 1;
  }
  head_copy_.resize(end);
  head_copy_.shrink_to_fit();
  head_known_ = true;
}

Status FileIngest::feed(std::string_view chunk) {
  if (failed_) return Status::error(ErrorCode::bad_usage, "'" + options_.name + "' already failed");
  report_.bytes += chunk.size();
  if (options_.range_head_lines == 0) {
    Status status = feed_bytes(chunk);
    keep_head(chunk);
    return status;
  }
  return feed_bytes(chunk);
}

Status FileIngest::feed_bytes(std::string_view chunk) {
  if (options_.range_head_lines > 0 && !reader_) {
    if (Status status = start_range(); !status.ok()) return status;
  }
  if (reader_) {
    Status status = reader_->feed(chunk);
    if (!status.ok()) return fail(status.code, status.message);
    reserve_from_size();
    return status;
  }
  if (aggregates_) {
    if (aggregates_->size() + chunk.size() > kMaxAggregatesBytes) {
      return fail(ErrorCode::too_large,
                  "an aggregates file of more than 256 MB is not one `basketlift sql` wrote");
    }
    aggregates_->append(chunk);
    return Status::success();
  }
  // The format and the binary check look at the same first bytes however the file is cut; a
  // first chunk that holds them all is looked at where it lies, not copied.
  if (head_.empty() && chunk.size() >= kSniffBytes && !only_space(chunk)) return start(chunk);
  head_.append(chunk);
  if (head_.size() < kSniffBytes || only_space(head_)) return Status::success();
  return start(head_);
}

bool FileIngest::only_space(std::string_view head) {
  if (head.substr(0, kUtf8Bom.size()) == kUtf8Bom) head.remove_prefix(kUtf8Bom.size());
  return std::all_of(head.begin(), head.end(), is_space);
}

Status FileIngest::start_range() {
  if (!options_.format || *options_.format == Format::json) {
    return fail(ErrorCode::bad_usage, "reading a byte range needs the CSV or NDJSON format given");
  }
  report_.format = options_.format;
  if (*options_.format == Format::csv) {
    reader_ = std::make_unique<CsvReader>(*this);
  } else {
    reader_ = std::make_unique<NdjsonReader>(*this);
  }
  return Status::success();
}

Status FileIngest::start(std::string_view first_bytes) {
  std::string_view head = first_bytes;
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
  if (!options_.table && (!options_.format || *options_.format == Format::csv) &&
      is_aggregates_file(head)) {
    report_.format = Format::csv;
    // The bytes so far become the file's (moved, not copied, without a BOM to drop), with room
    // for the rest when the size is known.
    aggregates_ = head.data() == head_.data() && head.size() == head_.size() ? std::move(head_)
                                                                             : std::string(head);
    head_ = std::string();
    if (options_.size > aggregates_->size())
      aggregates_->reserve(std::min<std::uint64_t>(options_.size, kMaxAggregatesBytes));
    return Status::success();
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
  Status status = reader_->feed(head);
  head_ = std::string();  // released once read
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

std::optional<std::size_t> FileIngest::find_range_start(std::string_view window) {
  if (!reader_ || !report_.table || !report_.format || *report_.format == Format::json)
    return std::nullopt;
  OrderIdLocator order;
  char delimiter = 0;
  const auto* csv = dynamic_cast<const CsvReader*>(reader_.get());
  if (csv != nullptr) {
    delimiter = csv->delimiter();
    order.csv_columns = csv->column_count();
  }
  if (*report_.table == Table::orders) {
    if (csv != nullptr) {
      order.csv_column = csv->column_of(Field::order_id);
    } else {
      // Lines that are whole orders (an items array) need no order-aware cut.
      const auto& columns = mapper_.mapped_columns();
      const bool nested = std::any_of(columns.begin(), columns.end(),
                                      [](const auto& c) { return c.second == Field::items; });
      for (const auto& [name, field] : columns) {
        if (field == Field::order_id && !nested) order.ndjson_key = name;
      }
    }
  }
  return basketlift::find_range_start(window, *report_.format, delimiter, order);
}

Result<RangeMerge> FileIngest::merge_range(std::string_view serialized, std::uint64_t first_line) {
  report_.columns = mapper_.mapped_columns();
  report_.unknown_columns = mapper_.unknown_columns();
  Result<RangeMerge> merged =
      basketlift::merge_range(serialized, store_, report_, index_, first_line);
  if (merged.ok() && merged.value() == RangeMerge::merged)
    mapper_.learn(report_.columns, report_.unknown_columns);
  return merged;
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
  if (!reader_ && options_.range_head_lines > 0) {
    if (Status status = start_range(); !status.ok()) return status;
  }
  if (!reader_ && !aggregates_) {
    if (only_space(head_)) return fail(ErrorCode::unreadable_file, "the file is empty");
    Status started = start(head_);  // a file shorter than the sniffed head
    if (!started.ok()) return started;
  }
  if (aggregates_) return Status::success();  // read by the engine (warehouse/aggregates.h)
  Status status = reader_->finish();
  report_.columns = mapper_.mapped_columns();
  report_.unknown_columns = mapper_.unknown_columns();
  if (!status.ok()) return fail(status.code, status.message);
  if (options_.range_head_lines > 0) {
    return report_.table ? status
                         : fail(ErrorCode::unreadable_file, "the range's head decides no table");
  }
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
  if (record.row <= options_.range_head_lines) return;  // the head of a range only sets up columns
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
  if (row <= options_.range_head_lines) return;
  report_.reject(row, reason, "", text, detail);
}

void FileIngest::on_csv_dialect(char delimiter, bool decimal_comma) {
  report_.delimiter = delimiter;
  report_.decimal_comma = decimal_comma;
  values_.number.decimal_comma = decimal_comma;
}

}  // namespace basketlift
