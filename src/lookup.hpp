#pragma once
// The one lookup by id that the model's find_* methods share.

#include <string_view>

namespace scorecard::detail {

// The first item whose id is id, or nullptr.
template <class Items>
auto find_by_id(Items& items, std::string_view id) -> decltype(&*items.begin()) {
  for (auto& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

}  // namespace scorecard::detail
