// UTF-8 validation helpers shared by the readers and the JSON writer.
#pragma once

#include <cstddef>
#include <string_view>

namespace basketlift {

/// Length (2-4) of the valid UTF-8 sequence starting at text[pos] (a byte >= 0x80), or 0 when
/// the bytes there are not valid UTF-8 (overlong forms and surrogates count as invalid).
std::size_t utf8_sequence_length(std::string_view text, std::size_t pos);

/// True when the whole text is valid UTF-8.
bool is_valid_utf8(std::string_view text);

}  // namespace basketlift
