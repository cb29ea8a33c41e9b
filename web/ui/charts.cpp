// Small ImDrawList charts (see charts.h). Index:
// [SECTION] Number formats
// [SECTION] Scales and frames
// [SECTION] Chart types
#include "ui/charts.h"

#include "access/access.h"

#include <algorithm>
#include <cstdlib>

namespace sto::ui::charts {

namespace {

constexpr ImU32 kGridColor = IM_COL32(222, 226, 232, 255);
constexpr ImU32 kAxisColor = IM_COL32(150, 158, 170, 255);
constexpr ImU32 kLabelColor = IM_COL32(90, 98, 110, 255);
constexpr ImU32 kHoverColor = IM_COL32(20, 60, 120, 28);

// Removes trailing zeros after the decimal mark: "19,500" → "19,5", "20,000" → "20".
std::int64_t value_at(const Series& s, std::size_t i) {
  return i < s.values.size() ? s.values[i] : 0;
}

}  // namespace

// [SECTION] Number formats

std::string format_value(std::int64_t value, const Format& format) {
  switch (format.unit) {
    case Unit::money: return format_money(Money{value}, format.language) + format.suffix;
    case Unit::thousandths: return format_trimmed(value, 3, format.language) + format.suffix;
    case Unit::count: break;
  }
  return format_fixed(value, 0, format.language) + format.suffix;
}

std::string format_tick(std::int64_t value, const Format& format) {
  if (format.unit != Unit::money) return format_value(value, format);
  const std::int64_t euros = divide_round_half_away(value, 100);
  const bool nl = format.language == Language::nl;
  const char* sign = euros < 0 ? "-" : "";
  const std::int64_t magnitude = std::llabs(euros);
  if (magnitude >= 1000000) {
    // Tenths of a million: "€ 1,5 mln" / "€1.5M".
    const std::string millions =
        format_trimmed(divide_round_half_away(magnitude, 100000), 1, format.language);
    return std::string(sign) + (nl ? "€ " + millions + " mln" : "€" + millions + "M") +
           format.suffix;
  }
  return std::string(sign) + (nl ? "€ " : "€") + format_fixed(magnitude, 0, format.language) +
         format.suffix;
}

ImU32 palette(int index) {
  static const ImU32 colors[] = {
      IM_COL32(31, 94, 160, 255),    // blue
      IM_COL32(230, 136, 30, 255),   // orange
      IM_COL32(46, 140, 87, 255),    // green
      IM_COL32(170, 60, 130, 255),   // purple
      IM_COL32(120, 120, 130, 255),  // grey
      IM_COL32(200, 70, 60, 255),    // red
      IM_COL32(60, 160, 170, 255),   // teal
      IM_COL32(150, 110, 60, 255),   // brown
  };
  const int n = static_cast<int>(sizeof colors / sizeof colors[0]);
  return colors[((index % n) + n) % n];
}

// [SECTION] Scales and frames

namespace {

// A "nice" step (1, 2, 2.5 or 5 × 10^k) so that about `ticks` steps cover `range`.
std::int64_t nice_step(std::int64_t range, int ticks, std::int64_t minimum) {
  const std::int64_t raw = std::max<std::int64_t>(minimum, (range + ticks - 1) / ticks);
  std::int64_t magnitude = 1;
  while (magnitude <= raw / 10) magnitude *= 10;
  for (std::int64_t m : {10, 20, 25, 50, 100}) {
    const std::int64_t step = magnitude * m / 10;
    if (step >= raw && step % std::max<std::int64_t>(1, minimum) == 0) return step;
  }
  return magnitude * 10;
}

std::int64_t floor_to(std::int64_t v, std::int64_t step) {
  std::int64_t q = v / step;
  if (v % step != 0 && v < 0) --q;
  return q * step;
}

std::int64_t ceil_to(std::int64_t v, std::int64_t step) {
  std::int64_t q = v / step;
  if (v % step != 0 && v > 0) ++q;
  return q * step;
}

// A linear value axis from lo to hi in steps.
struct Scale {
  std::int64_t lo = 0, hi = 1, step = 1;
  float to_y(std::int64_t v, float top, float bottom) const {
    const double t = static_cast<double>(v - lo) / static_cast<double>(hi - lo);
    return bottom - static_cast<float>(t) * (bottom - top);
  }
};

Scale make_scale(std::int64_t min_value, std::int64_t max_value, const Options& options) {
  if (options.zero_based) {
    min_value = std::min<std::int64_t>(0, min_value);
    max_value = std::max<std::int64_t>(0, max_value);
  }
  // Whole euros on a money axis, whole numbers on a count axis.
  const std::int64_t minimum_step = options.format.unit == Unit::money   ? 100
                                    : options.format.unit == Unit::count ? 1
                                                                         : 1;
  Scale s;
  if (max_value == min_value) {
    // A flat line: give it room above (and below unless it sits on zero).
    const std::int64_t pad = std::max<std::int64_t>(minimum_step, std::llabs(max_value) / 10);
    if (!options.zero_based || max_value != 0) min_value -= pad;
    max_value += pad;
    if (options.zero_based && min_value < 0 && max_value > 0 && min_value + pad >= 0) min_value = 0;
  }
  s.step = nice_step(max_value - min_value, 4, minimum_step);
  s.lo = floor_to(min_value, s.step);
  s.hi = ceil_to(max_value, s.step);
  if (s.hi == s.lo) s.hi = s.lo + s.step;
  return s;
}

// The drawing area of a chart after the legend, value axis labels and category labels.
struct Frame {
  ImDrawList* draw = nullptr;
  ImVec2 min, max;            // the whole item
  ImVec2 plot_min, plot_max;  // the data area
  bool hovered = false;
  ImVec2 mouse;
};

void draw_legend(const std::vector<Series>& series) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float box = ImGui::GetTextLineHeight() * 0.7f;
  const float avail = ImGui::GetContentRegionAvail().x;
  float used = 0.0f;
  for (std::size_t i = 0; i < series.size(); ++i) {
    const float w = box + 6.0f + ImGui::CalcTextSize(series[i].label.c_str()).x;
    if (i > 0) {
      // Wrap the legend instead of running off a narrow window.
      if (used + 18.0f + w <= avail) {
        ImGui::SameLine(0.0f, 18.0f);
        used += 18.0f;
      } else {
        used = 0.0f;
      }
    }
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float dy = (ImGui::GetTextLineHeight() - box) * 0.5f;
    draw->AddRectFilled(ImVec2(p.x, p.y + dy), ImVec2(p.x + box, p.y + dy + box), series[i].color,
                        2.0f);
    ImGui::SetCursorScreenPos(ImVec2(p.x + box + 6.0f, p.y));
    ImGui::TextUnformatted(series[i].label.c_str());
    used += w;
  }
}

Frame begin_frame(const char* id, const std::vector<Series>& series, const Scale& scale,
                  const Options& options, bool category_axis) {
  ImGui::PushID(id);
  if (options.legend && series.size() > 1) draw_legend(series);
  Frame f;
  f.draw = ImGui::GetWindowDrawList();
  const float width = options.width > 0 ? options.width : ImGui::GetContentRegionAvail().x;
  const float height = std::max(options.height, ImGui::GetTextLineHeight() * 4.0f);
  f.min = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##chart", ImVec2(std::max(width, 40.0f), height));
  f.max = ImGui::GetItemRectMax();
  f.hovered = ImGui::IsItemHovered();
  f.mouse = ImGui::GetIO().MousePos;
  float label_width = 0.0f;
  for (std::int64_t v = scale.lo; v <= scale.hi; v += scale.step)
    label_width =
        std::max(label_width, ImGui::CalcTextSize(format_tick(v, options.format).c_str()).x);
  const float line = ImGui::GetTextLineHeight();
  f.plot_min = ImVec2(f.min.x + label_width + 8.0f, f.min.y + line * 0.5f);
  f.plot_max = ImVec2(f.max.x - 4.0f, f.max.y - (category_axis ? line + 6.0f : line * 0.5f));
  // Gridlines with their labels.
  for (std::int64_t v = scale.lo; v <= scale.hi; v += scale.step) {
    const float y = scale.to_y(v, f.plot_min.y, f.plot_max.y);
    f.draw->AddLine(ImVec2(f.plot_min.x, y), ImVec2(f.plot_max.x, y),
                    v == 0 ? kAxisColor : kGridColor);
    const std::string label = format_tick(v, options.format);
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    f.draw->AddText(ImVec2(f.plot_min.x - 6.0f - size.x, y - size.y * 0.5f), kLabelColor,
                    label.c_str());
  }
  return f;
}

// Category labels under the slots, thinned out when they would overlap.
void draw_category_labels(const Frame& f, const std::vector<std::string>& categories) {
  const std::size_t n = categories.size();
  if (n == 0) return;
  const float slot = (f.plot_max.x - f.plot_min.x) / static_cast<float>(n);
  float widest = 0.0f;
  for (const std::string& c : categories)
    widest = std::max(widest, ImGui::CalcTextSize(c.c_str()).x);
  const std::size_t every = std::max<std::size_t>(
      1, static_cast<std::size_t>((widest + 8.0f) / std::max(slot, 1.0f)) + 1);
  for (std::size_t i = 0; i < n; i += every) {
    const ImVec2 size = ImGui::CalcTextSize(categories[i].c_str());
    const float x = f.plot_min.x + slot * (static_cast<float>(i) + 0.5f) - size.x * 0.5f;
    f.draw->AddText(ImVec2(x, f.plot_max.y + 4.0f), kLabelColor, categories[i].c_str());
  }
}

// The category under the mouse, or -1.
int hovered_category(const Frame& f, std::size_t n) {
  if (!f.hovered || n == 0 || f.mouse.x < f.plot_min.x || f.mouse.x >= f.plot_max.x) return -1;
  const float slot = (f.plot_max.x - f.plot_min.x) / static_cast<float>(n);
  return std::min(static_cast<int>((f.mouse.x - f.plot_min.x) / slot), static_cast<int>(n) - 1);
}

void category_tooltip(const std::string& category, const std::vector<Series>& series,
                      std::size_t index, const Format& format) {
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(category.c_str());
  ImGui::Separator();
  for (const Series& s : series) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float box = ImGui::GetTextLineHeight() * 0.7f;
    const float dy = (ImGui::GetTextLineHeight() - box) * 0.5f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + dy),
                                              ImVec2(p.x + box, p.y + dy + box), s.color, 2.0f);
    ImGui::SetCursorScreenPos(ImVec2(p.x + box + 6.0f, p.y));
    const std::string value = format_value(value_at(s, index), format);
    if (s.label.empty()) {
      ImGui::TextUnformatted(value.c_str());
    } else {
      ImGui::Text("%s: %s", s.label.c_str(), value.c_str());
    }
  }
  ImGui::EndTooltip();
}

