#pragma once
/// Data files compiled into the library (see cmake/EmbedFiles.cmake).
#include <string_view>
#include <vector>

namespace irgraph::data {

struct EmbeddedFile {
  std::string_view name;     ///< file name without folder, e.g. "cities.tsv"
  std::string_view content;  ///< the file's bytes
};

/// Every embedded file, in the order CMake listed them.
const std::vector<EmbeddedFile>& embedded_files();

/// The contents of the embedded file called `name`; throws irgraph::Error when absent.
std::string_view embedded_file(std::string_view name);

}  // namespace irgraph::data
