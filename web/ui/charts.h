// Small charts drawn with ImDrawList: line chart, stacked bars, grouped bars, horizontal bars and
// a bar against a target. Values are int64 as the core stores them (cents, thousandths, counts);
// axis labels and tooltips use the UI language's number format (€ 1.234,56 / €1,234.56).
#pragma once
#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

#include "model/money.h"

namespace sto::ui::charts {

// How the values are stored, and so how they are written on the axis and in tooltips.
enum class Unit {
  count,       // whole numbers: 1.234
  money,       // euro cents: € 1.234,56 (axis: whole euros, "€ 1,5 mln" from a million)
  thousandths  // value_milli / quantity_milli: 19500 → 19,5
};

struct Format {
  Unit unit = Unit::count;
  Language language = Language::nl;
  std::string suffix;  // written after the number, e.g. "%" or " fte"; "" for none
};

// A value at full precision (tooltips): "€ 1.234,56", "19,5%", "1.234".
std::string format_value(std::int64_t value, const Format& format);
// A value as an axis label: money in whole euros, millions as "€ 1,5 mln" / "€1.5M".
std::string format_tick(std::int64_t value, const Format& format);

// One coloured data series; `values` has one entry per category (missing entries count as 0).
struct Series {
  std::string label;
  ImU32 color = 0;
  std::vector<std::int64_t> values;
};

struct Options {
  Format format;
  float width = 0.0f;        // pixels; 0 = the available width
  float height = 180.0f;     // pixels of the whole chart including axis labels and legend
  bool zero_based = true;    // the value axis includes 0 (a line chart may zoom in on its data)
  bool legend = true;        // a legend row above the chart when there are 2 or more series
  bool show_values = false;  // horizontal bars: write each bar's total at its end
};

// A categorical palette that stays readable on white (index wraps around).
ImU32 palette(int index);

// Points joined by lines, one line per series; hovering shows the values of a category.
void line_chart(const char* id, const std::vector<std::string>& categories,
                const std::vector<Series>& series, const Options& options);
// One bar per category with the series stacked on it (negative values stack below zero).
void stacked_bars(const char* id, const std::vector<std::string>& categories,
                  const std::vector<Series>& series, const Options& options);
// One group of bars per category, a bar per series side by side.
void grouped_bars(const char* id, const std::vector<std::string>& categories,
                  const std::vector<Series>& series, const Options& options);
// One row per category with its label on the left and the series stacked left to right.
// options.height is ignored: each row is one line of text high.
void horizontal_bars(const char* id, const std::vector<std::string>& categories,
                     const std::vector<Series>& series, const Options& options);
// A horizontal bar of `actual` against `target`: filled up to actual, a marker at target, and the
// scale running to the larger of the two. Green-or-red is the caller's `color`.
void target_bar(const char* id, std::int64_t actual, std::int64_t target, ImU32 color,
                const Options& options);

}  // namespace sto::ui::charts
