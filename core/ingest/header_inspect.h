// A look at a file's first bytes: its format, columns and what the engine would map them to.
// The dashboard's column-mapping step starts from this.
#pragma once

#include <string>
#include <string_view>

#include "ingest/column_mapper.h"

namespace basketlift {

/// Describes the head of a file (its first bytes, e.g. 64 KiB) as JSON:
/// {"format", "delimiter", "columns": [{"name", "field"}], "table", "preset", "error"}.
/// `field` is the field the column would feed (null when unknown); `table` is null and
/// `error` says why when no table is recognised under `mapping`.
std::string inspect_header_json(std::string_view head, const ColumnMapping& mapping);

}  // namespace basketlift