void end_frame() {
  ImGui::PopID();
}

// The chart's text alternative for screen readers: every figure it shows, category by category.
void describe(const std::vector<std::string>& categories, const std::vector<Series>& series,
              const Format& format) {
  std::string text;
  for (std::size_t i = 0; i < categories.size(); ++i) {
    text += (i ? "; " : "") + categories[i] + ":";
    for (std::size_t k = 0; k < series.size(); ++k) {
      text += k ? ", " : " ";
      if (series.size() > 1) text += series[k].label + " ";
      text += format_value(value_at(series[k], i), format);
    }
  }
  access::describe_chart("", text);
}

}  // namespace

// [SECTION] Chart types

void line_chart(const char* id, const std::vector<std::string>& categories,
                const std::vector<Series>& series, const Options& options) {
  const std::size_t n = categories.size();
  std::int64_t lo = 0, hi = 0;
  bool any = false;
  for (const Series& s : series) {
    for (std::size_t i = 0; i < n; ++i) {
      const std::int64_t v = value_at(s, i);
      lo = any ? std::min(lo, v) : v;
      hi = any ? std::max(hi, v) : v;
      any = true;
    }
  }
  const Scale scale = make_scale(lo, hi, options);
  const Frame f = begin_frame(id, series, scale, options, true);
  describe(categories, series, options.format);
  draw_category_labels(f, categories);
  const int hover = hovered_category(f, n);
  const float slot = n > 0 ? (f.plot_max.x - f.plot_min.x) / static_cast<float>(n) : 0.0f;
  if (hover >= 0) {
    const float x = f.plot_min.x + slot * (static_cast<float>(hover) + 0.5f);
    f.draw->AddLine(ImVec2(x, f.plot_min.y), ImVec2(x, f.plot_max.y), kAxisColor);
  }
  for (const Series& s : series) {
    ImVec2 previous;
    for (std::size_t i = 0; i < n; ++i) {
      const ImVec2 p(f.plot_min.x + slot * (static_cast<float>(i) + 0.5f),
                     scale.to_y(value_at(s, i), f.plot_min.y, f.plot_max.y));
      if (i > 0) f.draw->AddLine(previous, p, s.color, 2.0f);
      previous = p;
    }
    for (std::size_t i = 0; i < n; ++i) {
      const ImVec2 p(f.plot_min.x + slot * (static_cast<float>(i) + 0.5f),
                     scale.to_y(value_at(s, i), f.plot_min.y, f.plot_max.y));
      f.draw->AddCircleFilled(p, static_cast<int>(i) == hover ? 4.5f : 3.5f, s.color);
    }
  }
  if (hover >= 0)
    category_tooltip(categories[static_cast<std::size_t>(hover)], series,
                     static_cast<std::size_t>(hover), options.format);
  end_frame();
}

