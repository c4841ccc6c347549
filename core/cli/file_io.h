// Reading and writing whole files for the CLI (the engine itself never touches the filesystem).
#pragma once

#include <optional>
#include <string>

#include "engine/engine.h"

namespace basketlift::cli {

/// Streams a file (or stdin for "-") into the engine in 1 MiB chunks.
Status stream_file(Engine& engine, const std::string& path, FileOptions options);
/// Reads a file into the engine with `threads` threads reading byte ranges at once (mapped
/// into memory; engine/range_plan.h). Files under 8 MB, stdin and 1 thread: streamed.
Status read_file(Engine& engine, const std::string& path, FileOptions options, unsigned threads);
/// Reads a whole small file (settings, mapping, scenario); nullopt when it cannot be read.
std::optional<std::string> read_text_file(const std::string& path);
/// The rules of an IANA time zone from the system's zoneinfo ($TZDIR, else /usr/share/zoneinfo).
Result<ZoneRules> load_time_zone(const std::string& name);
/// Writes text to a file, or to stdout for "" / "-". False on failure.
bool write_text(const std::string& path, const std::string& text);

}  // namespace basketlift::cli
