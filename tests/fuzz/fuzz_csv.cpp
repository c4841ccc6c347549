// libFuzzer entry of the csv target (body in targets.cpp).
#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return basketlift::fuzz::run_csv(data, size);
}