void stacked_bars(const char* id, const std::vector<std::string>& categories,
                  const std::vector<Series>& series, const Options& options) {
  const std::size_t n = categories.size();
  std::int64_t lo = 0, hi = 0;
  for (std::size_t i = 0; i < n; ++i) {
    std::int64_t up = 0, down = 0;
    for (const Series& s : series) (value_at(s, i) >= 0 ? up : down) += value_at(s, i);
    hi = std::max(hi, up);
    lo = std::min(lo, down);
  }
  Options zero = options;
  zero.zero_based = true;  // a stacked bar without its base misleads
  const Scale scale = make_scale(lo, hi, zero);
  const Frame f = begin_frame(id, series, scale, options, true);
  describe(categories, series, options.format);
  draw_category_labels(f, categories);
  const int hover = hovered_category(f, n);
  const float slot = n > 0 ? (f.plot_max.x - f.plot_min.x) / static_cast<float>(n) : 0.0f;
  const float bar = std::min(slot * 0.6f, 56.0f);
  for (std::size_t i = 0; i < n; ++i) {
    const float cx = f.plot_min.x + slot * (static_cast<float>(i) + 0.5f);
    if (static_cast<int>(i) == hover)
      f.draw->AddRectFilled(ImVec2(cx - slot * 0.5f, f.plot_min.y),
                            ImVec2(cx + slot * 0.5f, f.plot_max.y), kHoverColor);
    std::int64_t up = 0, down = 0;
    for (const Series& s : series) {
      const std::int64_t v = value_at(s, i);
      if (v == 0) continue;
      std::int64_t& base = v > 0 ? up : down;
      const float y0 = scale.to_y(base, f.plot_min.y, f.plot_max.y);
      base += v;
      const float y1 = scale.to_y(base, f.plot_min.y, f.plot_max.y);
      f.draw->AddRectFilled(ImVec2(cx - bar * 0.5f, std::min(y0, y1)),
                            ImVec2(cx + bar * 0.5f, std::max(y0, y1)), s.color);
    }
  }
  if (hover >= 0)
    category_tooltip(categories[static_cast<std::size_t>(hover)], series,
                     static_cast<std::size_t>(hover), options.format);
  end_frame();
}

