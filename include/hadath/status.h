// hadath — Status: the one error type of the library.
//
// Policy (see README "Errors"): every fallible function returns a Status (or
// takes a Status* / returns StatusOr-like pairs). Expected failures — a bad
// file, an undecodable document, a malformed dictionary line — are Statuses
// that name the input and the reason. Exceptions are not thrown by the
// library; the CLI turns a Status into a one-line message and an exit code.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace hadath {

class Status {
 public:
  enum class Code { kOk = 0, kInvalidArgument, kNotFound, kIOError, kCorrupt, kUnsupported };

  Status() = default;  // OK
  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string msg) { return Status(Code::kInvalidArgument, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status Corrupt(std::string msg) { return Status(Code::kCorrupt, std::move(msg)); }
  static Status Unsupported(std::string msg) { return Status(Code::kUnsupported, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return msg_; }
  // "<code name>: <message>", or "OK".
  std::string ToString() const;

  // Returns a copy whose message is prefixed with `context: ` (e.g. a file name).
  Status WithContext(std::string_view context) const;

 private:
  Status(Code c, std::string msg) : code_(c), msg_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string msg_;
};

#define HADATH_RETURN_IF_ERROR(expr)            \
  do {                                          \
    ::hadath::Status _st = (expr);              \
    if (!_st.ok()) return _st;                  \
  } while (0)

}  // namespace hadath
