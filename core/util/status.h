// Errors as values: every engine call that can fail returns a Status (or a Result<T>).
#pragma once

#include <string>
#include <utility>

namespace basketlift {

/// Why an engine call failed. The snake_case names are stable: the CLI prints them, the JS
/// `BasketliftError.code` carries them and tests compare them.
enum class ErrorCode {
  ok,               ///< no error
  bad_usage,        ///< the caller broke the API contract (e.g. feed() before begin_file())
  unreadable_file,  ///< a file cannot be read at all (binary, wrong encoding, no usable header)
  bad_input,        ///< readable, but not usable as the requested table
  too_large,        ///< the data would exceed the configured memory limit
  bad_config,       ///< a settings, mapping or scenario document is invalid
  internal,         ///< an invariant did not hold (a bug in Basketlift)
};

/// Stable snake_case name of an error code ("unreadable_file").
const char* error_code_name(ErrorCode code);

/// Outcome of an engine call: ok, or a code and a one-line message meant for a person.
struct Status {
  ErrorCode code = ErrorCode::ok;  ///< ok when the call succeeded
  std::string message;             ///< one line, names the file / field when there is one

  /// True when the call succeeded.
  bool ok() const { return code == ErrorCode::ok; }
  /// A successful status.
  static Status success() { return {}; }
  /// A failed status with a code and a message.
  static Status error(ErrorCode c, std::string m) { return {c, std::move(m)}; }
};

/// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  /// Wraps a value.
  Result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  /// Wraps a failure; status must not be ok.
  Result(Status status) : status_(std::move(status)) {}  // NOLINT(google-explicit-constructor)

  /// True when a value is present.
  bool ok() const { return status_.ok(); }
  /// The failure (or success) status.
  const Status& status() const { return status_; }
  /// The value; only valid when ok().
  T& value() { return value_; }
  /// The value; only valid when ok().
  const T& value() const { return value_; }

 private:
  T value_{};
  Status status_;
};

}  // namespace basketlift