void grouped_bars(const char* id, const std::vector<std::string>& categories,
                  const std::vector<Series>& series, const Options& options) {
  const std::size_t n = categories.size();
  std::int64_t lo = 0, hi = 0;
  for (const Series& s : series) {
    for (std::size_t i = 0; i < n; ++i) {
      lo = std::min(lo, value_at(s, i));
      hi = std::max(hi, value_at(s, i));
    }
  }
  Options zero = options;
  zero.zero_based = true;
  const Scale scale = make_scale(lo, hi, zero);
  const Frame f = begin_frame(id, series, scale, options, true);
  describe(categories, series, options.format);
  draw_category_labels(f, categories);
  const int hover = hovered_category(f, n);
  const float slot = n > 0 ? (f.plot_max.x - f.plot_min.x) / static_cast<float>(n) : 0.0f;
  const float group = slot * 0.75f;
  const float bar =
      series.empty() ? 0.0f : std::min(group / static_cast<float>(series.size()), 40.0f);
  const float zero_y = scale.to_y(0, f.plot_min.y, f.plot_max.y);
  for (std::size_t i = 0; i < n; ++i) {
    const float cx = f.plot_min.x + slot * (static_cast<float>(i) + 0.5f);
    if (static_cast<int>(i) == hover)
      f.draw->AddRectFilled(ImVec2(cx - slot * 0.5f, f.plot_min.y),
                            ImVec2(cx + slot * 0.5f, f.plot_max.y), kHoverColor);
    const float start = cx - bar * static_cast<float>(series.size()) * 0.5f;
    for (std::size_t k = 0; k < series.size(); ++k) {
      const float y = scale.to_y(value_at(series[k], i), f.plot_min.y, f.plot_max.y);
      const float x0 = start + bar * static_cast<float>(k);
      f.draw->AddRectFilled(ImVec2(x0 + 1.0f, std::min(y, zero_y)),
                            ImVec2(x0 + bar - 1.0f, std::max(y, zero_y)), series[k].color);
    }
  }
  if (hover >= 0)
    category_tooltip(categories[static_cast<std::size_t>(hover)], series,
                     static_cast<std::size_t>(hover), options.format);
  end_frame();
}

