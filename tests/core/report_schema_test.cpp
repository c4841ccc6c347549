// The report schema's code lists are the engine's: every reject reason and row note the engine
// can write is in core/report/report.schema.json, and the schema names no other.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "ingest/reject_reason.h"
#include "ingest/row_note.h"
#include "simdjson.h"
#include "test_support.h"

namespace basketlift {
namespace {

std::set<std::string> schema_enum(const char* definition) {
  static const std::string schema =
      testing::read_file(BASKETLIFT_SOURCE_DIR "/core/report/report.schema.json");
  simdjson::dom::parser parser;
  simdjson::dom::array values;
  std::set<std::string> names;
  EXPECT_EQ(parser.parse(schema)["definitions"][definition]["enum"].get(values), simdjson::SUCCESS)
      << definition;
  for (simdjson::dom::element value : values)
    names.emplace(std::string(value.get_string().value_unsafe()));
  return names;
}

TEST(ReportSchema, RejectReasonsAreTheEngines) {
  std::set<std::string> engine;
  for (int r = 0; r < kRejectReasonCount; ++r)
    engine.emplace(reject_reason_name(static_cast<RejectReason>(r)));
  EXPECT_EQ(schema_enum("reject_reason"), engine);
}

TEST(ReportSchema, RowNotesAreTheEngines) {
  std::set<std::string> engine;
  for (int n = 0; n < kRowNoteCount; ++n)
    engine.emplace(row_note_name(static_cast<RowNote>(n)));
  EXPECT_EQ(schema_enum("row_note_code"), engine);
}

}  // namespace
}  // namespace basketlift
