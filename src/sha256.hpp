#pragma once
// SHA-256 (FIPS 180-4), for the Content-Security-Policy hashes of the HTML page.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace scorecard::detail {

std::array<std::uint8_t, 32> sha256(std::string_view data);

// "sha256-<base64>", as a CSP source expression.
std::string csp_hash(std::string_view data);

std::string base64(const std::uint8_t* data, std::size_t size);

}  // namespace scorecard::detail
