#include "ingest/row_reader.h"

namespace basketlift {

std::string_view RowReader::raw(Field field) const {
  const RawValue* value = record_.get(field);
  return value ? value->text : std::string_view();
}

void RowReader::reject(RejectReason reason, Field field) {
  if (!rejection_) rejection_ = Rejection{reason, field, raw(field)};
}

std::string_view RowReader::other_text(const RawValue& value, Field field) {
  switch (value.kind) {
    case RawKind::text:
    case RawKind::json_number:
      return trim_spaces(value.text);
    case RawKind::boolean:
      return value.flag ? "true" : "false";
    case RawKind::null:
      return {};
    case RawKind::nested:
      reject(RejectReason::nested_value, field);
      return {};
  }
  return {};
}

double RowReader::number(Field field, Bound bound, double absent) {
  DecimalText digits;
  return number(field, bound, absent, digits);
}

double RowReader::number(Field field, Bound bound, double absent, DecimalText& digits) {
  digits.scale = -1;
  const RawValue* value = record_.get(field);
  if (value == nullptr || value->kind == RawKind::null) return absent;
  if (value->kind == RawKind::nested || value->kind == RawKind::boolean) {
    reject(
        value->kind == RawKind::nested ? RejectReason::nested_value : RejectReason::invalid_number,
        field);
    return absent;
  }
  if (trim_spaces(value->text).empty()) return absent;
  // JSON numbers always use a decimal point, whatever the file's CSV convention.
  const NumberFormat format =
      value->kind == RawKind::json_number ? NumberFormat{} : options_.number;
  double number = 0;
  if (!read_number(value->text, format, number, digits)) {
    reject(RejectReason::invalid_number, field);
    return absent;
  }
  if ((bound == Bound::non_negative && number < 0) || (bound == Bound::positive && number <= 0)) {
    reject(field == Field::quantity ? RejectReason::non_positive_quantity
                                    : RejectReason::negative_number,
           field);
    digits.scale = -1;
    return absent;
  }
  return number;
}

std::optional<bool> RowReader::boolean(Field field) {
  const RawValue* value = record_.get(field);
  if (value == nullptr || value->kind == RawKind::null) return std::nullopt;
  if (value->kind == RawKind::boolean) return value->flag;
  if (value->kind == RawKind::nested) {
    reject(RejectReason::nested_value, field);
    return std::nullopt;
  }
  if (trim_spaces(value->text).empty()) return std::nullopt;
  const std::optional<bool> flag = parse_boolean(value->text);
  if (!flag) reject(RejectReason::invalid_boolean, field);
  return flag;
}

}  // namespace basketlift