void horizontal_bars(const char* id, const std::vector<std::string>& categories,
                     const std::vector<Series>& series, const Options& options) {
  const std::size_t n = categories.size();
  std::int64_t hi = 0;
  for (std::size_t i = 0; i < n; ++i) {
    std::int64_t sum = 0;
    for (const Series& s : series) sum += std::max<std::int64_t>(0, value_at(s, i));
    hi = std::max(hi, sum);
  }
  ImGui::PushID(id);
  if (options.legend && series.size() > 1) draw_legend(series);
  const float line = ImGui::GetTextLineHeight();
  const float row = line + 8.0f;
  const float width = options.width > 0 ? options.width : ImGui::GetContentRegionAvail().x;
  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##chart", ImVec2(std::max(width, 40.0f),
                                           row * static_cast<float>(std::max<std::size_t>(n, 1))));
  describe(categories, series, options.format);
  const bool hovered = ImGui::IsItemHovered();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // Labels take at most 40% of the width; longer ones are cut with an ellipsis.
  float label_width = 0.0f;
  for (const std::string& c : categories)
    label_width = std::max(label_width, ImGui::CalcTextSize(c.c_str()).x);
  label_width = std::min(label_width, width * 0.4f);
  float value_width = 0.0f;
  if (options.show_values)
    value_width = ImGui::CalcTextSize(format_value(hi, options.format).c_str()).x + 10.0f;
  const float x0 = min.x + label_width + 10.0f;
  const float x1 = std::max(x0 + 10.0f, min.x + width - value_width - 4.0f);
  int hover = -1;
  for (std::size_t i = 0; i < n; ++i) {
    const float y = min.y + row * static_cast<float>(i);
    if (hovered && mouse.y >= y && mouse.y < y + row) {
      hover = static_cast<int>(i);
      draw->AddRectFilled(ImVec2(min.x, y), ImVec2(min.x + width, y + row), kHoverColor);
    }
    std::string label = categories[i];
    if (ImGui::CalcTextSize(label.c_str()).x > label_width) {
      while (!label.empty() && ImGui::CalcTextSize((label + "…").c_str()).x > label_width) {
        label.pop_back();
        while (!label.empty() && (static_cast<unsigned char>(label.back()) & 0xC0) == 0x80)
          label.pop_back();  // never cut a UTF-8 character in half
        if (!label.empty() && (static_cast<unsigned char>(label.back()) & 0xC0) == 0xC0)
          label.pop_back();
      }
      label += "…";
    }
    draw->AddText(ImVec2(min.x, y + 4.0f), kLabelColor, label.c_str());
    std::int64_t sum = 0;
    for (const Series& s : series) {
      const std::int64_t v = std::max<std::int64_t>(0, value_at(s, i));
      if (v == 0 || hi == 0) continue;
      const float a =
          x0 + (x1 - x0) * static_cast<float>(static_cast<double>(sum) / static_cast<double>(hi));
      sum += v;
      const float b =
          x0 + (x1 - x0) * static_cast<float>(static_cast<double>(sum) / static_cast<double>(hi));
      draw->AddRectFilled(ImVec2(a, y + 3.0f), ImVec2(b, y + row - 3.0f), s.color);
    }
    if (options.show_values) {
      const float end = hi == 0 ? x0
                                : x0 + (x1 - x0) * static_cast<float>(static_cast<double>(sum) /
                                                                      static_cast<double>(hi));
      draw->AddText(ImVec2(end + 6.0f, y + 4.0f), kLabelColor,
                    format_value(sum, options.format).c_str());
    }
  }
  draw->AddLine(ImVec2(x0, min.y), ImVec2(x0, min.y + row * static_cast<float>(n)), kAxisColor);
  if (hover >= 0)
    category_tooltip(categories[static_cast<std::size_t>(hover)], series,
                     static_cast<std::size_t>(hover), options.format);
  ImGui::PopID();
}

