// A RecordSink that records what a format reader emits, for testing readers on their own.
#pragma once

#include <string>
#include <vector>

#include "ingest/format_reader.h"

namespace basketlift::testing {

/// Column i of the header feeds Field(i); rows are recorded as the texts of their fields.
class RecordingSink : public RecordSink {
 public:
  std::vector<std::string> header;  ///< column names seen
  std::vector<std::vector<std::string>>
      rows;                                ///< one entry per record, field texts in column order
  std::vector<std::uint64_t> row_numbers;  ///< row number of each record
  std::vector<std::pair<std::uint64_t, RejectReason>> rejected;  ///< unreadable rows
  std::vector<std::string> rejected_text;  ///< the text shown for each unreadable row
  std::vector<bool> non_utf8;              ///< each record's non-UTF-8 flag
  char delimiter = 0;                      ///< as reported by a CSV reader

  Status on_columns(const std::vector<std::string_view>& names) override {
    header.assign(names.begin(), names.end());
    return Status::success();
  }
  std::optional<Field> field_for(std::string_view name) override {
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) return static_cast<Field>(i);
    }
    return std::nullopt;
  }
  void on_record(const Record& record) override {
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < header.size(); ++i) {
      const RawValue* value = record.get(static_cast<Field>(i));
      texts.emplace_back(value ? std::string(value->text) : "<absent>");
    }
    rows.push_back(std::move(texts));
    row_numbers.push_back(record.row);
    non_utf8.push_back(record.non_utf8);
  }
  void on_unreadable_row(std::uint64_t row, RejectReason reason, std::string_view,
                         std::string_view text) override {
    rejected.emplace_back(row, reason);
    rejected_text.emplace_back(text);
  }
  void on_csv_dialect(char d, bool) override { delimiter = d; }
};

}  // namespace basketlift::testing
