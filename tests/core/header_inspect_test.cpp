// The look at a file's head that starts the dashboard's column-mapping step.
#include "ingest/header_inspect.h"

#include <gtest/gtest.h>

#include "simdjson.h"
#include "test_support.h"

namespace basketlift {
namespace {

// Parses the inspector's JSON (which must be valid) into a DOM element.
simdjson::dom::element parse(simdjson::dom::parser& parser, const std::string& json) {
  simdjson::dom::element root;
  EXPECT_EQ(parser.parse(json).get(root), simdjson::SUCCESS) << json;
  return root;
}

std::string text_at(simdjson::dom::element root, const char* pointer) {
  std::string_view value;
  if (root.at_pointer(pointer).get(value) != simdjson::SUCCESS) return "<null>";
  return std::string(value);
}

TEST(HeaderInspect, KnownCsvHeaderNamesTableAndFields) {
  simdjson::dom::parser parser;
  auto root = parse(parser, inspect_header_json("order_id,product_id,qty,price\n1,a,1,2\n", {}));
  EXPECT_EQ(text_at(root, "/format"), "csv");
  EXPECT_EQ(text_at(root, "/delimiter"), ",");
  EXPECT_EQ(text_at(root, "/table"), "orders");
  EXPECT_EQ(text_at(root, "/columns/2/name"), "qty");
  EXPECT_EQ(text_at(root, "/columns/2/field"), "quantity");
  EXPECT_EQ(text_at(root, "/columns/3/field"), "unit_price");
}

TEST(HeaderInspect, UnknownHeaderGivesColumnsWithoutTableAndAReason) {
  simdjson::dom::parser parser;
  const std::string head = testing::read_file(testing::fixture_path("ingest/orders_german.csv"));
  auto root = parse(parser, inspect_header_json(head, {}));
  EXPECT_EQ(text_at(root, "/delimiter"), ";");
  EXPECT_EQ(text_at(root, "/table"), "<null>");
  EXPECT_NE(text_at(root, "/error"), "<null>");
  EXPECT_EQ(text_at(root, "/columns/0/name"), "Beleg");
  EXPECT_EQ(text_at(root, "/columns/0/field"), "<null>");
}

TEST(HeaderInspect, MappingMakesTheUnknownHeaderKnown) {
  simdjson::dom::parser parser;
  const std::string head = testing::read_file(testing::fixture_path("ingest/orders_german.csv"));
  const std::string map =
      testing::read_file(testing::fixture_path("ingest/orders_german.map.json"));
  Result<ColumnMapping> mapping = ColumnMapping::parse_json(map);
  ASSERT_TRUE(mapping.ok());
  auto root = parse(parser, inspect_header_json(head, mapping.value()));
  EXPECT_EQ(text_at(root, "/table"), "orders");
  EXPECT_EQ(text_at(root, "/columns/0/field"), "order_id");
  EXPECT_EQ(text_at(root, "/columns/3/field"), "unit_price");
}

TEST(HeaderInspect, JsonFormsAndAHeadCutMidRecord) {
  simdjson::dom::parser parser;
  auto ndjson = parse(
      parser,
      inspect_header_json("{\"order_id\":1,\"product_id\":\"a\"}\n{\"order_id\":2,\"prod", {}));
  EXPECT_EQ(text_at(ndjson, "/format"), "ndjson");
  EXPECT_EQ(text_at(ndjson, "/table"), "orders");
  simdjson::dom::parser parser2;
  auto array = parse(
      parser2, inspect_header_json("  [{\"session_id\":\"s\",\"converted\":true}, {\"sess", {}));
  EXPECT_EQ(text_at(array, "/format"), "json");
  EXPECT_EQ(text_at(array, "/table"), "sessions");
}

TEST(HeaderInspect, EmptyHeadIsAReasonNotACrash) {
  simdjson::dom::parser parser;
  auto root = parse(parser, inspect_header_json("", {}));
  EXPECT_EQ(text_at(root, "/table"), "<null>");
  EXPECT_EQ(text_at(root, "/error"), "no header or first record was found");
}

}  // namespace
}  // namespace basketlift
