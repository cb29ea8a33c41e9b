// What the page says beside the items the accessibility bridge describes (access.h), kept apart
// from ImGui so the app's state (app/app.h) can give it without including ImGui.
#pragma once
#include <string>

namespace sto::access {

// What the page should say beside the items, in the UI language.
struct PageState {
  const char* language = "nl";  // <html lang>
  std::string title;            // document title
  std::string save_status;      // announced when it changes ("opgeslagen om 14:03")
  std::string banner;           // announced when it appears
  std::string findings;         // announced when it changes after an edit ("2 fouten, …")
  std::string notice;           // a confirmation ("Gekopieerd"), announced when notice_serial
  int notice_serial = 0;        // changes (so the same confirmation is heard again)
};

}  // namespace sto::access
