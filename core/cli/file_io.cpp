#include "cli/file_io.h"

#include <cstdlib>

#include <algorithm>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <thread>
#include <vector>

#include "engine/range_plan.h"

namespace basketlift::cli {

namespace {

struct FileCloser {
  void operator()(std::FILE* file) const {
    if (file != nullptr && file != stdin && file != stdout) std::fclose(file);
  }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

FilePtr open(const std::string& path, const char* mode) {
  if (path == "-") return FilePtr(mode[0] == 'r' ? stdin : stdout);
  return FilePtr(std::fopen(path.c_str(), mode));
}

}  // namespace

Status stream_file(Engine& engine, const std::string& path, FileOptions options) {
  FilePtr file = open(path, "rb");
  if (!file) {
    return Status::error(ErrorCode::unreadable_file,
                         "'" + path + "': cannot open: " + std::strerror(errno));
  }
  if (path != "-" && std::fseek(file.get(), 0, SEEK_END) == 0) {
    const long size = std::ftell(file.get());
    if (size > 0) options.size = static_cast<std::uint64_t>(size);
    std::rewind(file.get());
  }
  if (Status status = engine.begin_file(std::move(options)); !status.ok()) return status;
  std::vector<char> chunk(1 << 20);
  Status status = Status::success();
  while (status.ok()) {
    const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), file.get());
    if (n > 0) status = engine.feed(std::string_view(chunk.data(), n));
    if (n < chunk.size()) {
      if (std::ferror(file.get())) {
        status = Status::error(ErrorCode::unreadable_file, "'" + path + "': read error");
      }
      break;
    }
  }
  Status ended = engine.end_file();
  return status.ok() ? ended : status;
}

Status read_file(Engine& engine, const std::string& path, FileOptions options, unsigned threads) {
  constexpr off_t kThreadedFrom = 8 << 20;
  struct stat info {};
  if (threads <= 1 || path == "-" || ::stat(path.c_str(), &info) != 0 ||
      info.st_size < kThreadedFrom) {
    return stream_file(engine, path, std::move(options));
  }
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) {
    return Status::error(ErrorCode::unreadable_file,
                         "'" + path + "': cannot open: " + std::strerror(errno));
  }
  const auto size = static_cast<std::size_t>(info.st_size);
  void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (mapped == MAP_FAILED) return stream_file(engine, path, std::move(options));
  const auto on_threads = [](std::vector<std::function<void()>>& jobs) {
    std::vector<std::thread> running;
    for (std::size_t k = 1; k < jobs.size(); ++k)
      running.emplace_back(jobs[k]);
    if (!jobs.empty()) jobs[0]();
    for (std::thread& thread : running)
      thread.join();
  };
  // Ranges of about 16 MB, so that the engine merges readers' ranges between its own.
  constexpr std::size_t kRangeBytes = 16 << 20;
  const std::size_t ranges = std::max<std::size_t>(threads, size / kRangeBytes);
  const Status status =
      read_in_ranges(engine, std::string_view(static_cast<const char*>(mapped), size),
                     std::move(options), ranges, on_threads, nullptr, threads);
  ::munmap(mapped, size);
  return status;
}

std::optional<std::string> read_text_file(const std::string& path) {
  FilePtr file = open(path, "rb");
  if (!file) return std::nullopt;
  std::string text;
  char buffer[65536];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0)
    text.append(buffer, n);
  if (std::ferror(file.get())) return std::nullopt;
  return text;
}

Result<ZoneRules> load_time_zone(const std::string& name) {
  const char* dir = std::getenv("TZDIR");
  const std::string folder = dir != nullptr && *dir != '\0' ? dir : "/usr/share/zoneinfo";
  const std::optional<std::string> bytes = read_text_file(folder + "/" + name);
  if (!bytes) {
    return Status::error(ErrorCode::bad_config,
                         "time zone '" + name + "' is not in " + folder +
                             " (an IANA name such as Europe/Berlin; on Debian the tzdata "
                             "package installs them)");
  }
  return ZoneRules::from_tzif(name, *bytes);
}

bool write_text(const std::string& path, const std::string& text) {
  FilePtr file = open(path.empty() ? "-" : path, "wb");
  if (!file) return false;
  const bool ok = std::fwrite(text.data(), 1, text.size(), file.get()) == text.size();
  return std::fflush(file.get()) == 0 && ok;
}

}  // namespace basketlift::cli
