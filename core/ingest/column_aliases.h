// The alias tables behind ColumnMapper: which normalised header names mean which field.
#pragma once

#include <optional>
#include <string_view>

#include "ingest/column_mapper.h"
#include "ingest/field.h"

namespace basketlift {

/// Field that a normalised header name (see normalize_header) means in a table under a preset,
/// or nullopt when the name is unknown there.
std::optional<Field> alias_field(std::string_view normalized, Table table, Preset preset);

}  // namespace basketlift
