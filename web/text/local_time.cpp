#include "text/local_time.h"

#include <cstdio>

#include "platform/browser.h"

namespace sto::ui {

Date local_today() {
  const platform::LocalTime t = platform::local_time(platform::now_ms());
  return Date{t.year, t.month, t.day};
}

std::string date_time_text(double ms) {
  if (ms <= 0) return "—";
  const platform::LocalTime t = platform::local_time(ms);
  char text[32];
  std::snprintf(text, sizeof text, "%02d-%02d-%04d %02d:%02d", t.day, t.month, t.year, t.hour,
                t.minute);
  return text;
}

}  // namespace sto::ui
