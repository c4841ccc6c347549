// The fuzz targets' bodies, shared by the libFuzzer programs (fuzz_*.cpp) and by the
// GoogleTest replay of the seed corpus and of every crash found (tests/core/fuzz_replay_test.cpp).
#include "targets.h"

#include "fuzz_support.h"
#include "ingest/column_mapper.h"
#include "ingest/header_inspect.h"
#include "sim/sim_json.h"

namespace basketlift::fuzz {

// The CSV reader and the table loaders behind it, fed in fuzzer-chosen
// chunks. Input: [table byte][4 cut bytes][CSV text].
int run_csv(const std::uint8_t* data, std::size_t size) {
  Bytes in(data, size);
  FileOptions options;
  options.name = "fuzz.csv";
  options.format = Format::csv;
  const std::uint8_t table = in.take_byte();
  if (table % 5 < 4) options.table = static_cast<Table>(table % 5);  // else: detect
  std::vector<std::uint8_t> cuts;
  for (int i = 0; i < 4; ++i)
    cuts.push_back(in.take_byte());
  Engine engine;
  feed_file(engine, in.rest(), options, cuts);
  analyze_and_check(engine);
  return 0;
}

// The NDJSON and JSON-array readers (whole file and chunked), with the
// loaders behind them. Input: [format byte][4 cut bytes][JSON text].
int run_json(const std::uint8_t* data, std::size_t size) {
  Bytes in(data, size);
  FileOptions options;
  options.name = "fuzz.json";
  const std::uint8_t format = in.take_byte();
  if (format % 3 == 0) options.format = Format::ndjson;
  if (format % 3 == 1) options.format = Format::json;  // 2: detect
  std::vector<std::uint8_t> cuts;
  for (int i = 0; i < 4; ++i)
    cuts.push_back(in.take_byte());
  // The same bytes whole and chunked must give the same account.
  Engine whole, chunked;
  feed_file(whole, in.rest(), options, {});
  feed_file(chunked, in.rest(), options, cuts);
  const FileReport& a = whole.files().back();
  const FileReport& b = chunked.files().back();
  require(a.rows_read == b.rows_read && a.rows_used == b.rows_used,
          "chunk cuts changed what was read");
  analyze_and_check(chunked);
  return 0;
}

// The user column mapping (JSON) and the header inspection that applies it.
// Input: [mapping JSON]\0[head of a file].
int run_mapper(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t split = input.find('\0');
  const std::string_view mapping_json =
      split == std::string_view::npos ? std::string_view() : input.substr(0, split);
  const std::string_view head = split == std::string_view::npos ? input : input.substr(split + 1);
  ColumnMapping mapping;
  if (!mapping_json.empty()) {
    Result<ColumnMapping> parsed = ColumnMapping::parse_json(mapping_json);
    if (!parsed.ok()) return 0;
    mapping = std::move(parsed.value());
  }
  const std::string json = inspect_header_json(head, mapping);
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  require(parser.parse(json).get(root) == simdjson::SUCCESS, "inspection is not valid JSON");
  return 0;
}

// The whole pipeline on a small fuzzed store — up to four files (split at
// "\n#FILE\n"), formats and tables detected, every analysis, the report, and the simulator
// on that report.
int run_pipeline(const std::uint8_t* data, std::size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  Engine engine;
  constexpr std::string_view kSeparator = "\n#FILE\n";
  for (int file = 0; file < 4 && !rest.empty(); ++file) {
    const std::size_t end = rest.find(kSeparator);
    FileOptions options;
    options.name = "file" + std::to_string(file);
    feed_file(engine, rest.substr(0, end), options, {});
    rest =
        end == std::string_view::npos ? std::string_view() : rest.substr(end + kSeparator.size());
  }
  analyze_and_check(engine);
  Result<std::string> projection =
      sim::simulate_json(engine.report_json(), R"({"all": {"acceptance": {"relative": 0.5}}})");
  if (projection.ok()) {
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    require(parser.parse(projection.value()).get(root) == simdjson::SUCCESS,
            "the projection is not valid JSON");
  }
  return 0;
}

}  // namespace basketlift::fuzz
