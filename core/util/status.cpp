#include "util/status.h"

namespace basketlift {

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::ok:
      return "ok";
    case ErrorCode::bad_usage:
      return "bad_usage";
    case ErrorCode::unreadable_file:
      return "unreadable_file";
    case ErrorCode::bad_input:
      return "bad_input";
    case ErrorCode::too_large:
      return "too_large";
    case ErrorCode::bad_config:
      return "bad_config";
    case ErrorCode::internal:
      return "internal";
  }
  return "internal";
}

}  // namespace basketlift
