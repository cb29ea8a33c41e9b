// Plan comparison: one walk that stops at the first difference and says where it is.
#include "model/plan_equal.h"

#include <type_traits>

#include "model/schema.h"

namespace sto {

namespace {

class Compare {
 public:
  std::string difference;

  bool same(const std::string& path, const std::string& a, const std::string& b) {
    if (a == b) return true;
    return differ(path, "\"" + a + "\" vs \"" + b + "\"");
  }
  bool same(const std::string& path, std::int64_t a, std::int64_t b) {
    if (a == b) return true;
    return differ(path, std::to_string(a) + " vs " + std::to_string(b));
  }
  bool same(const std::string& path, bool a, bool b) {
    if (a == b) return true;
    return differ(path, std::string(a ? "true" : "false") + " vs " + (b ? "true" : "false"));
  }
  bool same(const std::string& path, Money a, Money b) { return same(path, a.cents, b.cents); }
  bool same(const std::string& path, const Date& a, const Date& b) {
    return same(path + ".year", std::int64_t{a.year}, std::int64_t{b.year}) &&
           same(path + ".month", std::int64_t{a.month}, std::int64_t{b.month}) &&
           same(path + ".day", std::int64_t{a.day}, std::int64_t{b.day});
  }
  template <typename Enum, typename = std::enable_if_t<std::is_enum_v<Enum>>>
  bool same(const std::string& path, Enum a, Enum b) {
    return same(path, static_cast<std::int64_t>(a), static_cast<std::int64_t>(b));
  }
  template <typename T>
  bool same(const std::string& path, const std::optional<T>& a, const std::optional<T>& b) {
    if (a.has_value() != b.has_value())
      return differ(path, std::string(a ? "set" : "unset") + " vs " + (b ? "set" : "unset"));
    return !a || same(path, *a, *b);
  }
  template <typename T>
  bool same(const std::string& path, const std::vector<T>& a, const std::vector<T>& b) {
    if (a.size() != b.size())
      return differ(path + ".size()", std::to_string(a.size()) + " vs " + std::to_string(b.size()));
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!same(path + "[" + std::to_string(i) + "]", a[i], b[i])) return false;
    return true;
  }
  bool same(const std::string& path, int a, int b) {
    return same(path, std::int64_t{a}, std::int64_t{b});
  }

  // A record: field by field, as its table in schema.h lists them.
  template <class Record, class = std::enable_if_t<schema::has_table_v<Record>>>
  bool same(const std::string& path, const Record& a, const Record& b) {
    bool equal = true;
    schema::for_each_field<Record>([&](const auto& f) {
      equal = equal && same(path.empty() ? f.file : path + "." + f.file, f.of(a), f.of(b));
    });
    return equal;
  }

 private:
  bool differ(const std::string& path, const std::string& values) {
    difference = path + ": " + values;
    return false;
  }
};

}  // namespace

bool equal_plans(const Plan& a, const Plan& b) {
  return plan_difference(a, b).empty();
}

std::string plan_difference(const Plan& a, const Plan& b) {
  Compare compare;
  compare.same(std::string(), a, b);
  return compare.difference;
}

}  // namespace sto