void target_bar(const char* id, std::int64_t actual, std::int64_t target, ImU32 color,
                const Options& options) {
  ImGui::PushID(id);
  const float width = options.width > 0 ? options.width : ImGui::GetContentRegionAvail().x;
  const float height = std::max(ImGui::GetTextLineHeight() * 1.2f, std::min(options.height, 28.0f));
  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##bar", ImVec2(std::max(width, 40.0f), height + 4.0f));
  access::describe_chart(
      "", format_value(actual, options.format) + " / " + format_value(target, options.format));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const std::int64_t top = std::max<std::int64_t>({actual, target, 1});
  const ImVec2 max(min.x + width, min.y + height);
  draw->AddRectFilled(min, max, kGridColor, 3.0f);
  const auto x_of = [&](std::int64_t v) {
    return min.x + width * static_cast<float>(static_cast<double>(std::max<std::int64_t>(0, v)) /
                                              static_cast<double>(top));
  };
  if (actual > 0) draw->AddRectFilled(min, ImVec2(x_of(actual), max.y), color, 3.0f);
  if (target > 0) {
    const float x = x_of(target);
    draw->AddLine(ImVec2(x, min.y - 3.0f), ImVec2(x, max.y + 3.0f), IM_COL32(30, 30, 40, 255),
                  2.0f);
  }
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::Text("%s / %s", format_value(actual, options.format).c_str(),
                format_value(target, options.format).c_str());
    ImGui::EndTooltip();
  }
  ImGui::PopID();
}

}  // namespace sto::ui::charts
