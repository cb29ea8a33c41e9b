// Moments and dates in the user's time zone (the browser's clock), for the app's messages and the
// panels alike.
#pragma once
#include <string>

#include "model/plan.h"

namespace sto::ui {

// A moment as "28-11-2026 14:03"; "—" when never (ms ≤ 0).
std::string date_time_text(double ms);
// Today.
Date local_today();

}  // namespace sto::ui
